import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { EVENT_TYPES } from '../ledger/events/event-types.js';
import { MAX_URL_LENGTH } from '../webhooks/webhook-url.js';

/** The webhook routes' answers, for api-schemas.ts (`ref` is passed in to keep one direction of import). */
export function webhookSchemas(ref: (name: 'Paging' | 'Delivery') => ReferenceObject, maxPerPage: number) {
  const timestamp = (description: string, nullable = false): SchemaObject => ({ type: 'string', format: 'date-time', nullable, description, example: '2025-03-01T12:00:00.000Z' });
  const webhookFields: Record<string, SchemaObject> = {
    id: { type: 'string', maxLength: 36, example: '0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f' },
    url: { type: 'string', maxLength: MAX_URL_LENGTH, example: 'https://rooms.example.com/ledger-events' },
    events: { type: 'array', minItems: 1, items: { type: 'string', enum: [...EVENT_TYPES] } },
    description: { type: 'string', nullable: true, maxLength: 500 },
    enabled: { type: 'boolean', description: 'False after a 410 answer or 5 days of failed deliveries; a manual retry enables it again' },
    disabledReason: { type: 'string', nullable: true, example: 'the endpoint answered 410 Gone' },
    createdAt: timestamp('When it was registered (the service clock)'),
  };
  const secret: SchemaObject = { type: 'string', pattern: '^whsec_[A-Za-z0-9+/]{43}=$', description: '`whsec_` and the base64 of 32 random bytes: the Standard Webhooks signing key. Shown only in this answer.' };
  const webhookRequired = Object.keys(webhookFields);
  return {
    Webhook: { type: 'object', required: webhookRequired, additionalProperties: false, properties: webhookFields },
    NewWebhook: { type: 'object', required: [...webhookRequired, 'secret'], additionalProperties: false, properties: { ...webhookFields, secret } },
    WebhookList: { type: 'object', required: ['data'], additionalProperties: false, properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Webhook' } } } },
    DeletedWebhook: { type: 'object', required: ['id', 'deleted'], additionalProperties: false, properties: { id: webhookFields.id, deleted: { type: 'boolean', enum: [true] } } },
    RotatedSecret: {
      type: 'object',
      required: ['id', 'secret', 'previousSecretSignsUntil'],
      additionalProperties: false,
      properties: { id: webhookFields.id, secret, previousSecretSignsUntil: timestamp('Until then the old secret signs too: each delivery carries both signatures') },
    },
    Delivery: {
      type: 'object',
      description: 'One event for one endpoint',
      required: ['eventId', 'eventType', 'status', 'attempts', 'lastAttemptAt', 'lastStatus', 'lastResponse', 'lastError', 'nextAttemptAt'],
      additionalProperties: false,
      properties: {
        eventId: { type: 'string', pattern: '^[0-9]+$', description: 'The event id, sent as `webhook-id`', example: '1042' },
        eventType: { type: 'string', enum: [...EVENT_TYPES] },
        status: { type: 'string', enum: ['pending', 'delivered', 'failed'], description: '`failed`: not answered with a 2xx for 5 days' },
        attempts: { type: 'integer', minimum: 0 },
        lastAttemptAt: timestamp('The service clock', true),
        lastStatus: { type: 'integer', nullable: true, description: 'The HTTP status of the last answer (null: none, see lastError)', example: 503 },
        lastResponse: { type: 'string', nullable: true, maxLength: 1024, description: 'The start of the last answer body (at most 1 KiB)' },
        lastError: { type: 'string', nullable: true, description: 'Why the last attempt failed: the status, a redirect not followed, a timeout, a refused address', example: 'HTTP 503' },
        nextAttemptAt: timestamp('When a pending delivery is attempted next (the service clock)', true),
      },
    },
    DeliveriesPage: {
      type: 'object',
      required: ['paging', 'data'],
      additionalProperties: false,
      properties: { paging: ref('Paging'), data: { type: 'array', items: ref('Delivery'), maxItems: maxPerPage, description: 'Newest event first' } },
    },
  } satisfies Record<string, SchemaObject>;
}
