import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import type { AttemptResult } from './webhook-client.js';
import type { CheckedTarget } from './webhook-url.js';

/** One POST for the posting thread: to the checked address only (see postOnce). */
export interface PostRequest {
  readonly id: number;
  readonly url: string;
  readonly target: CheckedTarget;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly timeoutMs: number;
}

export interface PostResponse {
  readonly id: number;
  readonly result: AttemptResult;
}

/**
 * Sends webhook requests from a thread of their own (posting-thread.ts). An HTTP request costs
 * about as much CPU as a tenth of a donation; at one delivery per committed event, on the thread
 * that commits them, that is a tenth of the ledger's throughput. The thread is started on the
 * first attempt, and again after it stops: the attempts it had are failed (and retried on their
 * schedule), never lost.
 */
export class WebhookPoster {
  private readonly logger = new Logger('Webhooks');
  private worker: Worker | null = null;
  private readonly pending = new Map<number, (result: AttemptResult) => void>();
  private nextId = 1;
  /** Requests of this turn of the event loop, sent to the thread together: a message costs far more than its size. */
  private outbox: PostRequest[] = [];

  post(url: URL, target: CheckedTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<AttemptResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (this.outbox.length === 0) setImmediate(() => this.send());
      this.outbox.push({ id, url: url.href, target, headers, body, timeoutMs });
    });
  }

  private send(): void {
    const requests = this.outbox;
    this.outbox = [];
    this.thread().postMessage(requests);
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

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./posting-thread.js', import.meta.url));
    worker.unref();
    worker.on('message', (responses: PostResponse[]) => {
      for (const { id, result } of responses) {
        this.pending.get(id)?.(result);
        this.pending.delete(id);
      }
    });
    worker.on('error', (error) => this.logger.error(`the webhook posting thread failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, resolve] of this.pending) {
        resolve({ ok: false, status: null, body: null, error: `the webhook posting thread stopped (exit code ${code})` });
        this.pending.delete(id);
      }
    });
    this.worker = worker;
    return worker;
  }
}
