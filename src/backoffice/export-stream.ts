import { Readable } from 'node:stream';
import type { ExportReader } from '../ledger/ledger-export.js';
import type { ExportWriter } from './export-formats.js';

/**
 * The export as a byte stream that reads the snapshot only as fast as the client takes the
 * bytes (each `read` fetches one batch), and ends the snapshot however the stream ends:
 * finished, the client gone, or an error (after which the response is cut off, never ended as
 * if complete: whole transactions only, so `after=` resumes it).
 */
export function exportStream(reader: ExportReader, writer: ExportWriter): Readable {
  const chunks = (async function* () {
    yield writer.start();
    for await (const batch of reader.transactions()) yield writer.transactions(batch);
    yield writer.end();
  })();
  return new Readable({
    read() {
      // One batch per turn of the event loop: reading and formatting a batch is synchronous work
      // (SQLite's driver is synchronous), and a client on a fast link would otherwise keep the
      // loop busy with one export until the socket's buffers filled, while other requests waited.
      setImmediate(() =>
        void nextChunk().then(
          (chunk) => this.push(chunk),
          (error: Error) => this.destroy(error),
        ),
      );
    },
    destroy(error, done) {
      // Ends the generator (at its next pause if a batch is being read), then the snapshot.
      void chunks
        .return(undefined)
        .catch(() => undefined)
        .then(() => reader.close())
        .then(
          () => done(error),
          (closeError: Error) => done(error ?? closeError),
        );
    },
  });

  /** The next non-empty text, or null at the end (an empty chunk would read as the end). */
  async function nextChunk(): Promise<string | null> {
    for (;;) {
      const next = await chunks.next();
      if (next.done) return null;
      if (next.value !== '') return next.value;
    }
  }
}
