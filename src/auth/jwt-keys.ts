import { Inject, Injectable } from '@nestjs/common';
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JwksKeySet, type KeyLookup } from './jwks-key-set.js';

/**
 * The key that verifies a JWT, for every surface: JWT_SECRET (HS256), JWT_PUBLIC_KEY (RS256),
 * or the identity provider's key named by the token's `kid` (JWT_JWKS_URL, RS256). Only a token
 * whose header asks for RS256 can make the key set be fetched, so junk costs no request.
 */
@Injectable()
export class JwtKeys {
  /**
   * Made into a KeyObject once: given a string, jsonwebtoken tries it as a PEM public key on every
   * verification (an OpenSSL parse and an exception, for a secret) before making it a secret key.
   */
  private readonly staticKey: KeyObject | null;
  private readonly keySet: JwksKeySet | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keySet = config.jwt.jwksUrl !== null ? new JwksKeySet(config.jwt.jwksUrl) : null;
    const { publicKey, secret } = config.jwt;
    this.staticKey = publicKey !== null ? createPublicKey(publicKey) : secret !== null ? createSecretKey(Buffer.from(secret)) : null;
  }

  async keyFor(token: string): Promise<KeyLookup> {
    if (this.keySet === null) return this.staticKey !== null ? { kind: 'key', key: this.staticKey } : { kind: 'unknown', reason: 'no key configured' };
    const header = headerOf(token);
    if (header === null) return { kind: 'unknown', reason: 'jwt malformed' };
    if (header.alg !== 'RS256') return { kind: 'unknown', reason: 'algorithm not allowed' };
    return this.keySet.keyFor(typeof header.kid === 'string' ? header.kid : null);
  }
}

function headerOf(token: string): { alg?: unknown; kid?: unknown } | null {
  try {
    const decoded = jwt.decode(token, { complete: true });
    return decoded && typeof decoded.header === 'object' ? (decoded.header as { alg?: unknown; kid?: unknown }) : null;
  } catch {
    return null;
  }
}
