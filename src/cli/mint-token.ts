/**
 * Mints a development JWT with the local secret so a newcomer can try the API:
 *   npm run token -- --sub alice --roles admin,network-admin [--username alice] [--email a@x] [--expires 8h]
 * Uses JWT_SECRET when set, else the generated development secret in ./data (the server's).
 */
import jwt from 'jsonwebtoken';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/load-config.js';

function main(): void {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      roles: { type: 'string', default: '' },
      username: { type: 'string' },
      email: { type: 'string' },
      currency: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  if (!values.sub) {
    console.error('usage: npm run token -- --sub USER_ID [--roles admin,network-admin] [--username NAME] [--email E] [--expires 8h]');
    process.exit(2);
  }
  const config = loadConfig();
  if (!config.jwt.secret || config.jwt.publicKey) {
    console.error('npm run token signs HS256 with JWT_SECRET or the development secret; RS256 tokens come from your identity provider.');
    process.exit(2);
  }
  const roles = values.roles.split(',').map((r) => r.trim()).filter(Boolean);
  const claims = { sub: values.sub, username: values.username ?? values.sub, roles, ...(values.email ? { email: values.email } : {}), ...(values.currency ? { currency: values.currency } : {}) };
  const token = jwt.sign(claims, config.jwt.secret, {
    algorithm: 'HS256',
    expiresIn: values.expires as jwt.SignOptions['expiresIn'],
    ...(config.jwt.issuer ? { issuer: config.jwt.issuer } : {}),
    ...(config.jwt.audience ? { audience: config.jwt.audience } : {}),
  });
  process.stdout.write(token + '\n');
}

try {
  main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(1);
}
