// Builds the console into dist/console, unless it is already newer than every source file
// (so `npm start` and `npm test` rebuild it only after a change). `--force` always builds.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const consoleDir = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(consoleDir, '..', 'dist', 'console', '.built');
const sources = ['src', 'public', 'index.html', 'vite.config.ts', join('..', 'package-lock.json')].map((p) => join(consoleDir, p));

/** A .gz and a .br beside each text file, served as they are (@fastify/static preCompressed). */
function compressAll(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) compressAll(path);
    else if (/\.(js|css|html|svg|json)$/.test(name)) {
      const body = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const current = existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...sources.map(newest));
if (current && !process.argv.includes('--force')) {
  console.log('console: dist/console is up to date');
} else {
  // Vite is loaded only to build: loading it costs about as much as the check itself, and
  // `npm start` runs this check on every start.
  const { build } = await import('vite');
  await build({ configFile: join(consoleDir, 'vite.config.ts'), logLevel: 'warn' });
  compressAll(join(consoleDir, '..', 'dist', 'console'));
  writeFileSync(stamp, new Date().toISOString());
  console.log('console: built dist/console');
}
