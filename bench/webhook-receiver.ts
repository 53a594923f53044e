/**
 * The webhook receiver of the bench: answers every POST 204 at once and notes, per event id
 * (`webhook-id`), when the request reached it and the event's `createdAt`. Started by the
 * benchmark as a child process, so that neither its CPU nor its event loop is the load
 * generator's (the donations' latencies stay the clients' own), and its CPU is measured on its
 * own. Asked over IPC: `{ stats: { after, through, events } }` → what arrived of the `events`
 * events with after < id ≤ through.
 *
 * It stands for a service on another machine, yet shares this one's cores with the server: so
 * it is a minimal HTTP/1.1 responder on node:net (a request's head, its Content-Length body, a
 * kept-open connection; nothing else our client sends): 0.05-0.06 of a core at about 1,300
 * deliveries/s here, where a node:http server took 0.07-0.13, so that what the bench measures
 * stays the ledger's own cost as far as it can.
 */
import { createServer } from 'node:net';
import { percentile } from './stats.js';

export interface ReceiverStats {
  /** Distinct events of the range that arrived. */
  readonly received: number;
  /** Requests for an event that had arrived already (at-least-once redeliveries). */
  readonly duplicates: number;
  /**
   * Delivery lag of the range's events, ms: first arrival minus the event's createdAt. An event
   * that has not arrived counts as an infinite lag, so a percentile that falls on one is Infinity.
   */
  readonly lagP50: number;
  readonly lagP99: number;
  readonly lagMax: number;
  /** Arrivals per second, from the range's first arrival to its last. */
  readonly perSecond: number;
}

/** Event id → its first arrival and its lag (that arrival minus createdAt), ms. */
const arrivals = new Map<number, { at: number; lag: number }>();
let duplicates = 0;

const HEAD_END = Buffer.from('\r\n\r\n');
const NO_CONTENT = Buffer.from('HTTP/1.1 204 No Content\r\n\r\n');

/** One request whole: records its event (or counts it as a duplicate). */
function received(head: string, body: Buffer): void {
  const arrivedAt = performance.timeOrigin + performance.now();
  const id = Number(/\r\nwebhook-id: *([^\r]*)/i.exec(head)?.[1]);
  if (arrivals.has(id)) {
    duplicates++;
    return;
  }
  const { createdAt } = JSON.parse(body.toString('utf8')) as { createdAt: string };
  arrivals.set(id, { at: arrivedAt, lag: arrivedAt - Date.parse(createdAt) });
}

const server = createServer((socket) => {
  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let answers = 0;
    for (;;) {
      const headEnd = pending.indexOf(HEAD_END);
      if (headEnd < 0) break;
      const head = pending.subarray(0, headEnd).toString('latin1');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      const bodyStart = headEnd + HEAD_END.length;
      if (pending.length < bodyStart + length) break;
      received(head, pending.subarray(bodyStart, bodyStart + length));
      pending = pending.subarray(bodyStart + length);
      answers++;
    }
    if (answers > 0) socket.write(answers === 1 ? NO_CONTENT : Buffer.concat(Array(answers).fill(NO_CONTENT)));
  });
  socket.on('error', () => socket.destroy());
});

function stats(after: number, through: number, events: number): ReceiverStats {
  const inRange = [...arrivals].filter(([id]) => id > after && id <= through).map(([, arrival]) => arrival);
  const lags = inRange.map((a) => a.lag).sort((a, b) => a - b);
  const received = lags.length;
  while (lags.length < events) lags.push(Infinity);
  const times = inRange.map((a) => a.at);
  // Not Math.max(...times): spreading a long run's arrivals (100,000s) overflows the stack.
  const span = (times.reduce((a, b) => Math.max(a, b), -Infinity) - times.reduce((a, b) => Math.min(a, b), Infinity)) / 1000;
  return { received, duplicates, lagP50: percentile(lags, 50), lagP99: percentile(lags, 99), lagMax: lags.at(-1) ?? NaN, perSecond: received > 1 ? received / span : NaN };
}

process.on('message', (message: { stats: { after: string; through: string; events: number } }) => {
  const { after, through, events } = message.stats;
  process.send!({ stats: stats(Number(after), Number(through), events) });
});
process.on('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
