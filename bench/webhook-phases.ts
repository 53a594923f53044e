import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import { EVENT_TYPES } from '../src/ledger/events/event-types.js';
import { rest } from './clients.js';
import { donations, inTurns, medianOf, RUN_WARM_UP_S, type Measured } from './phases.js';
import { median, processCpuSeconds, withCpu } from './stats.js';
import type { ReceiverStats } from './webhook-receiver.js';

/** The receiver (webhook-receiver.ts): a child process, or one on a machine of its own (`--receiver`). */
interface Receiver {
  readonly url: string;
  /** Where it runs: `child process`, or the origin of a receiver elsewhere. */
  readonly where: string;
  /** Its CPU seconds so far; NaN for a receiver elsewhere (its CPU is not this machine's). */
  cpuSeconds(): Promise<number>;
  stats(after: string, through: string, events: number): Promise<ReceiverStats>;
  stop(): void;
}

/**
 * The path of a receiver's endpoints, new at every start: a receiver elsewhere outlives the
 * bench's databases, whose event ids start again, and keeps its arrivals per path.
 */
const endpointPath = () => `/ledger-events/${process.pid}-${randomUUID()}`;

async function startReceiver(elsewhere?: string): Promise<Receiver> {
  if (elsewhere) return remoteReceiver(elsewhere);
  const path = endpointPath();
  const child = fork(join(dirname(fileURLToPath(import.meta.url)), 'webhook-receiver.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  return {
    url: `http://127.0.0.1:${port}${path}`,
    where: 'child process',
    cpuSeconds: () => processCpuSeconds(child.pid!),
    stats: (after, through, events) =>
      new Promise((resolve) => {
        child.once('message', (m: { stats: ReceiverStats }) => resolve(m.stats));
        child.send({ stats: { path, after, through, events } });
      }),
    stop: () => child.kill('SIGKILL'),
  };
}

/** A receiver started apart (`node dist/bench/webhook-receiver.js --listen …`), asked over HTTP. */
function remoteReceiver(base: string): Receiver {
  const origin = new URL(base).origin;
  const path = endpointPath();
  return {
    url: `${origin}${path}`,
    where: origin,
    cpuSeconds: () => Promise.resolve(NaN),
    stats: async (after, through, events) => {
      const query = new URLSearchParams({ path, after, through, events: String(events) });
      const res = await fetch(`${origin}/stats?${query}`);
      if (!res.ok) throw new Error(`the receiver at ${origin} answered ${res.status} to /stats`);
      const stats = (await res.json()) as { [K in keyof ReceiverStats]: number | null };
      // JSON has no Infinity (an undelivered event's lag): it came as null.
      const lag = (ms: number | null) => ms ?? Infinity;
      return { received: stats.received!, duplicates: stats.duplicates!, lagP50: lag(stats.lagP50), lagP99: lag(stats.lagP99), lagMax: lag(stats.lagMax), perSecond: stats.perSecond ?? NaN };
    },
    stop: () => undefined,
  };
}

/** Cores busy, or where they were not measured (a receiver elsewhere). */
export const cores = (busy: number) => (Number.isNaN(busy) ? 'elsewhere' : busy.toFixed(2));

/** The feed from `after` to its end, 1,000 at a time: its last id and how many events there were. */
async function feedFrom(url: string, after: string): Promise<{ last: string; count: number }> {
  let count = 0;
  for (;;) {
    const page = (await rest(url, 'GET', `/back-api/backoffice/events?after=${after}&limit=1000`)).json as { events: unknown[]; next: string };
    count += page.events.length;
    if (page.events.length === 0) return { last: after, count };
    after = page.next;
  }
}

/** One endpoint for every event type, at the receiver. */
async function subscribe(url: string, receiver: Receiver): Promise<string> {
  const res = await rest(url, 'POST', '/back-api/backoffice/webhooks', { url: receiver.url, events: [...EVENT_TYPES], description: 'bench' });
  if (res.status !== 201) throw new Error(`registering the webhook failed: ${JSON.stringify(res.json)}`);
  return (res.json as { id: string }).id;
}

async function unsubscribe(url: string, id: string): Promise<void> {
  const res = await rest(url, 'DELETE', `/back-api/backoffice/webhooks/${id}`);
  if (res.status !== 200) throw new Error(`removing the webhook failed: ${JSON.stringify(res.json)}`);
}

/** A receiver with an endpoint for every event type at it, until `stop` (the profile of donations with a webhook). */
export async function subscribedReceiver(url: string, elsewhere?: string): Promise<{ stop(): void }> {
  const receiver = await startReceiver(elsewhere);
  await subscribe(url, receiver);
  return receiver;
}

/** What the webhook deliveries of one phase came to, once drained (or the wait gave up). */
export interface Delivered extends ReceiverStats {
  /** Events the phase committed: every one is owed a delivery. */
  readonly events: number;
  /** Events that had not reached the receiver when the wait ended. */
  readonly undelivered: number;
  /** From the end of the phase until the last delivery arrived (or the wait gave up), s. */
  readonly drainSeconds: number;
  /** CPU cores the receiver was busy during the phase (NaN: a receiver elsewhere). */
  readonly receiverCores: number;
  /**
   * Server CPU per delivery made while it drained the backlog with no other load (the
   * events feed read, fan-out, claim, signing, the HTTP request and its record), µs; NaN when
   * the deliveries kept up and nothing was left to drain.
   */
  readonly serverCpuPerDeliveryUs: number;
}

/** Waits until the receiver has every event of (after, through], or `timeoutS` has passed. */
async function drain(receiver: Receiver, after: string, through: string, events: number, timeoutS: number): Promise<{ stats: ReceiverStats; seconds: number }> {
  const started = performance.now();
  for (;;) {
    const stats = await receiver.stats(after, through, events);
    const seconds = (performance.now() - started) / 1000;
    if (stats.received >= events || seconds >= timeoutS) return { stats, seconds };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Donations for `seconds` with the endpoint subscribed, then the wait for their deliveries. */
async function withWebhook(url: string, serverPid: number, receiver: Receiver, clients: Socket[], prefix: string, seconds: number, drainTimeoutS: number, cursor: string): Promise<{ load: Measured; delivered: Delivered; cursor: string }> {
  const webhookId = await subscribe(url, receiver);
  // Unmeasured: the first events' deliveries start a fan-out pass later (the lag), so a run
  // measured from the start would have a stretch with events but no delivery work yet.
  await donations(clients, prefix, RUN_WARM_UP_S);
  const receiverBefore = await receiver.cpuSeconds();
  const started = performance.now();
  const load = await withCpu(serverPid, () => donations(clients, prefix, seconds));
  const receiverCores = ((await receiver.cpuSeconds()) - receiverBefore) / ((performance.now() - started) / 1000);
  const { last, count } = await feedFrom(url, cursor);
  const before = { received: (await receiver.stats(cursor, last, count)).received, cpu: await processCpuSeconds(serverPid) };
  const { stats, seconds: drainSeconds } = await drain(receiver, cursor, last, count, drainTimeoutS);
  const serverCpuPerDeliveryUs = (((await processCpuSeconds(serverPid)) - before.cpu) * 1e6) / (stats.received - before.received);
  // Whatever was not delivered in time stops here, so that it costs the next phase nothing.
  await unsubscribe(url, webhookId);
  return { load, delivered: { ...stats, events: count, undelivered: count - stats.received, drainSeconds, receiverCores, serverCpuPerDeliveryUs }, cursor: last };
}

export interface WebhookCost {
  readonly without: Measured & { runs: Measured[] };
  readonly with: Measured & { runs: Measured[] };
  /**
   * The median of the pairs' ratios. A pair's two runs are next to each other in time, so a spell
   * when the machine is slower (this VM's neighbours) mostly moves both; the medians of all runs
   * with and all runs without, taken apart, lose that pairing.
   */
  readonly ratio: number;
  /** Each pair's rate with the webhook over its rate without, in run order. */
  readonly pairRatios: number[];
  /** Per run with the webhook. */
  readonly deliveries: Delivered[];
  /** Medians over the runs with the webhook (Infinity: undelivered), and every event any of them left undelivered. */
  readonly lagP50: number;
  readonly lagP99: number;
  readonly deliveredPerSecond: number;
  readonly serverCpuPerDeliveryUs: number;
  readonly undelivered: number;
  /** Where the receiver ran: a child process of the bench, or the `--receiver` origin. */
  readonly receiver: string;
}

/**
 * Donations without and with one webhook endpoint for every event type, on the same server and
 * clients, run by run in turn (`runs` pairs: without then with, then with then without, and so
 * on), so that a machine that gets busier or quieter meanwhile, or a ledger that grows slower,
 * moves both alike. Each run is measured after RUN_WARM_UP_S of the same load. After each run with the endpoint the bench
 * waits until every event that run committed reached the receiver (at most `drainTimeoutS`),
 * then removes the endpoint: the next run without it starts with nothing left to send.
 */
export async function webhookCost(url: string, serverPid: number, clients: Socket[], prefix: string, seconds: number, runs: number, drainTimeoutS: number, log: (m: string) => void, receiverElsewhere?: string): Promise<WebhookCost> {
  const receiver = await startReceiver(receiverElsewhere);
  try {
    let { last: cursor } = await feedFrom(url, '0');
    // A warm-up with the endpoint: the delivery path's code is compiled before it is measured.
    ({ cursor } = await withWebhook(url, serverPid, receiver, clients, prefix, 2, drainTimeoutS, cursor));
    const runWithout = async () => {
      await donations(clients, prefix, RUN_WARM_UP_S);
      return withCpu(serverPid, () => donations(clients, prefix, seconds));
    };
    const runWith = async () => {
      cursor = (await feedFrom(url, cursor)).last;
      const measured = await withWebhook(url, serverPid, receiver, clients, prefix, seconds, drainTimeoutS, cursor);
      cursor = measured.cursor;
      return measured;
    };
    const pairs = await inTurns(runs, runWithout, runWith, (without, { load, delivered: d }, pair) =>
      log(
        `webhooks run ${pair + 1}: ${without.perSecond.toFixed(0)}/s without, ${load.perSecond.toFixed(0)}/s with (x${(load.perSecond / without.perSecond).toFixed(2)}; CPU server ${load.cpu.serverCores?.toFixed(2)}, database ${load.cpu.databaseCores.toFixed(2)}, receiver ${cores(d.receiverCores)}); ` +
          `${d.received}/${d.events} delivered at ${d.perSecond.toFixed(0)}/s (${Number.isFinite(d.serverCpuPerDeliveryUs) ? `server CPU ${d.serverCpuPerDeliveryUs.toFixed(0)} us each while draining` : 'nothing left to drain'}), ${d.undelivered > 0 ? 'gave up' : 'drained'} ${d.drainSeconds.toFixed(1)} s after, lag p50 ${d.lagP50.toFixed(0)} / p99 ${d.lagP99.toFixed(0)} / max ${d.lagMax.toFixed(0)} ms`,
      ),
    );
    const without = pairs.map(([run]) => run);
    const withIt = pairs.map(([, { load }]) => load);
    const deliveries = pairs.map(([, { delivered }]) => delivered);
    const pairRatios = withIt.map((run, i) => run.perSecond / without[i].perSecond);
    const withMedian = medianOf(withIt);
    const withoutMedian = medianOf(without);
    return {
      without: { ...withoutMedian, runs: without },
      with: { ...withMedian, runs: withIt },
      ratio: median(pairRatios),
      pairRatios,
      deliveries,
      lagP50: median(deliveries.map((d) => d.lagP50)),
      lagP99: median(deliveries.map((d) => d.lagP99)),
      deliveredPerSecond: median(deliveries.map((d) => d.perSecond)),
      serverCpuPerDeliveryUs: median(deliveries.map((d) => d.serverCpuPerDeliveryUs)),
      undelivered: deliveries.reduce((sum, d) => sum + d.undelivered, 0),
      receiver: receiver.where,
    };
  } finally {
    receiver.stop();
  }
}
