const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/i;

/**
 * Epoch milliseconds of an RFC 3339 date-time with its zone offset (`Z` or `±hh:mm`), or null
 * for anything else: no offset, a date alone, a day the month does not have (`2025-02-30`), a
 * leap second. Digits past the millisecond are dropped (an instant inside a millisecond is
 * after everything stamped with that millisecond).
 */
export function parseRfc3339(value: string): number | null {
  const m = RFC3339.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const millis = m[7] ? Number(m[7].slice(1, 4).padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  date.setUTCFullYear(year, month - 1, day); // Date.UTC reads years 0 to 99 as 1900 to 1999
  const local = date.getTime();
  // Dates roll 30 February over into March: the day must survive the round trip.
  if (date.getUTCDate() !== day) return null;
  if (m[8].toUpperCase() === 'Z') return local;
  const offsetHours = Number(m[10]);
  const offsetMinutes = Number(m[11]);
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000 * (m[9] === '-' ? -1 : 1);
  return local - offset;
}
