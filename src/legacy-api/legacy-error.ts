/**
 * Every refusal the legacy XML API can give, with its root element and exact wording. The
 * wording and roots are the Kolmisoft ones (docs/legacy-api.md): integrators match on these strings,
 * so they live in this one table and nowhere else.
 */
export const LEGACY_ERRORS = {
  throttled: { root: 'status', message: 'Too many failed requests', httpStatus: 429 },
  api_disabled: { root: 'status', message: 'API Requests are disabled', httpStatus: 200 },
  get_disabled: { root: 'status', message: 'GET Requests are disabled', httpStatus: 200 },
  no_secret: { root: 'status', message: 'API must have Secret Key', httpStatus: 200 },
  unknown_method: { root: 'status', message: 'Unknown API method', httpStatus: 200 },
  bad_hash: { root: 'status', message: 'Incorrect hash', httpStatus: 200 },
  feature_disabled: { root: 'page', message: 'Feature disabled', httpStatus: 200 },
  bad_login: { root: 'page', message: 'Bad login', httpStatus: 200 },
  user_not_found: { root: 'page', message: 'User was not found', httpStatus: 200 },
  not_updated: { root: 'page', message: 'User balance not updated', httpStatus: 200 },
  // Legacy clients treat any non-200 other than throttling as a transport failure and retry
  // blindly, so even an internal error is a 200 with an XML error they can show.
  internal: { root: 'status', message: 'Internal error', httpStatus: 200 },
} as const satisfies Record<string, { root: 'status' | 'page'; message: string; httpStatus: number }>;

export type LegacyErrorKind = keyof typeof LEGACY_ERRORS;

/** Thrown anywhere in the legacy API; the exception filter turns it into its XML answer. */
export class LegacyError extends Error {
  constructor(readonly kind: LegacyErrorKind) {
    super(LEGACY_ERRORS[kind].message);
    this.name = 'LegacyError';
  }

  get httpStatus(): number {
    return LEGACY_ERRORS[this.kind].httpStatus;
  }
}
