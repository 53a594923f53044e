const UNIQUE_VIOLATION = new Set(['23505', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);

/** True when a query failed on a primary key or unique index, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { driverError?: { code?: string }; code?: string };
  return UNIQUE_VIOLATION.has(e.driverError?.code ?? e.code ?? '');
}

/**
 * PostgreSQL SQLSTATEs meaning the server is gone, going or not yet back, or ended a transaction
 * past its deadline (25P04, see commit-deadline.ts); never a refusal of the request.
 */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08007', '25P04', 'COMMIT_DEADLINE']);
/** Socket errors while connecting to or talking with the database server. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What pg says when a connection dies or cannot be had (these errors carry no code). */
const PG_CONNECTION_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|Cannot use a pool after calling end)/;

/**
 * True when a query failed because the database could not be reached or was busy: PostgreSQL
 * down, restarting or refusing connections; SQLite locked by another process beyond the busy
 * timeout. Such a failure is an outage (503, retry later), not an internal error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { driverError?: { code?: unknown }; code?: unknown; message?: unknown } | null;
  if (!e) return false;
  const code = String(e.driverError?.code ?? e.code ?? '');
  if (PG_UNAVAILABLE.has(code) || NETWORK_CODES.has(code)) return true;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return true;
  return !code && typeof e.message === 'string' && PG_CONNECTION_MESSAGES.test(e.message);
}
