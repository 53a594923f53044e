import { useState, type FormEvent } from 'react';
import { api, BO, unwrap } from '../api';
import type { components } from '../api/schema';
import { AccountLink, DataTable, ErrorBox, Pager, Readable, TransactionLink, ZonedTime } from '../components';
import { useLoad } from '../hooks';
import { hrefOf, pageOf, useHashState } from '../router';
import { localZone, zonedInstant } from '../zone';

type AuditRecord = components['schemas']['AuditRecord'];
type Fields = Record<string, unknown>;

const PER_PAGE = 20;
const EMPTY = { actor: '', action: '', target: '', from: '', to: '' };

/** The audit trail, newest first, filtered by actor, action, target and days (in the browser's zone). */
export function Audit() {
  const [state, setState] = useHashState({ ...EMPTY, page: '1' });
  const { page: pageText, ...filters } = state;
  const page = pageOf(pageText);
  const [draft, setDraft] = useState(filters);
  const from = zonedInstant(filters.from);
  const to = zonedInstant(filters.to);
  const query = {
    page,
    per_page: PER_PAGE,
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.target ? { target: filters.target } : {}),
    ...(from ? { from: from.rfc3339 } : {}),
    ...(to ? { to: to.rfc3339 } : {}),
  };
  const records = useLoad(() => unwrap(api.GET(`${BO}/audit`, { params: { query } })), [query]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState({ ...draft, actor: draft.actor.trim(), action: draft.action.trim(), target: draft.target.trim(), page: '1' });
  };
  const field = (key: keyof typeof EMPTY, label: string, props: { type?: string; placeholder?: string } = {}) => (
    <label htmlFor={`audit-${key}`}>
      {label}
      <input id={`audit-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} {...props} />
    </label>
  );
  const zone = localZone();
  return (
    <>
      <h1>Audit trail</h1>
      <form onSubmit={submit} className="inline-form" aria-label="Audit filters">
        {field('actor', 'Actor (user id)', { placeholder: 'ops-1' })}
        {field('action', 'Action', { placeholder: 'freeze.put' })}
        {field('target', 'Target', { placeholder: 'user:alice' })}
        {field('from', `From (start of day, ${zone})`, { type: 'date' })}
        {field('to', `To, exclusive (start of day, ${zone})`, { type: 'date' })}
        <button type="submit">Filter</button>
      </form>
      {from || to ? (
        <p className="muted" data-testid="audit-range">
          {from ? `From ${from.described}` : ''} {to ? `to ${to.described}` : ''}
        </p>
      ) : null}
      <ErrorBox error={records.error} />
      {records.data ? (
        <>
          <DataTable
            busy={records.loading}
            testId="audit"
            head={
              <>
                <th>Time</th>
                <th>Actor</th>
                <th>Action</th>
                <th>Target</th>
                <th>Changes</th>
                <th>Request</th>
              </>
            }
          >
            {records.data.data.map((r) => (
              <AuditRow key={r.id} record={r} />
            ))}
          </DataTable>
          {records.data.data.length === 0 ? <p>No records.</p> : null}
          <Pager label="Audit" page={records.data.paging.page} perPage={PER_PAGE} total={records.data.paging.total} loading={records.loading} onPage={(p) => setState({ page: String(p) })} />
        </>
      ) : null}
    </>
  );
}

function AuditRow({ record: r }: { record: AuditRecord }) {
  return (
    <tr data-audit={r.id}>
      <td>
        <ZonedTime iso={r.at} />
      </td>
      <td>
        <AccountLink account={r.actor.id} />
        {r.actor.username && r.actor.username !== r.actor.id ? <small className="muted"> ({r.actor.username})</small> : null}
        {r.actor.asserted ? <small title="Named by the caller (legacy u), not proven by a token"> asserted</small> : null}
      </td>
      <td>{r.action}</td>
      <td>
        <Target target={r.target} />
      </td>
      <td>
        <Changes before={r.before} after={r.after} />
      </td>
      <td>
        <small>
          {r.surface} from {r.address}
          <br />
          <span className="muted">request {r.requestId}</span>
        </small>
      </td>
    </tr>
  );
}

/** `user:alice` links to alice, `transaction:17` to transaction 17, `webhook:…` to the endpoint's deliveries; other targets are text. */
function Target({ target }: { target: string }) {
  const [kind, ...rest] = target.split(':');
  const id = rest.join(':');
  if (kind === 'user' && id) return <AccountLink account={id} />;
  if (kind === 'transaction' && id) return <TransactionLink id={id} />;
  if (kind === 'webhook' && id) return <a href={hrefOf('webhooks', id)}>{target}</a>;
  return <>{target}</>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed, field by field: created (no before), deleted (no after), or each field whose
 * value differs, as before → after. Unchanged fields are left out.
 */
function Changes({ before, after }: { before?: Fields; after?: Fields }) {
  const names = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((n) => !same(before?.[n], after?.[n]));
  if (names.length === 0) return <span className="muted">no field changed</span>;
  const lead = before === undefined ? 'created' : after === undefined ? 'deleted' : null;
  return (
    <>
      {lead ? <small className="muted">{lead}</small> : null}
      <dl className="changes">
      {names.map((name) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            {before !== undefined && after !== undefined ? (
              <>
                <del>
                  <Readable name={name} value={before[name]} />
                </del>
                {' → '}
                <ins>
                  <Readable name={name} value={after[name]} />
                </ins>
              </>
            ) : (
              <Readable name={name} value={(after ?? before)?.[name]} />
            )}
          </dd>
        </div>
      ))}
      </dl>
    </>
  );
}
