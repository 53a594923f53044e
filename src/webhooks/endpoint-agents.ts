import type { Pool } from 'undici';
import { connectionsTo } from './webhook-client.js';
import type { CheckedTarget } from './webhook-url.js';

/** Connections kept open to one endpoint address: as many as attempts run at once on an instance. */
const SOCKETS_PER_ENDPOINT = 32;
/** An idle kept-open connection is closed after this long, before a typical server (5 s) closes it under a request. */
const IDLE_MS = 4_000;
/** Endpoint addresses with pooled connections; the least recently used beyond this is closed. */
const MAX_ENDPOINTS = 256;

/**
 * Kept-open connections per endpoint and checked address. A new TCP (and TLS) connection per
 * attempt cost more server CPU than the ledger write that made the event; reusing one costs a
 * write and a read. The pool is keyed by the address each attempt checked, so a kept-open socket
 * only ever carries a request to the address that attempt's check allowed: if the name resolves
 * elsewhere later, the next attempt checks the new address and gets (or opens) that address's
 * connections, never the old one's.
 */
export class EndpointAgents {
  private readonly agents = new Map<string, Pool>();

  for(url: URL, target: CheckedTarget): Pool {
    const key = `${url.protocol}//${url.host}|${target.address}`;
    let agent = this.agents.get(key);
    if (agent) {
      // Most recently used last: the map's first key is the one to close when it is full.
      this.agents.delete(key);
    } else {
      agent = connectionsTo(url, target, SOCKETS_PER_ENDPOINT, IDLE_MS);
      if (this.agents.size >= MAX_ENDPOINTS) this.evictOldest();
    }
    this.agents.set(key, agent);
    return agent;
  }

  /** Closes every kept-open connection (the instance is stopping). */
  destroy(): void {
    for (const agent of this.agents.values()) void agent.destroy().catch(() => undefined);
    this.agents.clear();
  }

  private evictOldest(): void {
    const [key, agent] = this.agents.entries().next().value as [string, Pool];
    this.agents.delete(key);
    void agent.destroy().catch(() => undefined);
  }
}
