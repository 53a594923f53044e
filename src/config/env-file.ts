import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Reads `.env` from the working directory, if there is one, into process.env (Node's own
 * parser, `process.loadEnvFile`). A variable already set in the real environment wins over the
 * file, even when it is set to the empty string. Returns the file read, or null.
 */
export function loadEnvFile(path = '.env'): string | null {
  const file = resolve(path);
  if (!existsSync(file)) return null;
  process.loadEnvFile(file);
  return file;
}
