/**
 * Instants the operator picks are read in the browser's own time zone, and the page always says
 * which zone that was and what instant it meant in UTC, so "end of November" is never ambiguous.
 */
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export interface ZonedInstant {
  /** What the API takes: RFC 3339 with the zone's offset at that instant (`2026-11-30T23:59:59+02:00`). */
  rfc3339: string;
  /** `2026-11-30 23:59:59 Europe/Helsinki (21:59:59Z)`: the wall-clock time, the zone, and UTC. */
  described: string;
}

/** The wall-clock date and time of `date` in the browser's zone: `2026-11-30` and `23:59:59`. */
function wallClockOf(date: Date): { date: string; time: string } {
  return {
    date: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    time: `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`,
  };
}

/** `21:59:59Z`, with the UTC date in front when it is not `wallDate`. */
function utcOf(date: Date, wallDate: string): string {
  const [utcDate = '', utcTime = ''] = date.toISOString().replace(/\.\d+Z$/, '').split('T');
  return utcDate === wallDate ? `${utcTime}Z` : `${utcDate} ${utcTime}Z`;
}

/**
 * A `datetime-local` or `date` input's value read in the browser's zone. A wall-clock time that
 * the zone skips (the hour lost in spring) is moved as the browser moves it, and the description
 * shows the time actually used.
 */
export function zonedInstant(local: string): ZonedInstant | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?)?$/.exec(local);
  if (!match) return null;
  const date = new Date(`${match[1]}T${match[2] ?? '00:00'}${match[3] ?? ':00'}`);
  if (Number.isNaN(date.getTime())) return null;
  const wall = wallClockOf(date);
  return { rfc3339: `${wall.date}T${wall.time}${offsetOf(date)}`, described: `${wall.date} ${wall.time} ${localZone()} (${utcOf(date, wall.date)})` };
}

/** Whether instants are shown on the operator's wall clock or in UTC: chosen once, kept per browser. */
export type TimeMode = 'local' | 'utc';
const MODE_KEY = 'console.times';
const modeListeners = new Set<() => void>();

export const timeModeOf = (): TimeMode => (window.localStorage.getItem(MODE_KEY) === 'utc' ? 'utc' : 'local');

export function setTimeMode(mode: TimeMode): void {
  window.localStorage.setItem(MODE_KEY, mode);
  modeListeners.forEach((l) => l());
}

export function onTimeMode(listener: () => void): () => void {
  modeListeners.add(listener);
  return () => void modeListeners.delete(listener);
}

/** `+02:00`: the browser zone's offset from UTC at `date`. */
function offsetOf(date: Date): string {
  const offset = -date.getTimezoneOffset();
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/**
 * An instant the API gives, with its zone always written: `2026-11-30 10:00:00 +02:00` on the
 * operator's wall clock, or `2026-11-30 08:00:00 UTC`; `other` is the same instant the other way
 * (for a tooltip), naming the browser's zone.
 */
export function instantText(iso: string, mode: TimeMode = timeModeOf()): { shown: string; other: string } | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const utc = `${date.toISOString().replace(/\.\d+Z$/, '').replace('T', ' ')} UTC`;
  const wall = wallClockOf(date);
  const local = `${wall.date} ${wall.time} ${offsetOf(date)}`;
  return mode === 'utc' ? { shown: utc, other: `${local} (${localZone()})` } : { shown: local, other: utc };
}

/** `instantText` for running text (a confirmation, a sentence): the instant with its zone, or a dash. */
export const formatInstant = (iso: string | null | undefined): string => (iso ? (instantText(iso)?.shown ?? iso) : '—');
