import type { SchemaObject } from '@nestjs/swagger';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { invalid, notFound } from '../common/errors.js';
import type { AssetRegistry } from '../ledger/asset-registry.js';

/**
 * An asset named in a request body or query: case-insensitive, and an unknown one is a bad
 * request (400) naming the field. An asset named in the path is a resource, so 404 there.
 */
export function bodyAsset(assets: AssetRegistry, code: string, field = 'asset'): string {
  const asset = assets.find(code);
  if (!asset) throw invalid(`${field} must be a known asset; "${code}" is not`);
  return asset.code;
}

export function pathAsset(assets: AssetRegistry, code: string): string {
  const asset = assets.find(code);
  if (!asset) throw notFound(`Unknown asset "${code}"`);
  return asset.code;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH_MS = /^\d{1,15}$/;
/**
 * The date-times ISO_DATE takes that RFC 3339 (`format: date-time`) does not: without seconds,
 * without a zone, or with an offset without its colon. A pattern cannot know February; the
 * server refuses its 30th in these forms too.
 */
const LOOSE_DATE_TIME =
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d((Z|[+-]\\d{2}:?\\d{2})?|:[0-5]\\d(\\.\\d{1,9})?([+-]\\d{4})?)$';

/**
 * The forms an instant may take in a request, as the document states them: an RFC 3339
 * date-time, a date (midnight UTC), a date-time without seconds or zone (UTC), or epoch
 * milliseconds (digits in a query; a JSON integer in a body).
 */
export const INSTANT_FORMS: SchemaObject[] = [
  { type: 'string', format: 'date-time' },
  { type: 'string', format: 'date' },
  { type: 'string', pattern: LOOSE_DATE_TIME, description: 'ISO 8601 date-time without seconds or without a zone offset (read as UTC)' },
  { type: 'string', pattern: EPOCH_MS.source, description: 'Epoch milliseconds' },
];

/**
 * An instant given as an ISO 8601 date(-time) or as epoch milliseconds (number or digits). The
 * day must be one the month has: JavaScript would read 2025-02-30 as 2 March.
 */
export function isInstant(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0;
  if (typeof value !== 'string') return false;
  if (EPOCH_MS.test(value)) return true;
  const m = ISO_DATE.exec(value);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) && !Number.isNaN(toEpochMs(value));
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year, month - 1, day);
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: (args) => `${args?.property} must be an ISO 8601 date or epoch milliseconds, on a day the month has (2025-02-28, not 2025-02-30)`,
      },
    },
    options,
  );
}

/** Epoch milliseconds of a value that passed IsInstant. A date without a zone is UTC. */
export function toEpochMs(value: string | number): number {
  if (typeof value === 'number') return value;
  if (EPOCH_MS.test(value)) return Number(value);
  // JavaScript reads a date-time without a zone as local time; the service's clock is UTC.
  const zoned = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(value) || !value.includes('T') ? value : `${value}Z`;
  return Date.parse(zoned);
}

const NAME = /^[A-Za-z0-9._:-]+$/;

/** A name taken from the path that will be stored: bounded by its column, plain characters. */
export function pathName(value: string, field: string, maxLength: number): string {
  if (value.length > maxLength || !NAME.test(value)) {
    throw invalid(`${field} must be 1 to ${maxLength} letters, digits, ".", "_", ":" or "-"`);
  }
  return value;
}

