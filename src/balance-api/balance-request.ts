import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, invalid } from '../common/errors.js';

export interface BalanceRequest<T> {
  readonly data: T;
  /** `event.id`; null when absent or empty (no idempotency check then). */
  readonly eventId: string | null;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** No Balance API request nests deeper or holds more values than this. */
const MAX_DEPTH = 8;
const MAX_NODES = 500;
/**
 * Text a request may carry (keys and string values, in UTF-16 code units). The transport admits
 * frames up to 1 MB so that a larger request can still be answered, with 413, not dropped.
 */
export const MAX_REQUEST_TEXT = 16 * 1024;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads `{ data, event }` and validates `data` against the endpoint's DTO. Every problem is a
 * 400 naming the field. Endpoints without a DTO accept a missing payload (the spec's "{ empty }").
 */
export function parseBalanceRequest<T extends object>(payload: unknown, dto: (new () => T) | null): BalanceRequest<T> {
  if (dto === null && (payload === undefined || payload === null)) return { data: {} as T, eventId: null };
  if (!isPlainObject(payload)) throw invalid('payload must be an object: { data, event }');
  const limit = exceededLimit(payload);
  if (limit === 'shape') throw invalid(`payload must nest at most ${MAX_DEPTH} levels and hold at most ${MAX_NODES} values`);
  if (limit === 'size') throw new DomainError('payload_too_large', `payload must carry at most ${MAX_REQUEST_TEXT} characters`);
  const eventId = readEventId(payload.event);
  if (dto === null) return { data: {} as T, eventId };
  if (!('data' in payload)) throw invalid('data is required');
  if (!isPlainObject(payload.data)) throw invalid('data must be an object');
  const instance = plainToInstance(dto, withoutPrototypeKeys(payload.data), { enableImplicitConversion: false });
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

/** Walks the payload iteratively (no recursion a hostile payload could exhaust). */
function exceededLimit(payload: unknown): 'shape' | 'size' | null {
  const stack: Array<[unknown, number]> = [[payload, 1]];
  let nodes = 0;
  let text = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return 'shape';
    if (typeof value === 'string') text += value.length;
    if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        text += key.length;
        stack.push([child, depth + 1]);
      }
    }
    if (text > MAX_REQUEST_TEXT) return 'size';
  }
  return null;
}

/**
 * A copy without `__proto__`, `constructor` or `prototype` keys at any depth: they mean nothing
 * in a request and would reach object machinery in the transformer. Depth is already bounded.
 */
function withoutPrototypeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypeKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !FORBIDDEN_KEYS.has(k)).map(([k, v]) => [k, withoutPrototypeKeys(v)]));
}
