import { USER_ENTRY_TYPES } from '../ledger/ledger.types.js';

/** A token action records one of the user entry types. */
export const TOKEN_ACTION_TYPES = USER_ENTRY_TYPES;
export const TOKEN_ACTION_CATEGORIES = ['event', 'product', 'subscription'] as const;
export type TokenActionType = (typeof TOKEN_ACTION_TYPES)[number];

export interface TokenAction {
  readonly action: string;
  readonly type: TokenActionType;
  /** TOKEN_ASSET amount the action moves, exact decimal string. */
  readonly token: string;
  /** What the action costs in the root asset when bought, exact decimal string. */
  readonly price: string;
  readonly category: string;
  readonly description: string;
}
