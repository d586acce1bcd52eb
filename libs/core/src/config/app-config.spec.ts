import { availableParallelism } from 'node:os';
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

  it('reads the process counts (auto is one per CPU) and defaults the read URL to the primary', () => {
    expect(loadConfig({}).processes).toEqual({ api: 1, worker: 1 });
    expect(loadConfig({ API_PROCESSES: '4', WORKER_PROCESSES: 'auto' }).processes).toEqual({ api: 4, worker: availableParallelism() });
    expect(loadConfig({ DATABASE_URL: 'postgres://p@db/cqo' }).databaseReadUrl).toBe('postgres://p@db/cqo');
    expect(loadConfig({ DATABASE_READ_URL: 'postgres://r@replica/cqo' }).databaseReadUrl).toBe('postgres://r@replica/cqo');
  });

  it.each([
    ['API_PROCESSES', '0'],
    ['WORKER_PROCESSES', 'many'],
    ['DATABASE_READ_URL', 'mysql://replica'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it('refuses the development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/must be set in production/);
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ HOME: '/root', SOMETHING_ELSE: 'x' })).not.toThrow();
  });
});
