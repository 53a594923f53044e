/**
 * The thread that makes webhook attempts (started by WebhookPoster): at each attempt it resolves
 * the URL's host and checks every address (DNS rebinding), signs with the real time of the
 * attempt, and POSTs to the checked address. It holds the kept-open connections, runs at most
 * ATTEMPTS_AT_ONCE attempts at once and queues the rest, so that a burst of deliveries costs the
 * thread that serves clients and commits the ledger only a message each way, and the pace of
 * attempts does not wait on that thread's turns.
 */
import { parentPort } from 'node:worker_threads';
import { EndpointAgents } from './endpoint-agents.js';
import { postOnce, type AttemptResult } from './webhook-client.js';
import type { Attempt, PostRequest, PostResponse } from './webhook-poster.js';
import { signatureHeader } from './webhook-signature.js';
import { checkedTarget, systemResolver } from './webhook-url.js';

/** Attempts one instance runs at once, to all endpoints together. */
const ATTEMPTS_AT_ONCE = 32;

const agents = new EndpointAgents();
const port = parentPort!;
const queued: PostRequest[] = [];
let running = 0;

/** Results of this turn of the event loop, sent back together (a message costs far more than its size). */
let results: PostResponse[] = [];

function answer(response: PostResponse): void {
  if (results.length === 0) {
    setImmediate(() => {
      port.postMessage(results);
      results = [];
    });
  }
  results.push(response);
}

async function attempt(request: Attempt): Promise<AttemptResult> {
  try {
    const url = new URL(request.url);
    const target = await checkedTarget(url, request.allowPrivate, systemResolver);
    // The receiver checks this against its own clock: it must be the real time, never the test clock's.
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': request.eventId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(request.secrets, request.eventId, timestamp, request.body),
    };
    return await postOnce(url, target, headers, request.body, request.timeoutMs, agents.for(url, target));
  } catch (error) {
    // A refused address (RefusedAddressError) names the address and the rule, for the delivery log.
    return { ok: false, status: null, body: null, error: (error as Error).message };
  }
}

function startQueued(): void {
  while (running < ATTEMPTS_AT_ONCE && queued.length > 0) {
    const request = queued.shift()!;
    // Its delivery would be free for another instance to claim before this attempt ended: not attempted.
    if (Date.now() + request.timeoutMs >= request.leaseUntil) {
      answer({ id: request.id, result: null });
      continue;
    }
    running++;
    void attempt(request).then((result) => {
      running--;
      answer({ id: request.id, result });
      startQueued();
    });
  }
}

port.on('message', (requests: PostRequest[] | 'drop-queued' | 'close') => {
  if (requests === 'drop-queued') {
    for (const { id } of queued.splice(0)) answer({ id, result: null });
    return;
  }
  if (requests === 'close') {
    agents.destroy();
    port.close();
    return;
  }
  queued.push(...requests);
  startQueued();
});
