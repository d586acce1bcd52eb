import { availableParallelism } from 'node:os';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** The one typed configuration object. Nothing else in the code base reads `process.env`. */
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
  /** Time zone in which credit-hour years and schedules are reckoned (the notice is Gansu's). */
  rulesTimeZone: string;
  /** Log-in and registration attempts allowed per client address and user name per minute. */
  loginRateLimitPerMinute: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Read-only routes that tolerate a little replication lag (regulators' reports) read here; the primary by default. */
  databaseReadUrl: string;
  /** Processes `npm start` runs: API processes (one port, Node cluster) and worker processes. */
  processes: { api: number; worker: number };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

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

  /**
   * Certificate render threads in each process; by default one per CPU. Rendering is nearly all
   * of an issuance's CPU, while the event loop mostly waits on PostgreSQL and Redis.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(64)
  CERTIFICATE_RENDER_THREADS = availableParallelism();

  @IsIn(['Asia/Shanghai'], { message: 'must be Asia/Shanghai (the notice reckons years in China Standard Time)' })
  RULES_TIME_ZONE = 'Asia/Shanghai';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

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
  if (vars.NODE_ENV === 'production') {
    for (const key of ['JWT_ACCESS_SECRET', 'PII_HASH_KEY'] as const) {
      if (vars[key] === DEV_SECRET) {
        throw new ConfigError(`Invalid configuration: ${key} must be set in production`);
      }
    }
    if (vars.CERTIFICATE_SIGNING_KEY === DEV_CERTIFICATE_SIGNING_KEY) {
      throw new ConfigError('Invalid configuration: CERTIFICATE_SIGNING_KEY must be set in production');
    }
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
    rulesTimeZone: vars.RULES_TIME_ZONE,
    loginRateLimitPerMinute: vars.LOGIN_RATE_LIMIT_PER_MINUTE,
    logLevel: vars.LOG_LEVEL ?? (vars.NODE_ENV === 'test' ? 'silent' : 'info'),
    databaseReadUrl: vars.DATABASE_READ_URL ?? vars.DATABASE_URL,
    processes: { api: processCount(vars.API_PROCESSES), worker: processCount(vars.WORKER_PROCESSES) },
  };
}
