import { sleep } from './socket-client.js';

/** An event as the feed shows it (CONTRACT §9). */
export interface FeedEvent {
  readonly id: string;
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface FeedFollower {
  /** Every event read, in the order read. */
  readonly seen: FeedEvent[];
  /** Where the reader stands: the `next` of its last page. */
  cursor(): string | undefined;
  /** Pages that broke the feed's promise: an event out of order, skipped or read twice, or an answer other than 200. */
  readonly breaks: string[];
  /** Requests that got no answer (no server, or it died mid-answer); asked again. */
  unanswered(): number;
  /** Resolves once the reader has passed event `lastId`. */
  stopAfter(lastId: string): Promise<void>;
  /** Stops it wherever it is (a test that failed half-way). */
  stop(): void;
}

/**
 * A feed reader as a consumer writes one: it asks `GET /events?after=next` again and again, of
 * whichever server `url()` names (null while there is none), waiting only when a page is empty
 * or unanswered. Ids are given in commit order from 1 with no gap (the events migration), so each
 * event must be the one after the last it read: anything else is recorded in `breaks`.
 */
export function followFeed(url: () => string | null, adminToken: string, limit: () => number): FeedFollower {
  const seen: FeedEvent[] = [];
  const breaks: string[] = [];
  let after: string | undefined;
  let unanswered = 0;
  let stopAt: bigint | null = null;
  let stopped = false;
  const read = async (base: string) => {
    const path = `/back-api/backoffice/events?limit=${limit()}${after === undefined ? '' : `&after=${after}`}`;
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${adminToken}` } });
    const text = await res.text();
    if (res.status !== 200) {
      breaks.push(`${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
      return 0;
    }
    const page = JSON.parse(text) as { events: FeedEvent[]; next: string };
    for (const event of page.events) {
      const expected = (BigInt(seen.at(-1)?.id ?? '0') + 1n).toString();
      if (event.id !== expected) breaks.push(`${path}: event ${event.id} where ${expected} was due`);
      seen.push(event);
    }
    const last = page.events.at(-1)?.id ?? after ?? '0';
    if (page.next !== last) breaks.push(`${path}: next ${page.next} where ${last} was due`);
    after = page.next;
    return page.events.length;
  };
  // fetch fails with a TypeError when no answer came (refused, reset, cut off mid-body); anything
  // else (an answer that does not fit the OpenAPI document, say) is a break. By name: under Jest
  // the error comes from another realm than the test's TypeError.
  const unansweredOrBreak = (error: unknown) => {
    if ((error as Error).name === 'TypeError') unanswered++;
    else breaks.push(`read failed: ${(error as Error).message}`);
    return 0;
  };
  const done = (async () => {
    while (!stopped && (stopAt === null || BigInt(after ?? '0') < stopAt)) {
      const base = url();
      const got = base === null ? 0 : await read(base).catch(unansweredOrBreak);
      if (got === 0) await sleep(25);
    }
  })();
  return {
    seen,
    breaks,
    cursor: () => after,
    unanswered: () => unanswered,
    stopAfter: (lastId) => {
      stopAt = BigInt(lastId);
      return done;
    },
    stop: () => {
      stopped = true;
    },
  };
}
