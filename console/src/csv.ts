/**
 * CSV as the service's export writes it (RFC 4180, CRLF), for the history rows on screen: a
 * cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading `'`,
 * except amounts and identifiers, which are never altered.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const textCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const csvOf = (header: readonly string[], rows: ReadonlyArray<readonly string[]>): string =>
  [header, ...rows].map((row) => `${row.map(quoted).join(',')}\r\n`).join('');
