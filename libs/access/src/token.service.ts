import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { createSecretKey, KeyObject } from 'node:crypto';
import { AppConfig, APP_CONFIG } from '@xp/core';

export interface TokenClaims {
  sub: string;
  /** The user's token version when the token was issued. */
  ver: number;
}

/** Signed, expiring access tokens (HS256 JWT). Stateless, so the API scales out. */
@Injectable()
export class TokenService {
  /**
   * The secret as a KeyObject, made once: given a string, jsonwebtoken first tries to read it
   * as a public key and builds a secret key only after that fails, on every call (0.3 ms of
   * CPU per verified request, against 0.005 ms with the key object).
   */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  issue(userId: string, tokenVersion: number): { accessToken: string; expiresAt: Date } {
    const ttlSeconds = this.config.tokenTtlMinutes * 60;
    const accessToken = jwt.sign({ ver: tokenVersion } satisfies Omit<TokenClaims, 'sub'>, this.key, {
      algorithm: 'HS256',
      subject: userId,
      expiresIn: ttlSeconds,
      issuer: 'xuanpin',
    });
    return { accessToken, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
  }

  /** The claims of a valid, unexpired token, or null. */
  verify(token: string): TokenClaims | null {
    try {
      const claims = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: 'xuanpin' });
      if (typeof claims !== 'object' || typeof claims.sub !== 'string' || typeof claims.ver !== 'number') return null;
      return { sub: claims.sub, ver: claims.ver };
    } catch {
      return null;
    }
  }
}
