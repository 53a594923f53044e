import type { Db } from '../../src/database/db.service.js';

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
