import { Body, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AuditCaller } from '../audit/audit-record.js';
import { isoOrNull } from '../common/iso-time.js';
import type { Delivery } from '../webhooks/deliveries.repository.js';
import type { Webhook } from '../webhooks/webhooks.repository.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { ApiInvalid, ApiPathParam, BackofficeController, errorExample } from './api-docs.js';
import { ref } from './api-schemas.js';
import { pagingOf, PagingQueryDto, pagingView } from './paging.js';
import { RestCaller } from './rest-caller.js';
import { CreateWebhookDto, DELIVERY_EXAMPLE, WEBHOOK_EXAMPLE, WEBHOOK_ID_EXAMPLE } from './webhooks.dto.js';

const SECRET_EXAMPLE = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3S6E0kLRTQw=';

const webhookView = (webhook: Webhook) => ({
  id: webhook.id,
  url: webhook.url,
  events: webhook.events,
  description: webhook.description,
  enabled: webhook.enabled,
  disabledReason: webhook.disabledReason,
  createdAt: new Date(webhook.createdAt).toISOString(),
});

const deliveryView = (delivery: Delivery) => ({
  eventId: delivery.eventId,
  eventType: delivery.eventType,
  status: delivery.status,
  attempts: delivery.attempts,
  lastAttemptAt: isoOrNull(delivery.lastAttemptAt),
  lastStatus: delivery.lastStatus,
  lastResponse: delivery.lastResponse,
  lastError: delivery.lastError,
  nextAttemptAt: delivery.status === 'pending' ? isoOrNull(delivery.nextAttemptAt) : null,
});

const ApiWebhookId = () => ApiPathParam('id', WEBHOOK_ID_EXAMPLE, 'The webhook id', { maxLength: 36 });
const ApiUnknownWebhook = () => ApiNotFoundResponse({ description: 'No such webhook', ...errorExample(404, `Webhook ${WEBHOOK_ID_EXAMPLE} not found`) });

/** Webhook endpoints (Standard Webhooks), their delivery logs and manual retries. */
@BackofficeController('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post('webhooks')
  @ApiOperation({
    summary: 'Register an endpoint for the events of the given types; the answer shows its signing secret, once',
    description:
      'Each event committed from now on whose type is listed is POSTed as JSON, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the secret, and retried for 5 days until a 2xx answers it.',
  })
  @ApiCreatedResponse({ schema: ref('NewWebhook'), example: { ...WEBHOOK_EXAMPLE, secret: SECRET_EXAMPLE } })
  @ApiInvalid('url points to a loopback address (WEBHOOKS_ALLOW_PRIVATE is off)', 'refused')
  async create(@Body() body: CreateWebhookDto, @RestCaller() caller: AuditCaller) {
    const webhook = await this.webhooks.create(body, caller);
    return { ...webhookView(webhook), secret: webhook.secret };
  }

  @Get('webhooks')
  @ApiOperation({
    summary: 'Every endpoint, oldest first, enabled or disabled (and why); never a secret',
    description:
      "The registered webhook endpoints with the event types each receives. An endpoint disabled after failing deliveries says why; its signing secret is never shown again after creation.",
  })
  @ApiOkResponse({ schema: ref('WebhookList'), example: { data: [WEBHOOK_EXAMPLE] } })
  async list() {
    return { data: (await this.webhooks.list()).map(webhookView) };
  }

  @Delete('webhooks/:id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Remove an endpoint and its delivery log; nothing more is sent to it',
    description:
      "Deletes the endpoint, its secret and its delivery log at once; an unknown id is 404.",
  })
  @ApiWebhookId()
  @ApiOkResponse({ schema: ref('DeletedWebhook'), example: { id: WEBHOOK_ID_EXAMPLE, deleted: true } })
  @ApiUnknownWebhook()
  async delete(@Param('id') id: string, @RestCaller() caller: AuditCaller) {
    await this.webhooks.delete(id, caller);
    return { id, deleted: true };
  }

  @Post('webhooks/:id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new signing secret, shown once; the old one keeps signing for 24 hours',
    description: 'Until then every delivery carries two signatures, one per secret, so a receiver can switch to the new secret without missing one.',
  })
  @ApiWebhookId()
  @ApiOkResponse({ schema: ref('RotatedSecret'), example: { id: WEBHOOK_ID_EXAMPLE, secret: SECRET_EXAMPLE, previousSecretSignsUntil: '2025-03-02T12:00:00.000Z' } })
  @ApiUnknownWebhook()
  async rotate(@Param('id') id: string, @RestCaller() caller: AuditCaller) {
    const { webhook, secret } = await this.webhooks.rotateSecret(id, caller);
    return { id: webhook.id, secret: secret.secret, previousSecretSignsUntil: new Date(secret.previousUntil).toISOString() };
  }

  @Get('webhooks/:id/deliveries')
  @ApiOperation({
    summary: "An endpoint's deliveries, newest event first: status, attempts, the last answer (at most 1 KiB) or error, the next attempt",
    description:
      "One row per event sent (or to be sent) to the endpoint, paged: its status, how many attempts were made, the last HTTP answer or network error, and when the next attempt is due.",
  })
  @ApiWebhookId()
  @ApiOkResponse({ schema: ref('DeliveriesPage'), example: { paging: { page: 1, per_page: 20, total: 1 }, data: [DELIVERY_EXAMPLE] } })
  @ApiInvalid('per_page must not be greater than 100')
  @ApiUnknownWebhook()
  async deliveries(@Param('id') id: string, @Query() query: PagingQueryDto) {
    const paging = pagingOf(query);
    const { total, deliveries } = await this.webhooks.deliveries(id, paging.offset, paging.per_page);
    return { paging: pagingView(paging, total), data: deliveries.map(deliveryView) };
  }

  @Post('webhooks/:id/deliveries/:eventId/retry')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Attempt a delivery again now, on a fresh 5-day schedule, whatever its state; enables a disabled endpoint',
    description:
      'The delivery becomes pending and due now, with a fresh retry schedule, and a disabled endpoint is enabled again; recorded in the audit trail. The answer is the delivery as it then stands.',
  })
  @ApiWebhookId()
  @ApiPathParam('eventId', '1042', 'The event id', { pattern: '^[0-9]+$', maxLength: 19 })
  @ApiOkResponse({ schema: ref('Delivery'), example: { ...DELIVERY_EXAMPLE, status: 'pending', nextAttemptAt: '2025-03-01T12:40:00.000Z' } })
  @ApiNotFoundResponse({ description: 'No such webhook, or no delivery of that event to it', ...errorExample(404, `No delivery of event 1042 to webhook ${WEBHOOK_ID_EXAMPLE}`) })
  async retry(@Param('id') id: string, @Param('eventId') eventId: string, @RestCaller() caller: AuditCaller) {
    return deliveryView(await this.webhooks.retry(id, eventId, caller));
  }
}
