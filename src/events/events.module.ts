import { Module } from '@nestjs/common';
import { EventSequencer } from './event-sequencer.js';
import { EventsFeed } from './events-feed.js';
import { EventsPurge } from './events-purge.js';
import { Outbox } from './outbox.js';

/** The transactional outbox, its sequencer, the feed and the purge (CONTRACT §9). */
@Module({
  providers: [EventSequencer, Outbox, EventsFeed, EventsPurge],
  exports: [Outbox, EventsFeed, EventsPurge, EventSequencer],
})
export class EventsModule {}
