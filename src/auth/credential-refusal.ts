/**
 * Why a strategy refused the credential of a request, for the guard that counts and logs
 * refusals: passport reports only that every strategy failed. `unavailable` means the identity
 * provider could not say (unreachable, failing, its keys out of reach), which is not the
 * caller's fault and so is not counted against its address. `reason` never holds the credential.
 */
export interface CredentialRefusal {
  readonly unavailable: boolean;
  readonly reason: string;
}

const refusals = new WeakMap<object, CredentialRefusal>();

export function noteRefusal(request: object, refusal: CredentialRefusal): void {
  refusals.set(request, refusal);
}

export function refusalOf(request: object): CredentialRefusal | undefined {
  return refusals.get(request);
}
