const UNIQUE_VIOLATION = new Set(['23505', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);

/** True when a query failed on a primary key or unique index, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { driverError?: { code?: string }; code?: string };
  return UNIQUE_VIOLATION.has(e.driverError?.code ?? e.code ?? '');
}
