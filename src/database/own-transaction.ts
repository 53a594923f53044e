import type { AsyncLocalStorage } from 'node:async_hooks';
import type { CommitDeadline } from './commit-deadline.js';
import type { Reader, Tx } from './tx.js';

/**
 * One unit of work in a transaction of its own on `reader` (PostgreSQL: `Db.alone`; SQLite: a unit
 * run alone after its batch rolled back): `begin`, the work (its Tx is kept in `context`, so nested
 * transaction() and read() calls join it), the commit deadline's check, COMMIT; ROLLBACK when
 * anything after BEGIN fails. The after-commit hooks are returned, not run: the caller runs them
 * once it is done with the connection.
 */
export async function inOwnTransaction<T>(
  reader: Reader,
  begin: string,
  context: AsyncLocalStorage<Tx>,
  deadline: CommitDeadline,
  work: (tx: Tx) => Promise<T>,
): Promise<{ value: T; hooks: Array<() => void> }> {
  const hooks: Array<() => void> = [];
  await reader.query(begin);
  try {
    const tx: Tx = { ...reader, afterCommit: (fn) => hooks.push(fn), armCommitDeadline: () => deadline.arm() };
    const value = await context.run(tx, () => work(tx));
    deadline.check();
    await reader.query('COMMIT');
    return { value, hooks };
  } catch (error) {
    await reader.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
