import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { EventsFeed } from '../ledger/events/events-feed.js';
import { ApiInvalid, BackofficeController, errorExample } from './api-docs.js';
import { ref } from './api-schemas.js';
import { EVENTS_PAGE_EXAMPLE, EventsQueryDto } from './events.dto.js';

/** The events feed (CONTRACT §9): every committed change, in commit order, resumable from any event. */
@BackofficeController('events')
export class EventsController {
  constructor(private readonly feed: EventsFeed) {}

  @Get('events')
  @ApiOperation({
    summary: 'Events after an id, oldest first',
    description:
      'Every committed change writes its event in the same database transaction: `transaction.committed` (reversals included), `hold.placed|captured|released|expired`, `subscription.created|renewed|expired`, `user.frozen|unfrozen` (one schema each, see `Event`). Ids are assigned in commit order, so a reader that always asks again with `after=next` sees every event exactly once, in order. Events are kept at least EVENTS_RETENTION_DAYS; `after` below the highest purged id is 410.',
  })
  @ApiOkResponse({ schema: ref('EventsPage'), example: EVENTS_PAGE_EXAMPLE })
  @ApiInvalid('limit must not be greater than 1000')
  @ApiResponse({ status: 410, description: 'Events after `after` have been purged: read again without `after`', ...errorExample(410, 'Events up to 42 have been purged; read again without after, from the oldest kept') })
  events(@Query() query: EventsQueryDto) {
    return this.feed.read(query.after, query.limit);
  }
}
