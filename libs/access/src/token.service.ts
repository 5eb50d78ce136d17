import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { AppConfig, APP_CONFIG } from '@xp/core';

export interface TokenClaims {
  sub: string;
  /** The user's token version when the token was issued. */
  ver: number;
}

/** Signed, expiring access tokens (HS256 JWT). Stateless, so the API scales out. */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issue(userId: string, tokenVersion: number): { accessToken: string; expiresAt: Date } {
    const ttlSeconds = this.config.tokenTtlMinutes * 60;
    const accessToken = jwt.sign({ ver: tokenVersion } satisfies Omit<TokenClaims, 'sub'>, this.config.jwtSecret, {
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
      const claims = jwt.verify(token, this.config.jwtSecret, { algorithms: ['HS256'], issuer: 'xuanpin' });
      if (typeof claims !== 'object' || typeof claims.sub !== 'string' || typeof claims.ver !== 'number') return null;
      return { sub: claims.sub, ver: claims.ver };
    } catch {
      return null;
    }
  }
}
