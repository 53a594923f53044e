import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, BO, unwrapWithStatus } from '../api';
import type { components } from '../api/schema';
import { ConfirmDialog, DataTable, ErrorBox, useZoneName, ZonedTime } from '../components';
import { useAction, useLoad } from '../hooks';
import { hrefOf } from '../router';
import { SecretDialog } from './SecretDialog';

type Webhook = components['schemas']['Webhook'];
type EventType = Webhook['events'][number];

/** Every event type the API sends (CONTRACT §9), with what it reports: the type check fails when the API gains or loses one. */
const EVENT_MEANING: Record<EventType, string> = {
  'transaction.committed': 'every committed transaction, with its entries and the balances they left',
  'hold.placed': 'funds locked by a hold',
  'hold.captured': 'a hold taken as payment',
  'hold.released': 'a hold let go, its funds free again',
  'hold.expired': 'a hold that ran out',
  'subscription.created': 'a subscription bought',
  'subscription.renewed': 'a subscription renewed for another period',
  'subscription.expired': 'a subscription that ended',
  'user.frozen': 'a user frozen by an operator',
  'user.unfrozen': 'a freeze lifted',
};
const EVENT_TYPES = Object.keys(EVENT_MEANING) as EventType[];

/** "enabled", or why the service stopped sending (a 410 answer, 5 days of failures). */
export function WebhookState({ webhook }: { webhook: Webhook }) {
  if (webhook.enabled) return <>enabled</>;
  return (
    <>
      <mark className="badge">disabled</mark> {webhook.disabledReason ?? ''}
    </>
  );
}

type Shown = { title: string; secret: string; note?: string };
type Confirming = { text: string; label: string; run: () => Promise<void> };

/**
 * The webhook endpoints (Standard Webhooks): each event of the chosen types is POSTed to them,
 * signed. An endpoint is added here (its secret shown once), its secret rotated or it removed,
 * each after a confirmation; its deliveries are on its own page.
 */
