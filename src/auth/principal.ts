/** Who is calling, as read from a verified token. Roles come from the token only. */
export interface Principal {
  readonly id: string;
  readonly username: string | null;
  readonly email: string | null;
  readonly roles: readonly string[];
  readonly currency: string | null;
  /** The platform network the session belongs to (the `network` claim); absent → NETWORK_ID. */
  readonly network?: string | null;
}

export type Role = 'admin' | 'network-admin';
