import { createSecretKey, KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, DomainError } from '@cqo/core';
import { Actor, Role } from '@cqo/core';

interface AccessClaims {
  sub: string;
  role: Role;
  org: string | null;
  ent: string | null;
  reg: string | null;
  rp: string | null;
  /** Session (refresh family) id; null when signed outside a log-in. */
  sid: string | null;
  /** The user's session version when issued. */
  sv: number;
  /** Set while a platform admin who must use TOTP has not enrolled: only enrolment routes answer. */
  tpe?: true;
  exp: number;
}

/** The session facts an access token carries besides its actor. */
export interface AccessSession {
  sessionId: string | null;
  sessionVersion: number;
  /** Lifetime in seconds; the configured trainee lifetime when not given. */
  ttlSeconds?: number;
  totpEnrolmentPending?: boolean;
}

/** A verified access token: who, and under which session. */
export interface VerifiedAccess {
  actor: Actor;
  sessionId: string | null;
  sessionVersion: number;
  totpEnrolmentPending: boolean;
}

/** Verified access tokens remembered per process; the oldest are forgotten beyond this many. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** Signs and checks short-lived access tokens; the claims are exactly an {@link Actor}. */
@Injectable()
export class TokenService {
  /**
   * The secret as a KeyObject, made once. Handed a string, jsonwebtoken first tries (and fails)
   * to parse it as a PEM key on every call: about half a millisecond per request, the largest
   * cost of an authenticated call such as a study heartbeat.
   */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwt.accessSecret));
  }

  /**
   * Tokens already verified, by their whole text (signature included), until they expire. A
   * trainee studying sends the same token every 30 s; checking the signature and decoding the
   * claims again each time was about an eighth of the server's work on a heartbeat.
   */
  private readonly verified = new Map<string, { access: VerifiedAccess; expiresAtMs: number }>();

  /** Signs an access token; tests and benches may omit the session (no session, version 0). */
  signAccess(actor: Actor, session: AccessSession = { sessionId: null, sessionVersion: 0 }): Promise<string> {
    const claims: Omit<AccessClaims, 'exp'> = {
      sub: actor.userId,
      role: actor.role,
      org: actor.organizationId,
      ent: actor.enterpriseId,
      reg: actor.regionId,
      rp: actor.regionPath,
      sid: session.sessionId,
      sv: session.sessionVersion,
      ...(session.totpEnrolmentPending ? { tpe: true as const } : {}),
    };
    return this.jwt.signAsync(claims, {
      privateKey: this.key,
      expiresIn: session.ttlSeconds ?? this.config.jwt.accessTtlSeconds,
      algorithm: 'HS256',
    });
  }

  /**
   * Checks signature and expiry only (remembered per token). Whether the account and session
   * are still current is {@link SessionStateService}'s question, asked on every request.
   */
  async verifyAccess(token: string): Promise<VerifiedAccess> {
    const known = this.verified.get(token);
    if (known && known.expiresAtMs > Date.now()) return known.access;
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        // @nestjs/jwt types this as string | Buffer but hands it to jsonwebtoken, which takes a KeyObject.
        publicKey: this.key as unknown as Buffer,
        algorithms: ['HS256'],
      });
    } catch {
      throw DomainError.unauthenticated('BAD_ACCESS_TOKEN', '登录已失效，请重新登录');
    }
    const actor: Actor = Object.freeze({
      userId: claims.sub,
      role: claims.role,
      organizationId: claims.org,
      enterpriseId: claims.ent,
      regionId: claims.reg,
      regionPath: claims.rp,
    });
    const access: VerifiedAccess = Object.freeze({
      actor,
      sessionId: claims.sid ?? null,
      sessionVersion: typeof claims.sv === 'number' ? claims.sv : -1,
      totpEnrolmentPending: claims.tpe === true,
    });
    if (known) this.verified.delete(token);
    // A Map iterates in insertion order: the first key is the oldest.
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { access, expiresAtMs: claims.exp * 1000 });
    return access;
  }
}
