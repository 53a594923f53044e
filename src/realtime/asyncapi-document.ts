import { COMMON_FAILURES, failureCodesOf, failureSchema, requestSchema, successSchema, type BalanceEventDoc } from '../balance-api/balance-event-doc.js';
import type { AppConfig } from '../config/app-config.js';
import type { JsonSchema } from '../common/json-schema.js';
import { EVENT_TYPES, WEBHOOK_HEADERS_SCHEMA } from '../ledger/events/event-schemas.js';
import { EXCHANGE_RATE_SOCKET_EVENTS } from '../exchange-rates/exchange-rates.socket-schemas.js';
import { LEDGER_SOCKET_EVENTS } from '../ledger/ledger.socket-schemas.js';
import { SUBSCRIPTION_SOCKET_EVENTS } from '../subscriptions/subscriptions.socket-schemas.js';
import { TOKEN_ACTION_SOCKET_EVENTS } from '../token-actions/token-actions.socket-schemas.js';
import { SERVER_EVENTS } from './server-events.js';

/** Every `balance:*` request event the gateways answer, as each feature declares it. */
export const BALANCE_EVENTS: readonly BalanceEventDoc[] = [...LEDGER_SOCKET_EVENTS, ...TOKEN_ACTION_SOCKET_EVENTS, ...EXCHANGE_RATE_SOCKET_EVENTS, ...SUBSCRIPTION_SOCKET_EVENTS];

type Doc = Record<string, Record<string, unknown>>;
const ref = (section: string, name: string) => ({ $ref: `#/components/${section}/${name}` });
const channelRef = (name: string) => ({ $ref: `#/channels/${name}` });
/** `balance:getTransactions` → `getTransactions`, `user:balance` → `userBalance`, `hold.placed` → `holdPlaced`. */
const idOf = (event: string) => event.replace(/^balance:/, '').replace(/[:._]+(\w)/g, (_, c: string) => c.toUpperCase());

const SOCKET_SERVER = 'balanceApi';
const WEBHOOK_SERVER = 'webhookReceiver';

/**
 * The AsyncAPI 3 document of the socket.io Balance API and the webhook events (§4, §9), served
 * at /docs/asyncapi.json. It is assembled from the schemas each module keeps beside the code
 * that makes the payload, so that the document follows the code; the e2e tests check every
 * acknowledgement and push they receive against it (test/support/asyncapi-contract.ts).
 */
export function asyncApiDocument(config: Pick<AppConfig, 'publicUrl' | 'port' | 'socketPath'>): Record<string, unknown> {
  const doc: Doc = { channels: {}, operations: {}, messages: {}, schemas: {} };
  for (const endpoint of BALANCE_EVENTS) addRequestEvent(doc, endpoint);
  for (const [event, { summary, payload }] of Object.entries(SERVER_EVENTS)) addPush(doc, event, summary, payload);
  addWebhooks(doc);
  doc.schemas.UnknownEventAnswer = { ...failureSchema([401, 404]), description: 'The acknowledgement of a `balance:*` event the server does not know (404), or of any event once the credential expired (401)' };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Balance service — socket.io Balance API and webhook events',
      version: '1',
      description: DESCRIPTION,
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
    },
    defaultContentType: 'application/json',
    servers: {
      [SOCKET_SERVER]: socketServer(config),
      [WEBHOOK_SERVER]: {
        host: '{receiver}',
        protocol: 'https',
        description: 'Your endpoint, registered with `POST /back-api/backoffice/webhooks` (`http` or `https`): each event of a subscribed type is POSTed to it as JSON',
        variables: { receiver: { description: 'Host (and port) of the registered URL' } },
      },
    },
    channels: doc.channels,
    operations: doc.operations,
    components: {
      schemas: doc.schemas,
      messages: doc.messages,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The handshake credential: `auth: { token }`, an `Authorization: Bearer` header, or a `token` or `sessionId` query parameter. A refused one fails the connection with `connect_error` `unauthorized`.',
        },
      },
    },
  };
}

const DESCRIPTION = [
  'Connect with socket.io (clients 2.x, 3.x and 4.x): `io(url, { path, auth: { token } })`. The server greets a good handshake with `user_info`, then `user:balance`.',
  'A request is `socket.emit(event, { data, event: { id, date } }, ack)`; the answer comes through the acknowledgement only: `{ data, error: { status: false, code: 0, message: "" } }`, or `{ error: { status: true, code, message } }`. An unknown `balance:*` event is answered 404.',
  'Amounts on the socket are JSON numbers; in events they are exact signed decimal strings.',
  'Webhooks follow Standard Webhooks (standardwebhooks.com): verify `webhook-signature` with its libraries, dedupe by `webhook-id`, order by the event `id`. Delivery is at least once.',
].join('\n\n');

