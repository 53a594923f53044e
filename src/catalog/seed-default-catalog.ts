import type { Db } from '../database/db.service.js';
import { exclusiveUntilCommit } from '../database/sql-dialect.js';
import { DEFAULT_ASSETS, DEFAULT_QUOTES, DEFAULT_TOKEN_ACTIONS, DEMO_ROOM } from './default-catalog.js';

/** Seeds the default catalog into a database that has no assets yet; otherwise does nothing. */
export async function seedDefaultCatalog(db: Db, now: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two instances starting on one empty database: the second waits, then finds the catalog.
    await exclusiveUntilCommit(tx, 'seed-default-catalog');
    const [{ n }] = await tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM assets');
    if (Number(n) > 0) return false;
    for (const asset of DEFAULT_ASSETS) {
      await tx.query('INSERT INTO assets (code, scale, created_at) VALUES (?, ?, ?)', [asset.code, asset.scale, now]);
    }
    for (const [asset, rate] of Object.entries(DEFAULT_QUOTES)) {
      await tx.query('INSERT INTO exchange_rates (asset, rate, updated_at) VALUES (?, ?, ?)', [asset, rate, now]);
      await tx.query('INSERT INTO exchange_rate_history (asset, rate, changed_at) VALUES (?, ?, ?)', [asset, rate, now]);
    }
    for (const a of DEFAULT_TOKEN_ACTIONS) {
      await tx.query(
        'INSERT INTO token_actions (action, type, token, price, category, description, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [a.action, a.type, a.token, a.price, a.category, a.description, now],
      );
    }
    await tx.query('INSERT INTO products (product_type, product_id, owner_id, updated_at) VALUES (?, ?, NULL, ?)', [
      DEMO_ROOM.productType,
      DEMO_ROOM.productId,
      now,
    ]);
    for (const option of DEMO_ROOM.options) {
      await tx.query('INSERT INTO product_options (product_type, product_id, plan, price) VALUES (?, ?, ?, ?)', [
        DEMO_ROOM.productType,
        DEMO_ROOM.productId,
        option.plan,
        option.price,
      ]);
    }
    return true;
  });
}
