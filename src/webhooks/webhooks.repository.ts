import type { Reader, Tx } from '../database/db.service.js';
import { forUpdate, inList } from '../database/sql-dialect.js';

/** A registered endpoint, as stored. */
export interface Webhook {
  readonly id: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly description: string | null;
  readonly secret: string;
  readonly previousSecret: string | null;
  /** Service clock, epoch ms: the rotated-out secret signs until then. */
  readonly previousSecretUntil: number | null;
  readonly enabled: boolean;
  readonly disabledReason: string | null;
  /** Service clock, epoch ms: the last attempt that delivered (null: none yet). */
  readonly lastSuccessAt: number | null;
  readonly createdAt: number;
}

type WebhookRow = {
  id: string;
  url: string;
  events: string;
  description: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | number | null;
  enabled: number;
  disabled_reason: string | null;
  last_success_at: string | number | null;
  created_at: string | number;
};

const num = (value: string | number | null): number | null => (value === null ? null : Number(value));

function webhookOf(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    description: row.description,
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousSecretUntil: num(row.previous_secret_until),
    enabled: Number(row.enabled) === 1,
    disabledReason: row.disabled_reason,
    lastSuccessAt: num(row.last_success_at),
    createdAt: Number(row.created_at),
  };
}

/** The `webhooks` table: endpoints, their secrets and whether they are enabled. */
export const webhooksTable = {
  async insert(tx: Tx, webhook: Webhook): Promise<void> {
    await tx.query(
      'INSERT INTO webhooks (id, url, events, description, secret, enabled, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)',
      [webhook.id, webhook.url, JSON.stringify(webhook.events), webhook.description, webhook.secret, webhook.createdAt],
    );
  },

  async all(reader: Reader): Promise<Webhook[]> {
    return (await reader.query<WebhookRow>('SELECT * FROM webhooks ORDER BY created_at, id')).map(webhookOf);
  },

  async find(reader: Reader, id: string, lock = false): Promise<Webhook | null> {
    const [row] = await reader.query<WebhookRow>(`SELECT * FROM webhooks WHERE id = ? ${lock ? forUpdate(reader.dialect) : ''}`, [id]);
    return row ? webhookOf(row) : null;
  },

  /**
   * Locks these endpoints' rows, in id order (rows are locked as the ORDER BY returns them),
   * until the transaction ends (PostgreSQL). Whatever
   * writes an endpoint and its deliveries locks the endpoint first (the operator's actions take
   * it FOR UPDATE before its deliveries), so two such transactions never wait on each other in a
   * circle.
   */
  async lockInOrder(tx: Tx, ids: readonly string[]): Promise<void> {
    if (ids.length === 0 || tx.dialect !== 'postgres') return;
    const listed = inList(tx.dialect, 'id', ids, 'varchar');
    await tx.query(`SELECT id FROM webhooks WHERE ${listed.sql} ORDER BY id ${forUpdate(tx.dialect)}`, listed.params);
  },

  async delete(tx: Tx, id: string): Promise<void> {
    await tx.query('DELETE FROM webhook_deliveries WHERE webhook_id = ?', [id]);
    await tx.query('DELETE FROM webhooks WHERE id = ?', [id]);
  },

  async rotate(tx: Tx, id: string, secret: string, previous: string, previousUntil: number): Promise<void> {
    await tx.query('UPDATE webhooks SET secret = ?, previous_secret = ?, previous_secret_until = ? WHERE id = ?', [secret, previous, previousUntil, id]);
  },

  async enable(tx: Tx, id: string): Promise<void> {
    await tx.query('UPDATE webhooks SET enabled = 1, disabled_reason = NULL WHERE id = ?', [id]);
  },

  async disable(tx: Tx, id: string, reason: string): Promise<void> {
    await tx.query('UPDATE webhooks SET enabled = 0, disabled_reason = ? WHERE id = ?', [reason, id]);
  },

  async noteSuccess(tx: Tx, id: string, now: number): Promise<void> {
    // At most once a minute: a busy endpoint's successes do not all queue on its row.
    await tx.query('UPDATE webhooks SET last_success_at = ? WHERE id = ? AND (last_success_at IS NULL OR last_success_at < ?)', [now, id, now - 60_000]);
  },
};
