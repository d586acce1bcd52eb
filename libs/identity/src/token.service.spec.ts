import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@cqo/core';
import { DomainError, loadConfig, Role } from '@cqo/core';
import { TokenService } from './token.service';

describe('TokenService', () => {
  const config = loadConfig({ JWT_ACCESS_TTL_SECONDS: '60' });
  const actor: Actor = {
    userId: '0b6f7a3e-6f0c-4a5b-9e49-2f8f1f6b2c01',
    role: Role.Trainee,
    organizationId: null,
    enterpriseId: null,
    regionId: null,
    regionPath: null,
  };
  let tokens: TokenService;

  beforeEach(() => {
    // Only the clock is faked: jsonwebtoken calls back through the real event loop.
    jest.useFakeTimers({
      now: new Date('2026-11-25T08:00:00Z'),
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'setInterval'],
    });
    tokens = new TokenService(new JwtService(), config);
  });
  afterEach(() => jest.useRealTimers());

  it('gives back the claims of a token it signed, the same on a second call', async () => {
    const token = await tokens.signAccess(actor);
    const first = await tokens.verifyAccess(token);
    expect(first).toEqual({ actor, sessionId: null, sessionVersion: 0, totpEnrolmentPending: false });
    expect(await tokens.verifyAccess(token)).toBe(first);
  });

  it('refuses a token whose signature was altered, also after the genuine one was verified', async () => {
    const token = await tokens.signAccess(actor);
    await tokens.verifyAccess(token);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const forged = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    await expect(tokens.verifyAccess(forged)).rejects.toMatchObject({ code: 'BAD_ACCESS_TOKEN' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    const otherPayload = Buffer.from(JSON.stringify({ ...claims, role: Role.PlatformAdmin })).toString('base64url');
    await expect(tokens.verifyAccess(`${token.split('.')[0]}.${otherPayload}.${token.split('.')[2]}`)).rejects.toBeInstanceOf(DomainError);
  });

  it('carries the session, its version and its own lifetime', async () => {
    const token = await tokens.signAccess(actor, {
      sessionId: 'c3f1b1de-1111-4a5b-9e49-2f8f1f6b2c01',
      sessionVersion: 4,
      ttlSeconds: 30,
      totpEnrolmentPending: true,
    });
    expect(await tokens.verifyAccess(token)).toEqual({
      actor,
      sessionId: 'c3f1b1de-1111-4a5b-9e49-2f8f1f6b2c01',
      sessionVersion: 4,
      totpEnrolmentPending: true,
    });
    jest.setSystemTime(new Date('2026-11-25T08:00:31Z'));
    await expect(tokens.verifyAccess(token)).rejects.toMatchObject({ code: 'BAD_ACCESS_TOKEN' });
  });

  it('refuses a remembered token once it has expired', async () => {
    const token = await tokens.signAccess(actor);
    await tokens.verifyAccess(token);
    jest.setSystemTime(new Date('2026-11-25T08:00:59Z'));
    await expect(tokens.verifyAccess(token)).resolves.toMatchObject({ actor });
    jest.setSystemTime(new Date('2026-11-25T08:01:01Z'));
    await expect(tokens.verifyAccess(token)).rejects.toMatchObject({ code: 'BAD_ACCESS_TOKEN' });
  });
});
