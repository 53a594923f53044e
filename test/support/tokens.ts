import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';

export const TEST_JWT_SECRET = 'test-only-secret-that-is-long-enough-0123456789';

// A KeyObject: given the string, jsonwebtoken tries it as a PEM private key on every token first.
const TEST_KEY = createSecretKey(Buffer.from(TEST_JWT_SECRET));

export function tokenFor(sub: string, claims: Record<string, unknown> = {}, options: jwt.SignOptions = {}): string {
  return jwt.sign({ sub, username: sub, ...claims }, TEST_KEY, { algorithm: 'HS256', expiresIn: '1h', ...options });
}

export const adminToken = (sub = 'admin-1') => tokenFor(sub, { roles: ['admin'] });
