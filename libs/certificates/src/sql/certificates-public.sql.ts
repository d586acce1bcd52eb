// Public view of issued certificates for other libs (reporting): a subquery over one table,
// which PostgreSQL inlines. Table: certificates (certificates).

/** Certificates: id, serial, kind, trainee_id, subject_key, year, version, status, region_id, organization_id, content, issued_at. */
export const PUBLIC_CERTIFICATES = `(SELECT id, serial, kind, trainee_id, subject_key, year, version, status, region_id, organization_id, content,
         issued_at FROM certificates)`;