export function Webhooks() {
  const list = useLoad(() => unwrapWithStatus(api.GET(`${BO}/webhooks`)), []);
  const [shown, setShown] = useState<Shown | null>(null);
  const [confirm, setConfirm] = useState<Confirming | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [focusList, setFocusList] = useState(0);
  const listTitle = useRef<HTMLHeadingElement>(null);
  const action = useAction();
  // After a removal the button that opened the dialog is gone with its row: the list's heading takes the focus.
  useEffect(() => {
    if (focusList > 0) listTitle.current?.focus();
  }, [focusList]);

  const ask = (confirming: Confirming) => {
    action.setError(null);
    setNotice(null);
    setConfirm(confirming);
  };
  const rotate = (w: Webhook) =>
    ask({
      text: `Rotate the signing secret of ${w.url}? The new secret is shown once; the current one keeps signing for 24 hours, so the receiver can switch without missing a delivery.`,
      label: 'Rotate',
      run: async () => {
        const rotated = await unwrapWithStatus(api.POST(`${BO}/webhooks/{id}/rotate-secret`, { params: { path: { id: w.id } } }));
        setConfirm(null);
        setShown({ title: `New signing secret for ${w.url}`, secret: rotated.secret, note: rotated.previousSecretSignsUntil });
      },
    });
  const remove = (w: Webhook) =>
    ask({
      text: `Remove the endpoint ${w.url}? Nothing more is sent to it, and its delivery log is deleted.`,
      label: 'Remove',
      run: async () => {
        await unwrapWithStatus(api.DELETE(`${BO}/webhooks/{id}`, { params: { path: { id: w.id } } }));
        setConfirm(null);
        setNotice(`Removed ${w.url}.`);
        setFocusList((n) => n + 1);
        list.reload();
      },
    });
  // A refusal is shown in the dialog only, and goes with it.
  const cancel = () => {
    setConfirm(null);
    action.setError(null);
  };
  const run = () => {
    if (confirm && !action.busy) void action.run(confirm.run);
  };
  const zone = useZoneName();

  return (
    <>
      <h1>Webhooks</h1>
      <p>
        Each event of the chosen types is POSTed to the endpoint as JSON, signed per Standard Webhooks with the endpoint&apos;s secret, and retried for 5 days until it answers with a 2xx.
      </p>
      <section aria-labelledby="webhooks-title">
        <h2 id="webhooks-title" ref={listTitle} tabIndex={-1}>
          Endpoints
        </h2>
        <p role="status" className="ok">
          {notice}
        </p>
        <ErrorBox error={list.error} />
        {list.data ? (
          <>
            <DataTable
              testId="webhooks"
              head={
                <>
                  <th>Endpoint</th>
                  <th>Events</th>
                  <th>State</th>
                  <th>Added ({zone})</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </>
              }
            >
              {list.data.data.map((w) => (
                <tr key={w.id} data-webhook={w.id}>
                  <td>
                    <a href={hrefOf('webhooks', w.id)} aria-label={`Deliveries to ${w.url}`}>
                      {w.url}
                    </a>
                    {w.description ? <small className="muted"> {w.description}</small> : null}
                  </td>
                  <td>{w.events.join(', ')}</td>
                  <td data-testid="webhook-state">
                    <WebhookState webhook={w} />
                  </td>
                  <td>
                    <ZonedTime iso={w.createdAt} />
                  </td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="secondary" aria-label={`Rotate the secret of ${w.url}`} onClick={() => rotate(w)}>
                        Rotate secret
                      </button>
                      <button type="button" className="secondary outline" aria-label={`Remove ${w.url}`} onClick={() => remove(w)}>
                        Remove
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </DataTable>
            {list.data.data.length === 0 ? <p>No endpoints.</p> : null}
          </>
        ) : null}
      </section>
      <AddWebhook
        onAdded={(w) => {
          setNotice(null);
          setShown({ title: `Signing secret for ${w.url}`, secret: w.secret });
          list.reload();
        }}
      />
      {confirm ? (
        <ConfirmDialog title="Confirm" confirmLabel={confirm.label} busy={action.busy} error={action.error} onConfirm={run} onCancel={cancel}>
          <p data-testid="confirm-text">{confirm.text}</p>
        </ConfirmDialog>
      ) : null}
      {shown ? (
        <SecretDialog title={shown.title} secret={shown.secret} onClose={() => setShown(null)}>
          {shown.note ? (
            <p data-testid="previous-secret">
              The previous secret also signs until <ZonedTime iso={shown.note} /> ({zone}): until then every delivery carries both signatures.
            </p>
          ) : null}
        </SecretDialog>
      ) : null}
    </>
  );
}

const EMPTY = { url: '', description: '', events: [] as EventType[] };

/** Registers an endpoint for the event types ticked; the answer's secret goes to the caller, to be shown once. */
function AddWebhook({ onAdded }: { onAdded: (webhook: components['schemas']['NewWebhook']) => void }) {
  const [draft, setDraft] = useState(EMPTY);
  const adding = useAction();
  const toggle = (type: EventType, on: boolean) => setDraft({ ...draft, events: on ? [...draft.events, type] : draft.events.filter((t) => t !== type) });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The button stays enabled (a disabled one would drop the focus): a second submit waits for the first.
    if (adding.busy) return;
    if (draft.events.length === 0) {
      adding.setError('Choose at least one event type to send.');
      return;
    }
    const description = draft.description.trim();
    const body = { url: draft.url.trim(), events: EVENT_TYPES.filter((t) => draft.events.includes(t)), ...(description ? { description } : {}) };
    await adding.run(async () => {
      const created = await unwrapWithStatus(api.POST(`${BO}/webhooks`, { body }));
      setDraft(EMPTY);
      onAdded(created);
    });
  };
  return (
    <section aria-labelledby="add-webhook-title">
      <h2 id="add-webhook-title">Add an endpoint</h2>
      <form onSubmit={(e) => void submit(e)} aria-label="Add an endpoint">
        <div className="inline-form">
          <label htmlFor="webhook-url">
            URL (http or https)
            <input id="webhook-url" type="url" value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} required maxLength={2048} placeholder="https://rooms.example.com/ledger-events" />
          </label>
          <label htmlFor="webhook-description">
            Description (optional)
            <input id="webhook-description" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} maxLength={500} placeholder="Rooms service" />
          </label>
        </div>
        <fieldset className="choices">
          <legend>Event types to send</legend>
          {EVENT_TYPES.map((type) => (
            <label key={type} htmlFor={`event-${type}`}>
              <input id={`event-${type}`} type="checkbox" checked={draft.events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
              {type}: <span className="muted">{EVENT_MEANING[type]}</span>
            </label>
          ))}
        </fieldset>
        <ErrorBox error={adding.error} />
        <button type="submit" aria-busy={adding.busy}>
          Add endpoint
        </button>
      </form>
    </section>
  );
}
