import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('works with no variables at all (localhost defaults)', () => {
    const sut = loadConfig({});
    expect(sut).toMatchObject({ port: 3000, databaseUrl: 'postgres://postgres@127.0.0.1:5432/cqo', redisUrl: 'redis://127.0.0.1:6379', rulesTimeZone: 'Asia/Shanghai' });
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

  it('refuses the development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/must be set in production/);
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
