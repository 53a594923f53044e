/**
 * Mints a development JWT with the local secret so a newcomer can try the API (see USAGE).
 * Uses JWT_SECRET (from the environment or .env) when set, else the generated development
 * secret in ./data (the server's).
 */
import jwt from 'jsonwebtoken';
import { parseArgs } from 'node:util';
import { loadEnvFile } from '../config/env-file.js';
import { ConfigError, loadConfig } from '../config/load-config.js';

/** The roles the service grants something to; any other is minted, with a warning. */
export const KNOWN_ROLES = ['admin', 'network-admin'];

export const USAGE = `usage: npm run token -- --sub USER_ID [options]

Prints a development JWT (HS256, signed with JWT_SECRET or the generated development secret).

  --sub ID            user id (the JWT sub): 1-128 of A-Z a-z 0-9 . _ : -      (required)
  --roles LIST        comma-separated roles: admin, network-admin              (default: none)
  --username NAME     login name; the legacy API finds users by it             (default: the id)
  --email E           e-mail address
  --currency CODE     the user's own currency for the legacy API, e.g. eur
  --expires SPAN      lifetime: 8h, 30m, 1d, or seconds, at most JWT_MAX_AGE_S (default: 8h)
  -h, --help          this text

example: TOKEN=$(npm run --silent token -- --sub alice --roles admin)`;

function main(): void {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      roles: { type: 'string', default: '' },
      username: { type: 'string' },
      email: { type: 'string' },
      currency: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (!values.sub) {
    console.error(USAGE);
    process.exit(2);
  }
  loadEnvFile();
  const config = loadConfig();
  if (!config.jwt.secret || config.jwt.publicKey !== null || config.jwt.jwksUrl !== null) {
    console.error('npm run token signs HS256 with JWT_SECRET or the development secret; RS256 tokens come from your identity provider.');
    process.exit(2);
  }
  const lifetime = lifetimeSeconds(values.expires);
  if (lifetime === null) {
    console.error(`--expires must be a span such as 8h, 30m, 1d or a number of seconds (got "${values.expires}")`);
    process.exit(2);
  }
  if (lifetime > config.jwt.maxAgeSeconds) {
    console.error(`--expires ${values.expires} is longer than JWT_MAX_AGE_S (${config.jwt.maxAgeSeconds} s): the service would refuse the token`);
    process.exit(2);
  }
  const roles = values.roles.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !KNOWN_ROLES.includes(r));
  if (unknown.length > 0) {
    console.error(`warning: ${unknown.map((r) => `"${r}"`).join(', ')} ${unknown.length === 1 ? 'is not a role' : 'are not roles'} the service knows (${KNOWN_ROLES.join(', ')}); minted anyway, but ${unknown.length === 1 ? 'it grants' : 'they grant'} nothing`);
  }
  const claims = { sub: values.sub, username: values.username ?? values.sub, roles, ...(values.email ? { email: values.email } : {}), ...(values.currency ? { currency: values.currency } : {}) };
  const token = jwt.sign(claims, config.jwt.secret, {
    algorithm: 'HS256',
    expiresIn: lifetime,
    ...(config.jwt.issuer ? { issuer: config.jwt.issuer } : {}),
    ...(config.jwt.audience ? { audience: config.jwt.audience } : {}),
  });
  process.stdout.write(token + '\n');
}

/** `8h`, `30m`, `1d`, `45s` or plain seconds, in seconds; null for anything else (or 0). */
function lifetimeSeconds(span: string): number | null {
  const match = /^(\d{1,9})\s*([smhd]?)$/.exec(span.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return seconds > 0 ? seconds : null;
}

try {
  main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(1);
}
