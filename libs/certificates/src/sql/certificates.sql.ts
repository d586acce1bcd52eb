import { defineQuery, defineTemplate } from '@cqo/core';
import { PUBLIC_COURSE_VERSIONS } from '@cqo/courses';
import { PUBLIC_REGIONS, PUBLIC_TRAINING_ORGANIZATIONS } from '@cqo/organizations';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { CertificateEventType } from '../certificate.entity';
import type { CertificateKind } from '../certificate.types';

// SQL of the certificates repository (CertificatesRepository). Tables: certificates,
// certificate_events (certificates); the holder, regions and course names through the public
// views of trainees, organizations and courses; notifications through its insert fragment.

export interface HolderSqlRow {
  full_name: string;
  id_number_masked: string;
  region_id: string;
}

/** $1 the trainee: name and masked ID number; region of the enterprise, else the root region (the province). */
const HOLDER = `SELECT p.full_name, p.id_number_masked,
         COALESCE(p.enterprise_region_id, (SELECT id FROM ${PUBLIC_REGIONS} g WHERE parent_id IS NULL ORDER BY sort_order, code LIMIT 1)) AS region_id
    FROM ${PUBLIC_TRAINEES} p
   WHERE p.user_id = $1`;

export const holder = defineQuery<[traineeId: string], HolderSqlRow>('certificates.holder', HOLDER);

type IssuanceStartRow = { existing_id: string | null } & { [K in keyof HolderSqlRow]: HolderSqlRow[K] | null };

/** The current version of (trainee, kind, subject, period) if any, and the holder (nulls without a profile). */
export const issuanceStart = defineQuery<[traineeId: string, kind: CertificateKind, subjectKey: string, period: string], IssuanceStartRow>(
  'certificates.issuanceStart',
  `SELECT (SELECT c.id FROM certificates c
                WHERE c.trainee_id = $1 AND c.kind = $2 AND c.subject_key = $3 AND c.period = $4 AND c.status <> 'superseded') AS existing_id,
              h.*
         FROM (SELECT 1) one LEFT JOIN (${HOLDER}) h ON TRUE`,
);

/** As {@link issuanceStart}, with the printed names of the course version and its organization (nulls when either is missing). */
export const issuanceStartWithCourse = defineQuery<
  [traineeId: string, kind: CertificateKind, subjectKey: string, period: string, courseVersionId: string, organizationId: string],
  IssuanceStartRow & { course_title: string | null; organization_name: string | null }
>(
  'certificates.issuanceStartWithCourse',
  `SELECT (SELECT c.id FROM certificates c
                WHERE c.trainee_id = $1 AND c.kind = $2 AND c.subject_key = $3 AND c.period = $4 AND c.status <> 'superseded') AS existing_id,
              h.*, n.course_title, n.organization_name
         FROM (SELECT 1) one LEFT JOIN (${HOLDER}) h ON TRUE
         LEFT JOIN (SELECT v.title AS course_title, o.name AS organization_name
                      FROM ${PUBLIC_COURSE_VERSIONS} v, ${PUBLIC_TRAINING_ORGANIZATIONS} o
                     WHERE v.id = $5 AND o.id = $6) n ON TRUE`,
);

/** `$1` numbers of the serial sequence in one round trip (see SerialBlocks). */
export const nextSerialNumbers = defineQuery<[count: number], { n: string }>(
  'certificates.nextSerialNumbers',
  "SELECT nextval('certificate_serial_seq')::text AS n FROM generate_series(1, $1::int)",
);

/** Serializes issuance of one (trainee, kind, subject, period) across processes until the transaction ends. */
export const lockSubject = defineQuery<[key: string]>('certificates.lockSubject', 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))');

/**
 * A certificate version, its history entry and the holder's notification in one statement;
 * `notice` is notifications' insert with its parameters from $26.
 */
export const insertVersion = defineTemplate<'notice'>(
  'certificates.insertVersion',
  ['notice'],
  (f) => `WITH version AS (
         INSERT INTO certificates (id, serial, verify_token, trainee_id, kind, subject_key, period, year, version, previous_id, status, region_id,
                                   organization_id, course_id, content, pdf_sha256, pdf_size, signature, signing_key_id, storage_key, issued_at, created_at)
         VALUES ($25, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16, $17, $18, $19, $20, $21)
         RETURNING id),
       history AS (
         INSERT INTO certificate_events (certificate_id, type, actor_id, reason, at) SELECT id, $22, $23, $24, $21 FROM version),
       notice AS (${f.notice})
       SELECT id FROM version`,
);

/** One entry of a certificate's history: what happened to which version (by its serial), by whom, why. */
export interface CertificateHistoryEntry {
  certificateId: string;
  serial: string;
  type: CertificateEventType;
  actorId: string | null;
  reason: string | null;
  at: Date;
}

/**
 * What happened to every version of the chain that $1 belongs to (back through previous_id, forward
 * through later versions), oldest first. A reissue's two entries share their instant: the old
 * version's end sorts before the new one's start.
 */
export const chainHistory = defineQuery<[id: string], CertificateHistoryEntry>(
  'certificates.chainHistory',
  `WITH RECURSIVE back AS (
         SELECT id, previous_id FROM certificates WHERE id = $1
         UNION ALL SELECT c.id, c.previous_id FROM certificates c JOIN back b ON c.id = b.previous_id),
       fwd AS (
         SELECT id FROM certificates WHERE id = $1
         UNION ALL SELECT c.id FROM certificates c JOIN fwd f ON c.previous_id = f.id),
       chain AS (SELECT id FROM back UNION SELECT id FROM fwd)
       SELECT e.certificate_id AS "certificateId", c.serial, e.type, e.actor_id AS "actorId", e.reason, e.at
         FROM certificate_events e
         JOIN chain ch ON ch.id = e.certificate_id
         JOIN certificates c ON c.id = e.certificate_id
        ORDER BY e.at, CASE e.type WHEN 'issued' THEN 0 WHEN 'superseded' THEN 1 WHEN 'reissued' THEN 2 ELSE 3 END, e.id`,
);
