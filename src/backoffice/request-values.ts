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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH_MS = /^\d{1,15}$/;

/** An instant given as an ISO 8601 date(-time) or as epoch milliseconds (number or digits). */
export function isInstant(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0;
  return typeof value === 'string' && (EPOCH_MS.test(value) || (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))));
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: (args) => `${args?.property} must be an ISO 8601 date or epoch milliseconds`,
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

