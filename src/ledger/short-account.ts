import { InsufficientFundsError, insufficientFunds } from '../common/errors.js';
import { isSystemOwner } from './system-accounts.js';

/**
 * Runs an operator's correction (an adjustment, a reversal) and, when it would leave an account
 * less than its holds lock, refuses it naming whose account: the operator may be moving money
 * of a user other than the one in the path, or of the platform.
 */
export async function namingShortAccount<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof InsufficientFundsError)) throw error;
    throw insufficientFunds(`Insufficient funds in ${error.asset} for ${isSystemOwner(error.ownerId) ? 'account' : 'user'} ${error.ownerId}`);
  }
}
