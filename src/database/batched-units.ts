import type { Tx } from './tx.js';

/** A unit of work waiting in a group commit, and how to answer its caller. */
export interface Job {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export type Outcome = { job: Job; ok: true; value: unknown; hooks: Array<() => void> } | { job: Job; ok: false; error: unknown };

/** Runs after-commit hooks; one that throws is reported and does not stop the others. */
export function runHooks(hooks: ReadonlyArray<() => void>, onHookError: (error: unknown) => void): void {
  for (const hook of hooks) {
    try {
      hook();
    } catch (error) {
      try {
        onHookError(error);
      } catch {
        // Reporting failed too; the callers must still hear of their outcomes.
      }
    }
  }
}

/** After the COMMIT holding them: runs each successful unit's after-commit hooks, then answers every caller. */
export function settle(outcomes: readonly Outcome[], onHookError: (error: unknown) => void): void {
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      outcome.job.reject(outcome.error);
      continue;
    }
    runHooks(outcome.hooks, onHookError);
    outcome.job.resolve(outcome.value);
  }
}
