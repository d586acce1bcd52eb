import { defineQuery } from '@cqo/core';

// SQL of enterprises (EnterprisesService). Tables: enterprises, regions (organizations).

export interface EnterpriseSearchRow {
  id: string;
  name: string;
  credit_code: string;
  region_name: string;
}

/** The public employer search: a name containing $1 or a credit code starting with it, name-prefix matches first. */
export const searchEnterprises = defineQuery<[escapedText: string, limit: number], EnterpriseSearchRow>(
  'organizations.enterprises.search',
  `SELECT e.id, e.name, e.credit_code, r.name AS region_name
         FROM enterprises e JOIN regions r ON r.id = e.region_id
        WHERE e.name ILIKE '%' || $1 || '%' ESCAPE '\\' OR e.credit_code LIKE upper($1) || '%' ESCAPE '\\'
        ORDER BY (e.name ILIKE $1 || '%' ESCAPE '\\') DESC, e.name, e.id
        LIMIT $2`,
);
