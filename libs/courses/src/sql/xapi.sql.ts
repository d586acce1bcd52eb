import { defineQuery } from '@cqo/core';
import { PUBLIC_USER_ACCOUNTS } from '@cqo/identity';
import type { XapiDocumentKind } from '../entities/xapi-document.entity';

// SQL of the xAPI LRS: documents (XapiDocumentsService) and statements (XapiService).
// Tables: xapi_documents, xapi_statements, xapi_windows, xapi_api_keys, enrollments, lessons, course_versions,
// lesson_progress (courses); trainees' usernames and roles through identity's public view.

// ---- Documents (State, Activity Profile, Agent Profile)

export const xapiDocumentForUpdate = defineQuery<
  [organizationId: string, kind: XapiDocumentKind, scope: string, documentId: string],
  { content: Buffer; content_type: string }
>(
  'courses.xapi.documentForUpdate',
  `SELECT content, content_type FROM xapi_documents
    WHERE organization_id = $1 AND kind = $2 AND scope = $3 AND document_id = $4 FOR UPDATE`,
);

export const xapiDocumentQuery = defineQuery<
  [organizationId: string, kind: XapiDocumentKind, scope: string, documentId: string],
  { content: Buffer; content_type: string; etag: string; updated_at: Date }
>(
  'courses.xapi.document',
  `SELECT content, content_type, etag, updated_at FROM xapi_documents
    WHERE organization_id = $1 AND kind = $2 AND scope = $3 AND document_id = $4`,
);

export const xapiDocumentIdsQuery = defineQuery<
  [organizationId: string, kind: XapiDocumentKind, scope: string, since: Date | null],
  { document_id: string }
>(
  'courses.xapi.documentIds',
  `SELECT document_id FROM xapi_documents
    WHERE organization_id = $1 AND kind = $2 AND scope = $3 AND ($4::timestamptz IS NULL OR updated_at > $4) ORDER BY document_id`,
);

/** One document, or every document of the scope when no id is given (State API). */
export const deleteXapiDocuments = defineQuery<[organizationId: string, kind: XapiDocumentKind, scope: string, documentId: string | null]>(
  'courses.xapi.deleteDocuments',
  'DELETE FROM xapi_documents WHERE organization_id = $1 AND kind = $2 AND scope = $3 AND ($4::text IS NULL OR document_id = $4)',
);

export const upsertXapiDocument = defineQuery<
  [
    organizationId: string,
    kind: XapiDocumentKind,
    scope: string,
    documentId: string,
    contentType: string,
    content: Buffer,
    etag: string,
    now: Date,
  ]
>(
  'courses.xapi.upsertDocument',
  `INSERT INTO xapi_documents (organization_id, kind, scope, document_id, content_type, content, etag, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
   ON CONFLICT (organization_id, kind, scope, document_id) DO UPDATE SET content_type = EXCLUDED.content_type, content = EXCLUDED.content,
          etag = EXCLUDED.etag, updated_at = EXCLUDED.updated_at`,
);

// ---- Statements

/** Per statement, in order: its lesson, the trainee its actor names and that trainee's live enrolment in the lesson's course version. */
export interface XapiResolvedRow {
  key_live: boolean;
  lesson_id: string | null;
  type: string | null;
  minutes: number | null;
  organization_id: string | null;
  completion_share: string | null;
  trainee_id: string | null;
  enrollment_id: string | null;
  enrolled_at: Date | null;
}

type ResolveParams = [keyId: string | null, lessonIds: (string | null)[], usernames: string[]];

/**
 * Resolves a request's statements in one round trip ($2 lesson ids and $3 usernames, one per
 * statement) and checks in the same query that the key ($1, null for other callers) is not
 * revoked, so a key pair cached in the process is refused the moment it is revoked. The locking
 * variant locks the enrolment rows found (FOR UPDATE) for the rest of the transaction.
 */
const resolveSql = (lock: boolean) => `
  SELECT (SELECT $1::uuid IS NULL OR EXISTS (SELECT 1 FROM xapi_api_keys k WHERE k.id = $1::uuid AND k.revoked_at IS NULL)) AS key_live,
         l.id AS lesson_id, l.type, l.minutes, v.organization_id, v.completion_share,
         u.id AS trainee_id, e.id AS enrollment_id, e.enrolled_at
    FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS s(lesson_id, username, n)
    LEFT JOIN lessons l ON l.id = s.lesson_id
    LEFT JOIN course_versions v ON v.id = l.course_version_id
    LEFT JOIN ${PUBLIC_USER_ACCOUNTS} u ON u.username = s.username AND u.role = 'trainee'
    LEFT JOIN LATERAL (
      SELECT id, enrolled_at FROM enrollments
       WHERE trainee_id = u.id AND course_version_id = l.course_version_id AND status <> 'withdrawn'${lock ? ' FOR UPDATE' : ''}
    ) e ON true
   ORDER BY s.n`;
