import type { Socket } from 'socket.io';
import type { Principal } from '../auth/principal.js';

/**
 * What a socket's credential proved and until when, set at the handshake and replaced when an
 * opaque session is introspected again. Every Balance API call reads it afresh, so a role change
 * takes effect on the next call.
 */
export interface SocketAuthority {
  readonly principal: Principal;
  /** Epoch ms (real time) at which the credential's authority ends; null when it names no end. */
  readonly expiresAt: number | null;
  /** The client address of the handshake (TRUST_PROXY applied), for the log lines of refusals. */
  readonly address: string;
}

interface SocketData {
  authority?: SocketAuthority;
}

export function setAuthority(client: Socket, authority: SocketAuthority): void {
  (client.data as SocketData).authority = authority;
}

/** The authority the handshake attached; every connected socket has one (the handshake refuses the rest). */
export function authorityOf(client: Socket): SocketAuthority {
  const authority = (client.data as SocketData).authority;
  if (!authority) throw new Error('socket without a handshake authority');
  return authority;
}

/** The principal the handshake (or the last recheck) attached to a socket. */
export const principalOf = (client: Socket): Principal => authorityOf(client).principal;

/** Whether the credential's authority has ended: from then on nothing the socket sends is acted on. */
export const hasExpired = (authority: SocketAuthority, now = Date.now()): boolean => authority.expiresAt !== null && now >= authority.expiresAt;

/** The answer to a call that arrives after the credential expired (the disconnect timer had not yet run). */
export const EXPIRED_MESSAGE = 'Token expired';
