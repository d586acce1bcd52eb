import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('works with no variables at all (localhost defaults)', () => {
    const sut = loadConfig({});
    expect(sut).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/cqo',
      redisUrl: 'redis://127.0.0.1:6379',
      rulesTimeZone: 'Asia/Shanghai',
    });
  });

  it('converts numbers and strips a trailing slash from the public URL', () => {
    const sut = loadConfig({ PORT: '8080', PUBLIC_BASE_URL: 'https://cqo.example.cn/' });
    expect(sut.port).toBe(8080);
    expect(sut.publicBaseUrl).toBe('https://cqo.example.cn');
  });

  it.each([
    ['PORT', 'eighty', /^Invalid configuration: PORT /],
    ['DATABASE_URL', 'mysql://x', /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ URL$/],
    ['REDIS_URL', 'localhost:6379', /^Invalid configuration: REDIS_URL must be a redis:\/\/ URL$/],
    ['JWT_ACCESS_SECRET', 'short', /^Invalid configuration: JWT_ACCESS_SECRET must be at least 32 characters$/],
    ['RULES_TIME_ZONE', 'UTC', /^Invalid configuration: RULES_TIME_ZONE /],
  ])('refuses a bad %s with one line naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('reads the process counts (auto is one per CPU) and defaults the read URL to the primary', () => {
    expect(loadConfig({}).processes).toEqual({ api: 1, worker: 1 });
    expect(loadConfig({ API_PROCESSES: '4', WORKER_PROCESSES: 'auto' }).processes).toEqual({ api: 4, worker: availableParallelism() });
    expect(loadConfig({ DATABASE_URL: 'postgres://p@db/cqo' }).databaseReadUrl).toBe('postgres://p@db/cqo');
    expect(loadConfig({ DATABASE_READ_URL: 'postgres://r@replica/cqo' }).databaseReadUrl).toBe('postgres://r@replica/cqo');
  });

  it('reads the compliance lanes, two by default', () => {
    expect(loadConfig({}).complianceLanes).toBe(2);
    expect(loadConfig({ COMPLIANCE_LANES: '4' }).complianceLanes).toBe(4);
  });

  it.each([
    ['API_PROCESSES', '0'],
    ['WORKER_PROCESSES', 'many'],
    ['DATABASE_READ_URL', 'mysql://replica'],
    ['COMPLIANCE_LANES', '0'],
    ['COMPLIANCE_LANES', 'three'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it('refuses the development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/must be set in production/);
  });

  describe('in production', () => {
    const strong = (seed: string) => `${seed}-Zq8vN3xK7pLw2RtY6uJc9HbE4mGs5Da1`;
    const production = {
      NODE_ENV: 'production',
      JWT_ACCESS_SECRET: strong('jwt'),
      PII_HASH_KEY: strong('pii'),
      CERTIFICATE_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIB3v0tGg8mVq9sS1m2dE6bF7cH4kJ5nL0pQ8rT2uW9yX',
      PUBLIC_BASE_URL: 'https://cqo.amr.gansu.gov.cn',
    };

    it('starts with strong, distinct secrets and a public https address; /docs off by default', () => {
      const sut = loadConfig(production);
      expect(sut.docsEnabled).toBe(false);
      expect(loadConfig({ ...production, DOCS_ENABLED: 'true' }).docsEnabled).toBe(true);
      expect(loadConfig({}).docsEnabled).toBe(true);
    });

    it.each([
      ['JWT_ACCESS_SECRET', { JWT_ACCESS_SECRET: undefined }, /^Invalid configuration: JWT_ACCESS_SECRET must be set in production/],
      ['PII_HASH_KEY', { PII_HASH_KEY: 'a'.repeat(32) }, /^Invalid configuration: PII_HASH_KEY is too weak/],
      [
        'JWT_ACCESS_SECRET',
        { JWT_ACCESS_SECRET: 'Zq8vN3xK7pLw2RtY6uJc9HbE4mGs5Da' },
        /^Invalid configuration: JWT_ACCESS_SECRET must be at least 32/,
      ],
      ['JWT_ACCESS_SECRET', { JWT_ACCESS_SECRET: '12'.repeat(20) }, /^Invalid configuration: JWT_ACCESS_SECRET is too weak/],
      ['PII_HASH_KEY', { PII_HASH_KEY: strong('jwt') }, /^Invalid configuration: PII_HASH_KEY must differ from JWT_ACCESS_SECRET$/],
      [
        'CERTIFICATE_SIGNING_KEY',
        { CERTIFICATE_SIGNING_KEY: undefined },
        /^Invalid configuration: CERTIFICATE_SIGNING_KEY must be set in production/,
      ],
      [
        'PUBLIC_BASE_URL',
        { PUBLIC_BASE_URL: undefined },
        /^Invalid configuration: PUBLIC_BASE_URL must be an https:\/\/ URL in production/,
      ],
      ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'http://cqo.amr.gansu.gov.cn' }, /^Invalid configuration: PUBLIC_BASE_URL must be an https/],
      [
        'PUBLIC_BASE_URL',
        { PUBLIC_BASE_URL: 'https://localhost:3000' },
        /^Invalid configuration: PUBLIC_BASE_URL must be the public address/,
      ],
      ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'https://127.0.0.1' }, /^Invalid configuration: PUBLIC_BASE_URL must be the public address/],
      ['DOCS_ENABLED', { DOCS_ENABLED: 'yes' }, /^Invalid configuration: DOCS_ENABLED must be true or false$/],
    ])('refuses a bad %s with one line naming it (%j)', (_name, change, message) => {
      const env = { ...production, ...change } as Record<string, string | undefined>;
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    });

    it('refuses identical 32×"a" secrets (the weak value, before their sameness)', () => {
      expect(() => loadConfig({ ...production, JWT_ACCESS_SECRET: 'a'.repeat(32), PII_HASH_KEY: 'a'.repeat(32) })).toThrow(
        /^Invalid configuration: JWT_ACCESS_SECRET is too weak/,
      );
    });

    it('counts bytes, so 32 characters of multi-byte text pass the length rule', () => {
      expect(() => loadConfig({ ...production, PII_HASH_KEY: '质量'.repeat(8) + 'abcdefghijklmnop' })).not.toThrow();
    });
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ HOME: '/root', SOMETHING_ELSE: 'x' })).not.toThrow();
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default and takes a hop count or a list of addresses/CIDRs', () => {
    expect(loadConfig({}).security.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).security.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).security.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses a staff token lifetime over ten minutes and an audit retention under 180 days', () => {
    expect(() => loadConfig({ JWT_STAFF_ACCESS_TTL_SECONDS: '900' })).toThrow(/JWT_STAFF_ACCESS_TTL_SECONDS/);
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '90' })).toThrow(/AUDIT_RETENTION_DAYS/);
  });
});
