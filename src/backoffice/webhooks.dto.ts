import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EVENT_TYPES } from '../ledger/events/event-types.js';
import { MAX_URL_LENGTH } from '../webhooks/webhook-url.js';

export class CreateWebhookDto {
  @ApiProperty({ description: 'Where to POST the events: http or https, a public address unless WEBHOOKS_ALLOW_PRIVATE=true', maxLength: MAX_URL_LENGTH, example: 'https://rooms.example.com/ledger-events' })
  @IsString({ message: 'url must be a string' })
  @MaxLength(MAX_URL_LENGTH, { message: `url must be at most ${MAX_URL_LENGTH} characters` })
  url!: string;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...EVENT_TYPES] }, minItems: 1, maxItems: EVENT_TYPES.length, description: 'The event types to send', example: ['transaction.committed'] })
  @IsArray({ message: 'events must be an array of event types' })
  @ArrayMinSize(1, { message: 'events must name at least one event type' })
  @ArrayMaxSize(EVENT_TYPES.length, { message: `events must name at most ${EVENT_TYPES.length} event types` })
  @IsIn(EVENT_TYPES, { each: true, message: `each of events must be one of ${EVENT_TYPES.join(', ')}` })
  events!: string[];

  @ApiPropertyOptional({ description: 'For the operators', maxLength: 500, example: 'Rooms service' })
  @IsOptional()
  @IsString({ message: 'description must be a string' })
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string;
}

export const WEBHOOK_ID_EXAMPLE = '0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f';

export const WEBHOOK_EXAMPLE = {
  id: WEBHOOK_ID_EXAMPLE,
  url: 'https://rooms.example.com/ledger-events',
  events: ['transaction.committed'],
  description: 'Rooms service',
  enabled: true,
  disabledReason: null,
  createdAt: '2025-03-01T12:00:00.000Z',
};

export const DELIVERY_EXAMPLE = {
  eventId: '1042',
  eventType: 'transaction.committed',
  status: 'pending',
  attempts: 2,
  lastAttemptAt: '2025-03-01T12:05:05.000Z',
  lastStatus: 503,
  lastResponse: 'Service Unavailable',
  lastError: 'HTTP 503',
  nextAttemptAt: '2025-03-01T12:35:05.000Z',
};
