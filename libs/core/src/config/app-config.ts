import { createHmac } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { plainToInstance, Transform } from 'class-transformer';
import { ZipLimits } from '../uploads/zip-inspection';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * The one typed configuration object. Nothing else in the code base reads `process.env`.
 *
 * The abstract class is only the injection token (`constructor(private readonly config: AppConfig)`
 * resolves by type, as Clock and DataSource do); the interface of the same name gives it its fields.
 * The value provided is the plain object `loadAppConfig` returns, never an instance of the class.
 */
export abstract class AppConfig {}
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  workerHealthPort: number;
  databaseUrl: string;
  redisUrl: string;
  /** Prefix of every Redis key we write (BullMQ queues included), so test runs never share state. */
  redisPrefix: string;
  jwt: { accessSecret: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  /** Secret for the keyed hashes that let us match ID numbers and phones without storing them. */
  piiHashKey: string;
  publicBaseUrl: string;
  storageDir: string;
  /** Certificates: the Ed25519 key that signs them, the issuer printed on them, and the region code of their serial numbers. */
  certificates: {
    signingKey: string;
    issuerName: string;
    serialRegion: string;
    verifyRateLimitPerMinute: number;
    /** Threads that render certificate PDFs off the worker's event loop; 0 renders on it. */
    renderThreads: number;
  };
  /** Hosted lesson content (issue 15): upload limits, signed media URLs, idle detection. */
  content: {
    maxVideoBytes: number;
    maxDocumentBytes: number;
    /** Lifetime of a signed media URL; the player asks for a fresh one when it expires. */
    urlTtlSeconds: number;
    /** HMAC key of signed media URLs. */
    urlSigningKey: string;
    /** No input for this long while the page is hidden or unfocused counts as idle (no credit). */
    idleSeconds: number;
    /** How often the study page sends a heartbeat (each credits at most HEARTBEAT_MAX_CREDIT_SECONDS). */
    heartbeatSeconds: number;
  };
  /** Time zone in which credit-hour years and schedules are reckoned (the notice is Gansu's). */
  rulesTimeZone: string;
  /** Log-in and registration attempts allowed per client address and user name per minute. */
  loginRateLimitPerMinute: number;
  /** xAPI statements dated further back than this many days need an org admin's confirmation. */
  xapiMaxStatementAgeDays: number;
  /** Accounts and sessions: see {@link SecurityConfig}. */
  security: SecurityConfig;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Serve the OpenAPI UI and document (`/docs`, `/docs-json`); off in production unless `DOCS_ENABLED=true`. */
  docsEnabled: boolean;
  /** What an uploaded file may hold: ZIP-based ones (XLSX) are checked before they are read. */
  uploads: { zip: ZipLimits; maxRows: number };
  /** Read-only routes that tolerate a little replication lag (regulators' reports) read here; the primary by default. */
  databaseReadUrl: string;
  /** Processes `npm start` runs: API processes (one port, Node cluster) and worker processes. */
  processes: { api: number; worker: number };
  /** Outbox events relayed more than this many days ago are deleted nightly (docs/scaling.md). */
  outboxRetentionDays: number;
  /**
   * Chunks of a full compliance recomputation run at once, each a transaction on its own
   * connection: about the database server's cores (docs/scaling.md, "Two lanes, not three").
   */
  complianceLanes: number;
  /** Outgoing e-mail: see {@link MailConfig}. */
  mail: MailConfig;
}

/**
 * Outgoing e-mail (issue 16). `smtp` when SMTP_HOST is set; otherwise, in development, a local
 * catch-all (an SMTP server inside the worker writing .eml files under storage/mail-catch-all);
 * otherwise (tests, production without SMTP) no mail is sent and the mail jobs record that.
 */
export interface MailConfig {
  mode: 'smtp' | 'catch-all' | 'off';
  host: string | null;
  port: number;
  /** `tls`: TLS from the first byte (port 465); `starttls`: upgrade required; `none`: plain (a local relay). */
  security: 'tls' | 'starttls' | 'none';
  user: string | null;
  password: string | null;
  /** The From header, e.g. `甘肃省首席质量官培训平台 <noreply@example.cn>`. */
  from: string;
  /** HMAC key of unsubscribe links and e-mail tokens (derived from JWT_ACCESS_SECRET unless set). */
  signingKey: string;
  /** A reminder's mail waits this long, so the day's reminder run is complete when its digest is made. */
  digestWaitSeconds: number;
  /** Days a sent (or suppressed, or bounced) mail's log row is kept: it holds an address. */
  logRetentionDays: number;
}

