/**
 * The webhook receiver of the bench: answers every POST 204 at once and notes, per event id
 * (`webhook-id`), when the request reached it and the event's `createdAt`. Arrivals are kept per
 * request path, so that endpoints of different runs (each starting its event ids again) never mix.
 *
 * Two ways to run it:
 * - Started by the benchmark as a child process (the default), so that neither its CPU nor its
 *   event loop is the load generator's (the donations' latencies stay the clients' own), and its
 *   CPU is measured on its own. Asked over IPC: `{ stats: { path, after, through, events } }` →
 *   what arrived at `path` of the `events` events with after < id ≤ through.
 * - On a machine of its own: `node dist/bench/webhook-receiver.js --listen 0.0.0.0:9100`, and the
 *   bench with `--receiver http://that-host:9100`. The same questions are then asked with
 *   `GET /stats?path=…&after=…&through=…&events=…` on the same port. What the webhook costs the
 *   ledger is then measured without the receiver's CPU and its side of TCP on the ledger's cores,
 *   as a service's real receiver would be. The lag then spans two clocks: keep them synchronised.
 *
 * It stands for a service on another machine, yet by default shares this one's cores with the
 * server: so it is a minimal HTTP/1.1 responder on node:net (a request's head, its Content-Length
 * body, a kept-open connection; nothing else our client sends): 0.05-0.06 of a core at about 1,300
 * deliveries/s here, where a node:http server took 0.07-0.13, so that what the bench measures
 * stays the ledger's own cost as far as it can.
 */
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
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

/** Per request path: event id → its first arrival and its lag (that arrival minus createdAt), ms; and the repeated requests. */
const paths = new Map<string, { arrivals: Map<number, { at: number; lag: number }>; duplicates: number }>();

const HEAD_END = Buffer.from('\r\n\r\n');
const NO_CONTENT = Buffer.from('HTTP/1.1 204 No Content\r\n\r\n');

function arrivalsAt(path: string) {
  let at = paths.get(path);
  if (!at) paths.set(path, (at = { arrivals: new Map(), duplicates: 0 }));
  return at;
}

/** One request whole: records its event (or counts it as a duplicate) and gives its answer. */
function received(head: string, body: Buffer): Buffer {
  const arrivedAt = performance.timeOrigin + performance.now();
  const [method, target = '/'] = head.split('\r\n', 1)[0].split(' ');
  if (method === 'GET') return statsAnswer(new URL(target, 'http://receiver'));
  const at = arrivalsAt(target);
  const id = Number(/\r\nwebhook-id: *([^\r]*)/i.exec(head)?.[1]);
  if (at.arrivals.has(id)) {
    at.duplicates++;
    return NO_CONTENT;
  }
  const { createdAt } = JSON.parse(body.toString('utf8')) as { createdAt: string };
  at.arrivals.set(id, { at: arrivedAt, lag: arrivedAt - Date.parse(createdAt) });
  return NO_CONTENT;
}

/** `GET /stats?path=…&after=…&through=…&events=…` (a receiver on a machine of its own). */
function statsAnswer(url: URL): Buffer {
  const q = url.searchParams;
  if (url.pathname !== '/stats') return Buffer.from('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n');
  // Infinity (an undelivered event's lag) has no JSON form: it travels as null.
  const json = JSON.stringify(stats(q.get('path') ?? '/', Number(q.get('after')), Number(q.get('through')), Number(q.get('events'))));
  return Buffer.from(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
}

const server = createServer((socket) => {
  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    const answers: Buffer[] = [];
    for (;;) {
      const headEnd = pending.indexOf(HEAD_END);
      if (headEnd < 0) break;
      const head = pending.subarray(0, headEnd).toString('latin1');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      const bodyStart = headEnd + HEAD_END.length;
      if (pending.length < bodyStart + length) break;
      answers.push(received(head, pending.subarray(bodyStart, bodyStart + length)));
      pending = pending.subarray(bodyStart + length);
    }
    if (answers.length > 0) socket.write(answers.length === 1 ? answers[0] : Buffer.concat(answers));
  });
  socket.on('error', () => socket.destroy());
});

function stats(path: string, after: number, through: number, events: number): ReceiverStats {
  const { arrivals, duplicates } = paths.get(path) ?? { arrivals: new Map<number, { at: number; lag: number }>(), duplicates: 0 };
  const inRange = [...arrivals].filter(([id]) => id > after && id <= through).map(([, arrival]) => arrival);
  const lags = inRange.map((a) => a.lag).sort((a, b) => a - b);
  const received = lags.length;
  while (lags.length < events) lags.push(Infinity);
  const times = inRange.map((a) => a.at);
  // Not Math.max(...times): spreading a long run's arrivals (100,000s) overflows the stack.
  const span = (times.reduce((a, b) => Math.max(a, b), -Infinity) - times.reduce((a, b) => Math.min(a, b), Infinity)) / 1000;
  return { received, duplicates, lagP50: percentile(lags, 50), lagP99: percentile(lags, 99), lagMax: lags.at(-1) ?? NaN, perSecond: received > 1 ? received / span : NaN };
}

if (process.send) {
  process.on('message', (message: { stats: { path: string; after: string; through: string; events: number } }) => {
    const { path, after, through, events } = message.stats;
    process.send!({ stats: stats(path, Number(after), Number(through), events) });
  });
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
} else {
  const { values } = parseArgs({ options: { listen: { type: 'string' } } });
  const listen = /^(.+):(\d+)$/.exec(values.listen ?? '');
  if (!listen) {
    process.stderr.write('usage: node dist/bench/webhook-receiver.js --listen HOST:PORT   (then: npm run bench -- --receiver http://HOST:PORT)\n');
    process.exit(2);
  }
  server.listen(Number(listen[2]), listen[1], () => process.stdout.write(`webhook receiver listening on ${values.listen}\n`));
}
