import { Logger } from '@nestjs/common';
import { DomainError } from '../common/errors.js';

/** The Balance API's one answer shape: `{ data, error: { status, code, message } }`. */
export interface BalanceEnvelope {
  readonly data?: unknown;
  readonly error: { readonly status: boolean; readonly code: number; readonly message: string };
}

export const NO_ERROR = Object.freeze({ status: false, code: 0, message: '' } as const);

export function success<T>(data: T): { readonly data: T; readonly error: typeof NO_ERROR } {
  return { data, error: NO_ERROR };
}

export function failure(code: number, message: string): { readonly error: { readonly status: true; readonly code: number; readonly message: string } } {
  return { error: { status: true, code, message } };
}

const logger = new Logger('BalanceApi');

/** The one mapping from errors to answers on this surface; internals never leave the server. */
export function errorEnvelope(error: unknown): BalanceEnvelope {
  // Which account is frozen is not the caller's business (it may be the donation's target).
  if (error instanceof DomainError && error.code === 'account_frozen') return failure(error.status, 'Account is frozen');
  if (error instanceof DomainError) return failure(error.status, error.message);
  logger.error(`internal error: ${error instanceof Error ? error.message : String(error)}`);
  return failure(500, 'Internal error');
}
