import type { Reader } from '../database/tx.js';
import { canonicalJson, chainHash, GENESIS_HASH, type AuditRecord } from './audit-record.js';

const PAGE = 2000;

type Row = { id: string | number; at: string | number; actor_id: string; action: string; target: string; body: string; hash: string };

/**
 * Walks the audit chain in id order, in the caller's snapshot, and names each record that breaks
 * it: an id missing from the sequence (ids are gapless), a hash that is not SHA-256 of the
 * previous hash and the stored canonical body, a body that is not canonical or does not match
 * its row's columns, and a chain head that is not the last record (the newest one deleted).
 */
export async function checkAuditChain(reader: Reader, fail: (detail: string) => void): Promise<number> {
  let previousHash = GENESIS_HASH;
  let expected = 1n;
  let records = 0;
  for (let after = 0n; ; ) {
    const rows = await reader.query<Row>(`SELECT id, at, actor_id, action, target, body, hash FROM audit_records WHERE id > ? ORDER BY id LIMIT ${PAGE}`, [String(after)]);
    for (const row of rows) {
      const id = BigInt(row.id);
      records++;
      if (id !== expected) {
        fail(`audit record ${missingIds(expected, id - 1n)} missing`);
      } else if (row.hash !== chainHash(previousHash, row.body)) {
        fail(`audit record ${id}: its hash is not SHA-256 of the previous hash and its contents`);
      }
      const mismatch = bodyMismatch(row);
      if (mismatch) fail(`audit record ${id}: ${mismatch}`);
      previousHash = row.hash;
      expected = id + 1n;
    }
    if (rows.length < PAGE) break;
    after = BigInt(rows[rows.length - 1].id);
  }
  const [head] = await reader.query<{ last_id: string | number; last_hash: string }>('SELECT last_id, last_hash FROM audit_chain_head WHERE one = 1');
  const lastId = head ? BigInt(head.last_id) : -1n;
  if (lastId >= expected) fail(`audit record ${missingIds(expected, lastId)} missing`);
  else if (lastId !== expected - 1n || head.last_hash !== previousHash) fail(`audit chain head (record ${lastId}) is not the last record (${expected - 1n})`);
  return records;
}

const missingIds = (first: bigint, last: bigint) => (first === last ? `${first} is` : `${first} to ${last} are`);

function bodyMismatch(row: Row): string | null {
  let record: Omit<AuditRecord, 'hash'>;
  try {
    record = JSON.parse(row.body) as Omit<AuditRecord, 'hash'>;
  } catch {
    return 'its body is not JSON';
  }
  if (canonicalJson(record) !== row.body) return 'its body is not canonical JSON';
  const columns = { id: String(row.id), at: new Date(Number(row.at)).toISOString(), actor: row.actor_id, action: row.action, target: row.target };
  const fields = { id: record.id, at: record.at, actor: record.actor?.id, action: record.action, target: record.target };
  const differing = (Object.keys(columns) as Array<keyof typeof columns>).filter((key) => columns[key] !== fields[key]);
  return differing.length > 0 ? `its ${differing.join(', ')} column differs from its hashed body` : null;
}