/** Sessions, log-in protection, second factor and audit (issue 13). */
export interface SecurityConfig {
  /** Which proxies' X-Forwarded-For to believe: false (none), a hop count, or addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** Access-token lifetime of staff (every role but trainee); at most ten minutes. */
  staffAccessTtlSeconds: number;
  /** A session unused (no refresh) this long ends. */
  sessionIdleTimeoutSeconds: number;
  /** A rotated refresh token presented again this soon (two tabs refreshing at once) is not reuse. */
  refreshGraceSeconds: number;
  /** Failed log-ins per client address in 15 minutes, whatever the user names (password spraying). */
  loginFailuresPerAddress: number;
  /** Failed log-ins of one account (from any address) before it is locked; each further failure doubles the lock. */
  lockoutThreshold: number;
  lockoutBaseSeconds: number;
  /** Public verifications of one certificate serial per hour, from all addresses together. */
  verifySerialLimitPerHour: number;
  /** Platform admins must use a TOTP second factor (always in production). */
  platformAdminTotpRequired: boolean;
  /** Audit-log rows older than this are deleted (at least 180 days, 等保 / Cybersecurity Law). */
  auditRetentionDays: number;
}

/** TRUST_PROXY: off, a hop count (1-10), or a comma-separated list of addresses or CIDRs. */
export function parseTrustProxy(raw: string): SecurityConfig['trustProxy'] | null {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'false' || value === 'off' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value) <= 10 ? Number(value) : null;
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const ipv4 = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
  const ipv6 = /^[0-9a-f:]+(\/\d{1,3})?$/;
  const named = /^(loopback|linklocal|uniquelocal)$/;
  return entries.length > 0 && entries.every((e) => ipv4.test(e) || (e.includes(':') && ipv6.test(e)) || named.test(e)) ? entries : null;
}

const DEV_SECRET = 'dev-only-secret-change-me-0123456789abcdef';
/** A fixed Ed25519 key (base64 PKCS#8 DER) for development and tests only; production must set its own. */
const DEV_CERTIFICATE_SIGNING_KEY = 'MC4CAQAwBQYDK2VwBCIEIPaKBOuHg74jrXO9RA9LBX0elDm6G1PNHaTiqEeVVnRW';

class EnvironmentVariables {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: AppConfig['env'] = 'development';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/cqo';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[a-zA-Z0-9:_-]{1,64}$/, { message: 'must be 1-64 characters of letters, digits, : _ -' })
  REDIS_PREFIX = 'cqo';

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_ACCESS_SECRET = DEV_SECRET;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(30)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(300)
  @Max(90 * 86400)
  JWT_REFRESH_TTL_SECONDS = 14 * 86400;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  PII_HASH_KEY = DEV_SECRET;

  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  @IsString()
  @MinLength(1)
  STORAGE_DIR = './storage';

  /** Ed25519 private key: PEM (`-----BEGIN PRIVATE KEY-----`) or base64 PKCS#8 DER. */
  @IsString()
  @MinLength(40, { message: 'must be an Ed25519 private key (PEM or base64 PKCS#8)' })
  CERTIFICATE_SIGNING_KEY = DEV_CERTIFICATE_SIGNING_KEY;

  @IsString()
  @MinLength(2)
  CERTIFICATE_ISSUER_NAME = '甘肃省首席质量官培训平台';

  @Matches(/^[A-Z]{2,4}$/, { message: 'must be 2-4 capital letters, e.g. GS' })
  CERTIFICATE_SERIAL_REGION = 'GS';

