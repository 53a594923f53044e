/**
 * The webhook receiver of the bench: a node:http server that answers every POST 204 at once and
 * notes, per event id (`webhook-id`), when the request reached it and the event's `createdAt`.
 * Started by the benchmark as a child process, so that neither its CPU nor its event loop is the
 * load generator's (the donations' latencies stay the clients' own), and its CPU is measured on
 * its own. Asked over IPC: `{ stats: { after, through, events } }` → what arrived of the
 * `events` events with after < id ≤ through.
 */
import { createServer } from 'node:http';
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

const server = createServer((req, res) => {
  const arrivedAt = performance.timeOrigin + performance.now();
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    res.writeHead(204).end();
    const id = Number(req.headers['webhook-id']);
    if (arrivals.has(id)) {
      duplicates++;
      return;
    }
    const { createdAt } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { createdAt: string };
    arrivals.set(id, { at: arrivedAt, lag: arrivedAt - Date.parse(createdAt) });
  });
});

function stats(after: number, through: number, events: number): ReceiverStats {
  const inRange = [...arrivals].filter(([id]) => id > after && id <= through).map(([, arrival]) => arrival);
  const lags = inRange.map((a) => a.lag).sort((a, b) => a - b);
  const received = lags.length;
  while (lags.length < events) lags.push(Infinity);
  const times = inRange.map((a) => a.at);
  const span = (Math.max(...times) - Math.min(...times)) / 1000;
  return { received, duplicates, lagP50: percentile(lags, 50), lagP99: percentile(lags, 99), lagMax: lags.at(-1) ?? NaN, perSecond: received > 1 ? received / span : NaN };
}

process.on('message', (message: { stats: { after: string; through: string; events: number } }) => {
  const { after, through, events } = message.stats;
  process.send!({ stats: stats(Number(after), Number(through), events) });
});
process.on('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
