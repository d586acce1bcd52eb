import { defineQuery } from '@cqo/core';

// SQL of the streamed exports' machinery (copy-stream.ts). No table.

/** Each value quoted by PostgreSQL as a literal (`quote_nullable`), in order: COPY takes no bind parameters. */
export const quoteLiterals = defineQuery<[values: (string | null)[]], { q: string }>(
  'reporting.exports.quoteLiterals',
  'SELECT quote_nullable(t.v) AS q FROM unnest($1::text[]) WITH ORDINALITY AS t(v, i) ORDER BY t.i',
);