  /** Public certificate verifications allowed per client address per minute. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(10000)
  VERIFY_RATE_LIMIT_PER_MINUTE = 30;

  /** xAPI statements whose `timestamp` is older than this many days are refused unless an org admin confirms them. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(3650)
  XAPI_MAX_STATEMENT_AGE_DAYS = 30;

  /**
   * Certificate render threads in each process; by default one per CPU. Rendering is nearly all
   * of an issuance's CPU, while the event loop mostly waits on PostgreSQL and Redis.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(64)
  CERTIFICATE_RENDER_THREADS = availableParallelism();

  /** Largest video a training organization may upload (default 2 GiB). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  CONTENT_MAX_VIDEO_BYTES = 2 * 1024 ** 3;

  /** Largest PDF (default 100 MiB). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  CONTENT_MAX_DOCUMENT_BYTES = 100 * 1024 ** 2;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(10)
  @Max(86400)
  CONTENT_URL_TTL_SECONDS = 600;

  /** Optional: by default derived from JWT_ACCESS_SECRET, so production needs no fourth secret. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  CONTENT_URL_SIGNING_KEY?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(5)
  @Max(3600)
  STUDY_IDLE_SECONDS = 120;

  /** Below the 60 s per-heartbeat cap, so a steady player never loses time to it; the browser tests use a few seconds. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(2)
  @Max(60)
  STUDY_HEARTBEAT_SECONDS = 30;

  @IsIn(['Asia/Shanghai'], { message: 'must be Asia/Shanghai (the notice reckons years in China Standard Time)' })
  RULES_TIME_ZONE = 'Asia/Shanghai';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /** Off by default: X-Forwarded-For is believed only from the proxies named here. */
  @IsString()
  @Matches(/^[\w.:/, -]*$/, { message: 'must be false, a hop count or a comma-separated list of addresses/CIDRs' })
  TRUST_PROXY = 'false';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(30)
  @Max(600, { message: 'must be at most 600 (staff access tokens live at most ten minutes)' })
  JWT_STAFF_ACCESS_TTL_SECONDS = 600;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(60)
  @Max(86400)
  SESSION_IDLE_TIMEOUT_SECONDS = 1800;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(60)
  REFRESH_GRACE_SECONDS = 10;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_FAILURES_PER_ADDRESS = 20;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_LOCKOUT_THRESHOLD = 5;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_LOCKOUT_BASE_SECONDS = 60;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100000)
  VERIFY_SERIAL_LIMIT_PER_HOUR = 20;

  @IsIn(['true', 'false'])
  PLATFORM_ADMIN_TOTP_REQUIRED = 'false';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(180, { message: 'must be at least 180 (days the audit log is kept)' })
  @Max(3650)
  AUDIT_RETENTION_DAYS = 180;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1, { message: 'must be at least 1 (days a relayed outbox event is kept)' })
  @Max(3650)
  OUTBOX_RETENTION_DAYS = 30;

  /**
   * Lanes of the full compliance recomputation. Two on the 2-core machines we measure on: a third
   * lane there made a cold run slower, not faster (bench:compliance, issue 20).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(16)
  COMPLIANCE_LANES = 2;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1, { message: 'must be at least 1 (days the log of sent mail is kept)' })
  @Max(3650)
  MAIL_LOG_RETENTION_DAYS = 180;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  DOCS_ENABLED?: 'true' | 'false';

  /** Entries a ZIP-based upload (XLSX) may hold. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100000)
  UPLOAD_ZIP_MAX_ENTRIES = 1000;

  /** Bytes a ZIP-based upload may inflate to, all entries together (declared and actually inflated). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  UPLOAD_ZIP_MAX_UNCOMPRESSED_BYTES = 32 * 1024 * 1024;

  /** Highest uncompressed ÷ compressed ratio of an entry over 1 MiB (a decompression bomb is in the thousands). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(2)
  @Max(10000)
  UPLOAD_ZIP_MAX_RATIO = 100;

  /** Rows any spreadsheet import reads before refusing the file (an import may allow fewer). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(1000000)
  UPLOAD_MAX_ROWS = 100000;
  /** A read replica for the regulators' read-heavy routes; unset means the primary (DATABASE_URL). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' })
  DATABASE_READ_URL?: string;

  /** `auto` is one per CPU. */
  @Matches(/^(auto|[1-9]|[1-5][0-9]|6[0-4])$/, { message: 'must be 1-64 or auto' })
  API_PROCESSES = '1';

  @Matches(/^(auto|[1-9]|[1-5][0-9]|6[0-4])$/, { message: 'must be 1-64 or auto' })
  WORKER_PROCESSES = '1';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: AppConfig['logLevel'];

  /** Outgoing mail server; unset: the development catch-all (or no mail in tests and production). */
  @IsOptional()
  @Matches(/^[a-zA-Z0-9.-]{1,253}$/, { message: 'must be a host name or address' })
  SMTP_HOST?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  @IsIn(['tls', 'starttls', 'none'], { message: 'must be tls, starttls or none' })
  SMTP_SECURITY: MailConfig['security'] = 'starttls';

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  @IsString()
  @Matches(/^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'must be an address, optionally with a name: Name <a@b.cn>' })
  MAIL_FROM = '甘肃省首席质量官培训平台 <noreply@cqo.localhost>';

  /** Without SMTP_HOST: `on` runs the local catch-all (default in development), `off` sends nothing. */
  @IsOptional()
  @IsIn(['on', 'off'])
  MAIL_CATCH_ALL?: 'on' | 'off';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  MAIL_SIGNING_KEY?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(86400)
  MAIL_DIGEST_WAIT_SECONDS = 600;
}

