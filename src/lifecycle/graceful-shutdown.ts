import type { INestApplication, LoggerService } from '@nestjs/common';
import { DrainService } from './drain.service.js';

/** How long in-flight requests may take to finish after SIGTERM. */
const SHUTDOWN_GRACE_MS = 15_000;
/** How long requests already sent may take to arrive once draining has begun. */
const LATE_ARRIVALS_MS = 300;

/**
 * SIGTERM / SIGINT: stop taking new work, let what is in flight finish and be answered, then
 * close sockets, the HTTP server and the database, and exit 0. Everything acknowledged before
 * was committed before its answer, so it is already durable.
 */
export function installGracefulShutdown(app: INestApplication, logger: LoggerService): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining in-flight requests`);
    const drain = app.get(DrainService);
    let drained = await drain.drain(SHUTDOWN_GRACE_MS);
    // Requests already on the wire when draining began are still read and answered (503)
    // before the sockets close, instead of being cut off unanswered.
    await new Promise((resolve) => setTimeout(resolve, LATE_ARRIVALS_MS));
    drained = (await drain.drain(SHUTDOWN_GRACE_MS)) && drained;
    if (!drained) logger.warn(`requests still running after ${SHUTDOWN_GRACE_MS} ms; closing anyway`);
    try {
      await app.close();
      logger.log('shut down cleanly');
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
