/**
 * Coded domain errors: the one vocabulary of refusal shared by every surface. Services throw
 * these; each surface (socket ack, REST JSON, legacy XML) maps the code to its own answer in
 * exactly one place. Anything else that escapes is an internal error and is never described
 * to the caller.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  insufficient_funds: 422,
  account_frozen: 423,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const invalid = (message: string) => new DomainError('invalid_request', message);
export const notFound = (message = 'Resource not found') => new DomainError('not_found', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const insufficientFunds = (message = 'Insufficient funds') => new DomainError('insufficient_funds', message);
export const tooManyRequests = (message = 'Too many requests') => new DomainError('too_many_requests', message);
export const forbidden = (message = 'Forbidden') => new DomainError('forbidden', message);

/** A key (event id, Idempotency-Key, request_id) reused for a different request. Never stored as an answer. */
export class IdempotencyConflictError extends DomainError {
  constructor() {
    super('conflict', 'Idempotency key reused with a different request');
  }
}

/**
 * A posting that would take an account's spendable balance (balance less what holds lock) below
 * zero. It keeps the account, so an operator's surface can say whose money is short.
 */
export class InsufficientFundsError extends DomainError {
  constructor(
    readonly ownerId: string,
    readonly asset: string,
  ) {
    super('insufficient_funds', `Insufficient funds in ${asset}`);
  }
}

/**
 * A frozen user's own movement. The message names the user (REST); the socket answers its own
 * wording and the legacy API its one failure text.
 */
export class AccountFrozenError extends DomainError {
  constructor(readonly userId: string) {
    super('account_frozen', `User ${userId} is frozen`);
  }
}
