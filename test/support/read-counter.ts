import type { INestApplication } from '@nestjs/common';
import type { Db } from '../../src/database/db.service.js';
import { EventSequencer } from '../../src/ledger/events/event-sequencer.js';
import { DeliveryWorker } from '../../src/webhooks/delivery-worker.js';

/**
 * Stops the service's background readers (the webhook worker's poll, the events sequencer's
 * sweep), so that a count of reads holds only those of the work under test.
 */
export async function stopBackgroundReaders(app: INestApplication): Promise<void> {
  await app.get(DeliveryWorker).onApplicationShutdown();
  app.get(EventSequencer).onApplicationShutdown();
}

/** Counts the calls of `db.read` (each still reads the real database) until `restore()`. */
export function countReads(db: Db): { readonly count: number; reset(): void; restore(): void } {
  const read = db.read.bind(db);
  let count = 0;
  db.read = ((work) => {
    count++;
    return read(work);
  }) as Db['read'];
  return {
    get count() {
      return count;
    },
    reset: () => {
      count = 0;
    },
    restore: () => {
      db.read = read;
    },
  };
}
