import jwt from 'jsonwebtoken';

export const TEST_JWT_SECRET = 'test-only-secret-that-is-long-enough-0123456789';

export function tokenFor(sub: string, claims: Record<string, unknown> = {}, options: jwt.SignOptions = {}): string {
  return jwt.sign({ sub, username: sub, ...claims }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h', ...options });
}

export const adminToken = (sub = 'admin-1') => tokenFor(sub, { roles: ['admin'] });
