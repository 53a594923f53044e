import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.service.js';
import type { TokenAction } from './token-action.js';

const COLUMNS = 'action, type, token, price, category, description';

/** The token_actions table. */
@Injectable()
export class TokenActionsRepository {
  constructor(private readonly db: Db) {}

  list(): Promise<TokenAction[]> {
    return this.db.query<TokenAction>(`SELECT ${COLUMNS} FROM token_actions ORDER BY action`);
  }

  async find(action: string): Promise<TokenAction | null> {
    const rows = await this.db.query<TokenAction>(`SELECT ${COLUMNS} FROM token_actions WHERE action = ?`, [action]);
    return rows[0] ?? null;
  }

  async save(action: TokenAction, now: number): Promise<void> {
    await this.db.transaction((tx) =>
      tx.query(
        `INSERT INTO token_actions (${COLUMNS}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (action) DO UPDATE SET type = excluded.type, token = excluded.token, price = excluded.price,
           category = excluded.category, description = excluded.description, updated_at = excluded.updated_at`,
        [action.action, action.type, action.token, action.price, action.category, action.description, now],
      ),
    );
  }

  /** True when there was such an action. */
  async delete(action: string): Promise<boolean> {
    const deleted = await this.db.transaction((tx) => tx.query('DELETE FROM token_actions WHERE action = ? RETURNING action', [action]));
    return deleted.length > 0;
  }
}