function processCount(value: string): number {
  return value === 'auto' ? availableParallelism() : Number(value);
}

/** Thrown when the environment is unusable; its message is one line naming the variable. */
export class ConfigError extends Error {}

/** Validates the environment once and returns the typed configuration. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const provided = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => value !== undefined && value !== '' && key in new EnvironmentVariables()),
  );
  const vars = plainToInstance(EnvironmentVariables, provided);
  const errors = validateSync(vars, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const why = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    // class-validator's own messages start with the property name; ours do not.
    const reason = why.startsWith(`${first.property} `) ? why.slice(first.property.length + 1) : why;
    throw new ConfigError(`Invalid configuration: ${first.property} ${reason}`);
  }
  if (vars.NODE_ENV === 'production') checkProductionConfig(vars);
  const trustProxy = parseTrustProxy(vars.TRUST_PROXY);
  if (trustProxy === null) {
    throw new ConfigError(
      'Invalid configuration: TRUST_PROXY must be false, a hop count (1-10) or a comma-separated list of addresses/CIDRs',
    );
  }
  return {
    env: vars.NODE_ENV,
    port: vars.PORT,
    workerHealthPort: vars.WORKER_HEALTH_PORT,
    databaseUrl: vars.DATABASE_URL,
    redisUrl: vars.REDIS_URL,
    redisPrefix: vars.REDIS_PREFIX,
    jwt: {
      accessSecret: vars.JWT_ACCESS_SECRET,
      accessTtlSeconds: vars.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: vars.JWT_REFRESH_TTL_SECONDS,
    },
    piiHashKey: vars.PII_HASH_KEY,
    publicBaseUrl: vars.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    storageDir: vars.STORAGE_DIR,
    certificates: {
      signingKey: vars.CERTIFICATE_SIGNING_KEY,
      issuerName: vars.CERTIFICATE_ISSUER_NAME,
      serialRegion: vars.CERTIFICATE_SERIAL_REGION,
      verifyRateLimitPerMinute: vars.VERIFY_RATE_LIMIT_PER_MINUTE,
      renderThreads: vars.CERTIFICATE_RENDER_THREADS,
    },
    content: {
      maxVideoBytes: vars.CONTENT_MAX_VIDEO_BYTES,
      maxDocumentBytes: vars.CONTENT_MAX_DOCUMENT_BYTES,
      urlTtlSeconds: vars.CONTENT_URL_TTL_SECONDS,
      urlSigningKey:
        vars.CONTENT_URL_SIGNING_KEY ?? createHmac('sha256', vars.JWT_ACCESS_SECRET).update('content-url-signing').digest('hex'),
      idleSeconds: vars.STUDY_IDLE_SECONDS,
      heartbeatSeconds: vars.STUDY_HEARTBEAT_SECONDS,
    },
    rulesTimeZone: vars.RULES_TIME_ZONE,
    loginRateLimitPerMinute: vars.LOGIN_RATE_LIMIT_PER_MINUTE,
    xapiMaxStatementAgeDays: vars.XAPI_MAX_STATEMENT_AGE_DAYS,
    security: {
      trustProxy,
      staffAccessTtlSeconds: vars.JWT_STAFF_ACCESS_TTL_SECONDS,
      sessionIdleTimeoutSeconds: vars.SESSION_IDLE_TIMEOUT_SECONDS,
      refreshGraceSeconds: vars.REFRESH_GRACE_SECONDS,
      loginFailuresPerAddress: vars.LOGIN_FAILURES_PER_ADDRESS,
      lockoutThreshold: vars.LOGIN_LOCKOUT_THRESHOLD,
      lockoutBaseSeconds: vars.LOGIN_LOCKOUT_BASE_SECONDS,
      verifySerialLimitPerHour: vars.VERIFY_SERIAL_LIMIT_PER_HOUR,
      platformAdminTotpRequired: vars.NODE_ENV === 'production' || vars.PLATFORM_ADMIN_TOTP_REQUIRED === 'true',
      auditRetentionDays: vars.AUDIT_RETENTION_DAYS,
    },
    logLevel: vars.LOG_LEVEL ?? (vars.NODE_ENV === 'test' ? 'silent' : 'info'),
    docsEnabled: vars.DOCS_ENABLED === undefined ? vars.NODE_ENV !== 'production' : vars.DOCS_ENABLED === 'true',
    uploads: {
      zip: {
        maxEntries: vars.UPLOAD_ZIP_MAX_ENTRIES,
        maxUncompressedBytes: vars.UPLOAD_ZIP_MAX_UNCOMPRESSED_BYTES,
        maxCompressionRatio: vars.UPLOAD_ZIP_MAX_RATIO,
      },
      maxRows: vars.UPLOAD_MAX_ROWS,
    },
    databaseReadUrl: vars.DATABASE_READ_URL ?? vars.DATABASE_URL,
    processes: { api: processCount(vars.API_PROCESSES), worker: processCount(vars.WORKER_PROCESSES) },
    outboxRetentionDays: vars.OUTBOX_RETENTION_DAYS,
    complianceLanes: vars.COMPLIANCE_LANES,
    mail: {
      mode: vars.SMTP_HOST
        ? 'smtp'
        : (vars.MAIL_CATCH_ALL ?? (vars.NODE_ENV === 'development' ? 'on' : 'off')) === 'on'
          ? 'catch-all'
          : 'off',
      host: vars.SMTP_HOST ?? null,
      port: vars.SMTP_PORT,
      security: vars.SMTP_SECURITY,
      user: vars.SMTP_USER ?? null,
      password: vars.SMTP_PASSWORD ?? null,
      from: vars.MAIL_FROM,
      signingKey: vars.MAIL_SIGNING_KEY ?? createHmac('sha256', vars.JWT_ACCESS_SECRET).update('mail-signing').digest('hex'),
      digestWaitSeconds: vars.MAIL_DIGEST_WAIT_SECONDS,
      logRetentionDays: vars.MAIL_LOG_RETENTION_DAYS,
    },
  };
}

/** Secrets that must each be strong and all be different in production. */
const PRODUCTION_SECRETS = ['JWT_ACCESS_SECRET', 'PII_HASH_KEY', 'CERTIFICATE_SIGNING_KEY'] as const;
const DEV_DEFAULTS: Record<(typeof PRODUCTION_SECRETS)[number], string> = {
  JWT_ACCESS_SECRET: DEV_SECRET,
  PII_HASH_KEY: DEV_SECRET,
  CERTIFICATE_SIGNING_KEY: DEV_CERTIFICATE_SIGNING_KEY,
};
/** A random 32-byte secret in hex or base64 has far more; `aaaa…` or `1212…` has 1 or 2. */
const MIN_DISTINCT_CHARACTERS = 10;
const LOCAL_HOSTS = /^(localhost|.*\.localhost|127(\.\d+){3}|0\.0\.0\.0|\[::1?\]|\[::ffff:127(\.\d+){3}\])$/i;

