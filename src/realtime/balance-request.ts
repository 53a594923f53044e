import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { invalid } from '../common/errors.js';

export interface BalanceRequest<T> {
  readonly data: T;
  /** `event.id`; null when absent or empty (no idempotency check then). */
  readonly eventId: string | null;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads `{ data, event }` and validates `data` against the endpoint's DTO. Every problem is a
 * 400 naming the field. Endpoints without a DTO accept a missing payload (the spec's "{ empty }").
 */
export function parseBalanceRequest<T extends object>(payload: unknown, dto: (new () => T) | null): BalanceRequest<T> {
  if (dto === null && (payload === undefined || payload === null)) return { data: {} as T, eventId: null };
  if (!isPlainObject(payload)) throw invalid('payload must be an object: { data, event }');
  const eventId = readEventId(payload.event);
  if (dto === null) return { data: {} as T, eventId };
  if (!('data' in payload)) throw invalid('data is required');
  if (!isPlainObject(payload.data)) throw invalid('data must be an object');
  const plain = Object.fromEntries(Object.entries(payload.data).filter(([k]) => !FORBIDDEN_KEYS.has(k)));
  const instance = plainToInstance(dto, plain, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: true, stopAtFirstError: true });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid`;
    throw invalid(`data.${message}`);
  }
  return { data: instance, eventId };
}

function readEventId(event: unknown): string | null {
  if (event === undefined || event === null) return null;
  if (!isPlainObject(event)) throw invalid('event must be an object: { id, date }');
  if (event.id === undefined || event.id === null || event.id === '') return null;
  if (typeof event.id !== 'string') throw invalid('event.id must be a string');
  if (event.id.length > 200) throw invalid('event.id must be at most 200 characters');
  return event.id;
}
