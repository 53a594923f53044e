import { useEffect, useState } from 'react';
import { api, BO, unwrapWithStatus } from '../api';
import type { components } from '../api/schema';
import { DataTable, ErrorBox, Pager, useZoneName, ZonedTime } from '../components';
import { useAction, useCoalesced, useLoad } from '../hooks';
import { useLiveTransactions } from '../live';
import { hrefOf } from '../router';
import { WebhookState } from './Webhooks';

type Delivery = components['schemas']['Delivery'];

const PER_PAGE = 20;
/** While a delivery is pending on an enabled endpoint, the page reads the log again this often. */
const REFRESH_MS = 3000;

/** One endpoint and its deliveries, newest event first: what was sent, what came back, what is next; and a retry. */
export function WebhookPage({ webhookId }: { webhookId: string }) {
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const retrying = useAction();
  const loaded = useLoad(async () => {
    const [deliveries, list] = await Promise.all([
      unwrapWithStatus(api.GET(`${BO}/webhooks/{id}/deliveries`, { params: { path: { id: webhookId }, query: { page, per_page: PER_PAGE } } })),
      unwrapWithStatus(api.GET(`${BO}/webhooks`)),
    ]);
    return { deliveries, webhook: list.data.find((w) => w.id === webhookId) };
  }, [webhookId, page]);
  const { reload } = loaded;
  const webhook = loaded.data?.webhook;
  const enabled = webhook?.enabled ?? false;
  const pending = loaded.data?.deliveries.data.some((d) => d.status === 'pending') ?? false;
  // A committed transaction may have added a delivery: the log is read again shortly after.
  const liveRefresh = useCoalesced(reload, 1000);
  useLiveTransactions(() => liveRefresh());
  // The worker attempts in the background: a pending delivery changes without the operator doing anything.
  useEffect(() => {
    if (!pending || !enabled) return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [pending, enabled, reload]);

  const retry = (eventId: string) => {
    if (retrying.busy) return;
    setNotice(null);
    void retrying.run(async () => {
      await unwrapWithStatus(api.POST(`${BO}/webhooks/{id}/deliveries/{eventId}/retry`, { params: { path: { id: webhookId, eventId } } }));
      setNotice(`Event ${eventId} is being sent again now.`);
      reload();
    });
  };
  const zone = useZoneName();

  return (
    <>
      <p>
        <a href={hrefOf('webhooks')}>All webhook endpoints</a>
      </p>
      <h1>
        Webhook <code>{webhook?.url ?? webhookId}</code>
      </h1>
      <ErrorBox error={loaded.error} />
      {webhook ? (
        <dl className="facts" data-testid="webhook-facts">
          <dt>Events</dt>
          <dd>{webhook.events.join(', ')}</dd>
          {webhook.description ? (
            <>
              <dt>Description</dt>
              <dd>{webhook.description}</dd>
            </>
          ) : null}
          <dt>State</dt>
          <dd data-testid="webhook-state">
            <WebhookState webhook={webhook} />
            {webhook.enabled ? null : <> — nothing is sent to it until one of its deliveries is retried, which enables it again.</>}
          </dd>
          <dt>Added ({zone})</dt>
          <dd>
            <ZonedTime iso={webhook.createdAt} />
          </dd>
          <dt>Id</dt>
          <dd>
            <code>{webhook.id}</code>
          </dd>
        </dl>
      ) : null}
      <section aria-labelledby="deliveries-title">
        <h2 id="deliveries-title">Deliveries</h2>
        <p role="status" className="ok">
          {notice}
        </p>
        <ErrorBox error={retrying.error} />
        {loaded.data ? (
          <>
            <DataTable
              testId="deliveries"
              head={
                <>
                  <th>Event</th>
                  <th>Status</th>
                  <th className="num">Attempts</th>
                  <th>Last answer</th>
                  <th>Last attempt ({zone})</th>
                  <th>Next attempt ({zone})</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </>
              }
            >
              {loaded.data.deliveries.data.map((d) => (
                <tr key={d.eventId} data-event={d.eventId}>
                  <td>
                    {d.eventId} <small className="muted">{d.eventType}</small>
                  </td>
                  <td data-testid="delivery-status">{d.status === 'failed' ? <mark className="badge">failed</mark> : d.status}</td>
                  <td className="num">{d.attempts}</td>
                  <td>
                    <LastAnswer delivery={d} />
                  </td>
                  <td>
                    <ZonedTime iso={d.lastAttemptAt} />
                  </td>
                  <td>{d.status === 'pending' && !enabled ? <span className="muted">waits for a retry</span> : <ZonedTime iso={d.nextAttemptAt} />}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="secondary" aria-label={`Retry event ${d.eventId}`} aria-busy={retrying.busy} onClick={() => retry(d.eventId)}>
                        Retry
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </DataTable>
            {loaded.data.deliveries.data.length === 0 ? <p>No deliveries yet: the next event of a chosen type is sent here.</p> : null}
            <Pager label="Deliveries" page={page} perPage={PER_PAGE} total={loaded.data.deliveries.paging.total} onPage={setPage} />
            <button type="button" className="secondary outline" onClick={reload} aria-busy={loaded.loading}>
              Refresh
            </button>
          </>
        ) : null}
      </section>
    </>
  );
}

/** The last answer's status and the start of its body, or why no answer came (a timeout, a refused address). */
function LastAnswer({ delivery: d }: { delivery: Delivery }) {
  if (d.attempts === 0) return <span className="muted">not attempted yet</span>;
  const status = d.lastStatus === null ? null : `HTTP ${d.lastStatus}`;
  return (
    <>
      {status}
      {d.lastError && d.lastError !== status ? (
        <>
          {status ? <br /> : null}
          <span className="error">{d.lastError}</span>
        </>
      ) : null}
      {d.lastResponse ? <pre className="answer-body">{d.lastResponse}</pre> : null}
    </>
  );
}