/**
 * What production adds (等保 / ASVS L2): every secret set, ≥ 32 bytes, not guessable, none equal
 * to another (a leaked token key must not also unmask ID numbers), and certificate QR codes
 * pointing at a public https address. Throws one line naming the variable.
 */
function checkProductionConfig(vars: EnvironmentVariables): void {
  const refuse = (name: string, why: string): never => {
    throw new ConfigError(`Invalid configuration: ${name} ${why}`);
  };
  // A secret left unset is the likeliest mistake: name it before judging the others' strength.
  for (const key of PRODUCTION_SECRETS) {
    if (vars[key] === DEV_DEFAULTS[key]) refuse(key, 'must be set in production (the development default is public)');
  }
  for (const key of PRODUCTION_SECRETS) {
    const value = vars[key];
    if (Buffer.byteLength(value, 'utf8') < 32) refuse(key, 'must be at least 32 bytes in production');
    if (new Set(value).size < MIN_DISTINCT_CHARACTERS)
      refuse(key, 'is too weak (too few distinct characters): use a random value, e.g. openssl rand -base64 48');
  }
  for (const [i, a] of PRODUCTION_SECRETS.entries()) {
    for (const b of PRODUCTION_SECRETS.slice(i + 1)) {
      if (vars[a] === vars[b]) refuse(b, `must differ from ${a}`);
    }
  }
  const url = new URL(vars.PUBLIC_BASE_URL);
  if (url.protocol !== 'https:') refuse('PUBLIC_BASE_URL', 'must be an https:// URL in production (certificate QR codes point at it)');
  if (LOCAL_HOSTS.test(url.hostname)) refuse('PUBLIC_BASE_URL', 'must be the public address in production, not localhost');
}