function socketServer({ publicUrl, port, socketPath }: Pick<AppConfig, 'publicUrl' | 'port' | 'socketPath'>) {
  const url = publicUrl ? new URL(publicUrl) : null;
  return {
    host: url?.host ?? `localhost:${port}`,
    protocol: url?.protocol === 'https:' ? 'wss' : 'ws',
    pathname: socketPath,
    description: 'socket.io (Engine.IO 3 and 4) at SOCKET_PATH; websocket or polling transport',
    security: [ref('securitySchemes', 'bearer')],
  };
}

function addRequestEvent(doc: Doc, endpoint: BalanceEventDoc): void {
  const id = idOf(endpoint.event);
  const roleFailure: Record<number, string> = endpoint.role ? { 403: `Requires role ${endpoint.role}` } : {};
  const failures = { ...COMMON_FAILURES, ...roleFailure, ...endpoint.failures };
  const failureList = failureCodesOf(endpoint).sort((a, b) => a - b).map((code) => `- ${code}: ${failures[code]}`).join('\n');
  doc.messages[`${id}Request`] = { name: endpoint.event, title: `${endpoint.event} request`, payload: requestSchema(endpoint) };
  doc.messages[`${id}Success`] = { name: `${endpoint.event} success`, title: `${endpoint.event} answer`, payload: successSchema(endpoint.answer) };
  doc.messages[`${id}Failure`] = { name: `${endpoint.event} failure`, title: `${endpoint.event} refusal`, description: failureList, payload: failureSchema(failureCodesOf(endpoint)) };
  doc.channels[id] = { address: endpoint.event, servers: [channelServer(SOCKET_SERVER)], messages: { request: ref('messages', `${id}Request`) } };
  doc.channels[`${id}Ack`] = {
    address: null,
    description: `The acknowledgement of ${endpoint.event}`,
    servers: [channelServer(SOCKET_SERVER)],
    messages: { success: ref('messages', `${id}Success`), failure: ref('messages', `${id}Failure`) },
  };
  doc.operations[id] = {
    action: 'receive',
    channel: channelRef(id),
    summary: endpoint.summary,
    ...(endpoint.description || endpoint.role ? { description: [endpoint.role ? `Role \`${endpoint.role}\`.` : '', endpoint.description ?? ''].join(' ').trim() } : {}),
    messages: [{ $ref: `#/channels/${id}/messages/request` }],
    reply: {
      channel: channelRef(`${id}Ack`),
      messages: [{ $ref: `#/channels/${id}Ack/messages/success` }, { $ref: `#/channels/${id}Ack/messages/failure` }],
    },
  };
}

function addPush(doc: Doc, event: string, summary: string, payload: JsonSchema): void {
  const id = idOf(event);
  doc.messages[id] = { name: event, title: event, summary, payload };
  doc.channels[id] = { address: event, servers: [channelServer(SOCKET_SERVER)], messages: { [id]: ref('messages', id) } };
  doc.operations[`send${id[0].toUpperCase()}${id.slice(1)}`] = { action: 'send', channel: channelRef(id), summary, messages: [{ $ref: `#/channels/${id}/messages/${id}` }] };
}

function addWebhooks(doc: Doc): void {
  const messages: Record<string, unknown> = {};
  for (const [type, summary, payload] of EVENT_TYPES) {
    const id = idOf(type);
    doc.messages[id] = { name: type, title: type, summary, contentType: 'application/json', headers: WEBHOOK_HEADERS_SCHEMA, payload };
    messages[id] = ref('messages', id);
  }
  doc.channels.webhook = {
    address: null,
    title: 'Webhook endpoint',
    description: 'The URL of a webhook subscription. Also the events of `GET /back-api/backoffice/events` (without the headers).',
    servers: [channelServer(WEBHOOK_SERVER)],
    messages,
  };
  doc.operations.deliverWebhook = {
    action: 'send',
    channel: channelRef('webhook'),
    summary: 'POSTs each event of a subscribed type; a 2xx within 15 s delivers it, anything else is retried for 5 days',
    messages: Object.keys(messages).map((id) => ({ $ref: `#/channels/webhook/messages/${id}` })),
  };
}

const channelServer = (name: string) => ({ $ref: `#/servers/${name}` });
