import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import type { AttemptResult } from './webhook-client.js';

/** One attempt for the posting thread to make. */
export interface Attempt {
  readonly url: string;
  /** WEBHOOKS_ALLOW_PRIVATE: whether the checked address may be a non-public one. */
  readonly allowPrivate: boolean;
  /** The secrets that sign it: the current one, and the rotated-out one while it still signs. */
  readonly secrets: readonly string[];
  readonly eventId: string;
  readonly body: string;
  readonly timeoutMs: number;
  /** Real time, epoch ms: the attempt starts only if it will end before then. */
  readonly leaseUntil: number;
}

export interface PostRequest extends Attempt {
  readonly id: number;
}

export interface PostResponse {
  readonly id: number;
  /** Null: not attempted (it waited until its lease would lapse during the attempt). */
  readonly result: AttemptResult | null;
}

/**
 * Makes webhook attempts on a thread of their own (posting-thread.ts): resolving and checking the
 * address, signing and the HTTP request cost, together, a fifth of a donation's CPU; at one
 * delivery per committed event, on the thread that commits them, that is a fifth of the ledger's
 * throughput. The thread is started on the
 * first attempt, and again after it stops: the attempts it had are failed (and retried on their
 * schedule), never lost.
 */
export class WebhookPoster {
  private readonly logger = new Logger('Webhooks');
  private worker: Worker | null = null;
  private readonly pending = new Map<number, (result: AttemptResult | null) => void>();
  private nextId = 1;
  /** Requests of this turn of the event loop, sent to the thread together: a message costs far more than its size. */
  private outbox: PostRequest[] = [];

  /** What the attempt came to, or null when it was not made: it would have outlasted its lease (`leaseUntil`, real time). */
  post(attempt: Attempt): Promise<AttemptResult | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (this.outbox.length === 0) setImmediate(() => this.send());
      this.outbox.push({ ...attempt, id });
    });
  }

  private send(): void {
    if (this.outbox.length === 0) return;
    const requests = this.outbox;
    this.outbox = [];
    this.thread().postMessage(requests);
  }

  /** Requests not yet started are answered as not made (null); the running ones finish. */
  dropQueued(): void {
    if (this.outbox.length > 0) {
      for (const { id } of this.outbox) this.settle(id, null);
      this.outbox = [];
    }
    this.worker?.postMessage('drop-queued');
  }

  /** Closes the thread's kept-open connections and ends it (no attempt is running any more). */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const ended = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('close');
    await ended;
  }

  private settle(id: number, result: AttemptResult | null): void {
    this.pending.get(id)?.(result);
    this.pending.delete(id);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./posting-thread.js', import.meta.url));
    worker.unref();
    worker.on('message', (responses: PostResponse[]) => {
      for (const { id, result } of responses) this.settle(id, result);
    });
    worker.on('error', (error) => this.logger.error(`the webhook posting thread failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      for (const id of [...this.pending.keys()]) this.settle(id, { ok: false, status: null, body: null, error: `the webhook posting thread stopped (exit code ${code})` });
    });
    this.worker = worker;
    return worker;
  }
}