export const resolveXapiStatements = defineQuery<ResolveParams, XapiResolvedRow>('courses.xapi.resolve', resolveSql(false));
export const resolveXapiStatementLocked = defineQuery<ResolveParams, XapiResolvedRow>('courses.xapi.resolveLocked', resolveSql(true));

export interface XapiWriteRow {
  observed: number;
  refused: boolean;
  prior_hash: string | null;
  inserted: boolean;
  active_seconds: number | null;
  required_seconds: number | null;
  completed_at: Date | null;
}

type WriteParams = [
  id: string,
  enrollmentId: string,
  lessonId: string,
  keyId: string | null,
  confirmedBy: string | null,
  verb: string,
  reportedSeconds: number | null,
  creditSeconds: number,
  contentHash: string,
  statementTimestamp: Date | null,
  now: Date,
  registration: string | null,
  statement: object,
  launchId: string | null,
  liveWindow: boolean,
  requiredSeconds: number,
  toleranceSeconds: number,
];

/** `xapi_windows.registration` of statements without one (NO_REGISTRATION). */
const NO_REGISTRATION_SQL = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * Stores and credits one statement in one round trip, the enrolment locked by the caller (so the
 * window is not raced). $15 (a content player's key pair): the registration's window (its row in
 * xapi_windows: opened by its first statement stored here, and the seconds credited so far)
 * caps the duration: beyond the window plus $17 s of timer jitter it is refused (`refused`,
 * nothing written), and at most the window's uncredited seconds are credited. A statement id
 * seen before writes nothing (`prior_hash`); otherwise the statement is inserted, its window
 * kept (statements of a cmi5 launch, $14, have the launch as window instead) and its credit
 * added to the lesson's progress, returned so the caller can see whether the lesson's
 * requirement was just reached.
 */
export const writeXapiStatement = defineQuery<WriteParams, XapiWriteRow>(
  'courses.xapi.write',
  `
  WITH prior AS (SELECT content_hash FROM xapi_statements WHERE id = $1),
  win AS (
    SELECT started_at AS started, credited_seconds AS credited FROM xapi_windows
     WHERE $15::boolean AND enrollment_id = $2 AND lesson_id = $3 AND registration = COALESCE($12::uuid, ${NO_REGISTRATION_SQL})),
  decided AS (
    SELECT observed,
           $15::boolean AND $7::int IS NOT NULL AND $7::int > observed + $17::int AS refused,
           CASE WHEN $15::boolean THEN LEAST($8::int, GREATEST(0, observed - credited)) ELSE $8::int END AS credit
      FROM (SELECT CASE WHEN w.started IS NULL THEN 0 ELSE GREATEST(0, floor(extract(epoch FROM $11::timestamptz - w.started)))::int END AS observed,
                   COALESCE(w.credited, 0) AS credited
              FROM (SELECT 1) one LEFT JOIN win w ON true) w),
  ins AS (
    INSERT INTO xapi_statements (id, enrollment_id, lesson_id, api_key_id, confirmed_by, verb, reported_seconds, credited_seconds, content_hash, statement_timestamp, stored_at, registration, statement, launch_id)
    SELECT $1, $2, $3, $4, $5, $6, $7::int, credit, $9, $10, $11, $12::uuid, $13, $14 FROM decided WHERE NOT refused AND NOT EXISTS (SELECT 1 FROM prior)
    ON CONFLICT (id) DO NOTHING RETURNING credited_seconds),
  windowed AS (
    INSERT INTO xapi_windows (enrollment_id, lesson_id, registration, started_at, credited_seconds)
    SELECT $2, $3, COALESCE($12::uuid, ${NO_REGISTRATION_SQL}), $11, credited_seconds FROM ins WHERE $14::uuid IS NULL
    ON CONFLICT (enrollment_id, lesson_id, registration) DO UPDATE SET started_at = LEAST(xapi_windows.started_at, EXCLUDED.started_at),
           credited_seconds = xapi_windows.credited_seconds + EXCLUDED.credited_seconds),
  progress AS (
    INSERT INTO lesson_progress (enrollment_id, lesson_id, active_seconds, required_seconds, updated_at)
    SELECT $2, $3, credited_seconds, $16, $11 FROM ins
    ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET active_seconds = lesson_progress.active_seconds + EXCLUDED.active_seconds, updated_at = EXCLUDED.updated_at
    RETURNING active_seconds, required_seconds, completed_at)
  SELECT d.observed, d.refused, (SELECT content_hash FROM prior) AS prior_hash, EXISTS (SELECT 1 FROM ins) AS inserted,
         p.active_seconds, p.required_seconds, p.completed_at
    FROM decided d LEFT JOIN progress p ON true`,
);

type WriteManyParams = [
  ids: string[],
  enrollmentIds: string[],
  lessonIds: string[],
  verbs: string[],
  reportedSeconds: (number | null)[],
  creditSeconds: number[],
  contentHashes: string[],
  statementTimestamps: (Date | null)[],
  registrations: (string | null)[],
  /** The stored statements, as JSON text. */
  statements: string[],
  requiredSeconds: number[],
  keyId: string | null,
  confirmedBy: string | null,
  now: Date,
  liveWindow: boolean,
  toleranceSeconds: number,
];

/**
 * writeXapiStatement for several statements in one round trip (a group of content players'
 * statements; no cmi5 launch): the same rules, one row per statement in order (`n`, from 1).
 * The caller gives statements of distinct ids and distinct (enrolment, lesson) only, so that no
 * two of them touch the same window or progress row (those go one by one after).
 */
export const writeXapiStatements = defineQuery<WriteManyParams, XapiWriteRow & { n: number }>(
  'courses.xapi.writeMany',
  `
  WITH s AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::text[], $8::timestamptz[], $9::uuid[], $10::text[], $11::int[])
           WITH ORDINALITY AS s(id, enrollment_id, lesson_id, verb, reported, credit, content_hash, statement_timestamp, registration, statement, required, n)),
  prior AS (SELECT s.n, x.content_hash FROM s JOIN xapi_statements x ON x.id = s.id),
  decided AS (
    SELECT s.*, w.observed,
           $15::boolean AND s.reported IS NOT NULL AND s.reported > w.observed + $16::int AS refused,
           CASE WHEN $15::boolean THEN LEAST(s.credit, GREATEST(0, w.observed - w.credited)) ELSE s.credit END AS credited
      FROM s CROSS JOIN LATERAL (
        SELECT CASE WHEN x.started_at IS NULL THEN 0 ELSE GREATEST(0, floor(extract(epoch FROM $14::timestamptz - x.started_at)))::int END AS observed,
               COALESCE(x.credited_seconds, 0) AS credited
          FROM (SELECT 1) one LEFT JOIN xapi_windows x
            ON $15::boolean AND x.enrollment_id = s.enrollment_id AND x.lesson_id = s.lesson_id
           AND x.registration = COALESCE(s.registration, ${NO_REGISTRATION_SQL})) w),
  ins AS (
    INSERT INTO xapi_statements (id, enrollment_id, lesson_id, api_key_id, confirmed_by, verb, reported_seconds, credited_seconds, content_hash, statement_timestamp, stored_at, registration, statement)
    SELECT d.id, d.enrollment_id, d.lesson_id, $12, $13, d.verb, d.reported, d.credited, d.content_hash, d.statement_timestamp, $14, d.registration, d.statement::jsonb
      FROM decided d WHERE NOT d.refused AND NOT EXISTS (SELECT 1 FROM prior p WHERE p.n = d.n)
    ON CONFLICT (id) DO NOTHING RETURNING id, enrollment_id, lesson_id, registration, credited_seconds),
  windowed AS (
    INSERT INTO xapi_windows (enrollment_id, lesson_id, registration, started_at, credited_seconds)
    SELECT enrollment_id, lesson_id, COALESCE(registration, ${NO_REGISTRATION_SQL}), $14, credited_seconds FROM ins
    ON CONFLICT (enrollment_id, lesson_id, registration) DO UPDATE SET started_at = LEAST(xapi_windows.started_at, EXCLUDED.started_at),
           credited_seconds = xapi_windows.credited_seconds + EXCLUDED.credited_seconds),
  progress AS (
    INSERT INTO lesson_progress (enrollment_id, lesson_id, active_seconds, required_seconds, updated_at)
    SELECT i.enrollment_id, i.lesson_id, i.credited_seconds, s.required, $14 FROM ins i JOIN s ON s.id = i.id
    ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET active_seconds = lesson_progress.active_seconds + EXCLUDED.active_seconds, updated_at = EXCLUDED.updated_at
    RETURNING enrollment_id, lesson_id, active_seconds, required_seconds, completed_at)
  SELECT d.n::int AS n, d.observed, d.refused, p.content_hash AS prior_hash, EXISTS (SELECT 1 FROM ins i WHERE i.id = d.id) AS inserted,
         g.active_seconds, g.required_seconds, g.completed_at
    FROM decided d LEFT JOIN prior p ON p.n = d.n
    LEFT JOIN progress g ON g.enrollment_id = d.enrollment_id AND g.lesson_id = d.lesson_id
   ORDER BY d.n`,
);

export const xapiStatementHash = defineQuery<[id: string], { content_hash: string }>(
  'courses.xapi.statementHash',
  'SELECT content_hash FROM xapi_statements WHERE id = $1',
);

/** A stored statement with the organization of its lesson (GET /xapi/statements). */
export const xapiStatementQuery = defineQuery<
  [id: string],
  { statement: Record<string, unknown> | null; voided_by: string | null; organization_id: string; enrollment_id: string }
>(
  'courses.xapi.statement',
  `SELECT s.statement, s.voided_by, s.enrollment_id, v.organization_id FROM xapi_statements s
     JOIN lessons l ON l.id = s.lesson_id JOIN course_versions v ON v.id = l.course_version_id WHERE s.id = $1`,
);

/** Every enrolment of a batch locked in one sorted pass, so concurrent batches cannot deadlock. */
export const lockXapiEnrollments = defineQuery<[enrollmentIds: string[]], { id: string }>(
  'courses.xapi.lockEnrollments',
  'SELECT id FROM enrollments WHERE id = ANY($1) ORDER BY id FOR UPDATE',
);

export const insertVoidingStatement = defineQuery<
  [
    id: string,
    enrollmentId: string,
    lessonId: string,
    keyId: string | null,
    confirmedBy: string | null,
    verb: string,
    reportedSeconds: number | null,
    contentHash: string,
    statementTimestamp: Date | null,
    now: Date,
    registration: string | null,
    statement: object,
    launchId: string | null,
  ],
  { id: string }
>(
  'courses.xapi.insertVoiding',
  `WITH ins AS (
     INSERT INTO xapi_statements (id, enrollment_id, lesson_id, api_key_id, confirmed_by, verb, reported_seconds, credited_seconds, content_hash, statement_timestamp, stored_at, registration, statement, launch_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING RETURNING id),
   windowed AS (
     INSERT INTO xapi_windows (enrollment_id, lesson_id, registration, started_at, credited_seconds)
     SELECT $2, $3, COALESCE($11::uuid, ${NO_REGISTRATION_SQL}), $10, 0 FROM ins WHERE $13::uuid IS NULL
     ON CONFLICT (enrollment_id, lesson_id, registration) DO UPDATE SET started_at = LEAST(xapi_windows.started_at, EXCLUDED.started_at))
   SELECT id FROM ins`,
);

/** Voids a statement; its credited seconds go back to its window. */
export const voidXapiStatement = defineQuery<[voidingId: string, voidedId: string], { credited_seconds: number }>(
  'courses.xapi.void',
  `WITH v AS (
     UPDATE xapi_statements SET voided_by = $1 WHERE id = $2 AND voided_by IS NULL
     RETURNING credited_seconds, enrollment_id, lesson_id, registration, launch_id),
   windowed AS (
     UPDATE xapi_windows w SET credited_seconds = GREATEST(0, w.credited_seconds - v.credited_seconds) FROM v
      WHERE v.launch_id IS NULL AND w.enrollment_id = v.enrollment_id AND w.lesson_id = v.lesson_id
        AND w.registration = COALESCE(v.registration, ${NO_REGISTRATION_SQL}))
   SELECT credited_seconds FROM v`,
);

export const takeBackXapiCredit = defineQuery<[enrollmentId: string, lessonId: string, seconds: number, now: Date]>(
  'courses.xapi.takeBackCredit',
  `UPDATE lesson_progress SET active_seconds = GREATEST(0, active_seconds - $3), updated_at = $4
    WHERE enrollment_id = $1 AND lesson_id = $2`,
);

/** The seconds a cmi5 launch has been credited so far (its statements not voided). */
export const cmi5LaunchCreditedQuery = defineQuery<[launchId: string], { credited: string | null }>(
  'courses.xapi.launchCredited',
  'SELECT sum(credited_seconds) FILTER (WHERE voided_by IS NULL) AS credited FROM xapi_statements WHERE launch_id = $1',
);

export const xapiVoidTargetsQuery = defineQuery<[ids: string[]], { id: string; enrollment_id: string; lesson_id: string; verb: string }>(
  'courses.xapi.voidTargets',
  'SELECT id, enrollment_id, lesson_id, verb FROM xapi_statements WHERE id = ANY($1::uuid[])',
);
