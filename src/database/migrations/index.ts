import { InitialSchema1763800000000 } from './1763800000000-initial-schema.js';
import { Subscriptions1763800001000 } from './1763800001000-subscriptions.js';
import { LegacyBoundHashes1763800002000 } from './1763800002000-legacy-bound-hashes.js';
import { UserNetwork1763800003000 } from './1763800003000-user-network.js';
import { StoredRefusalCounts1763800004000 } from './1763800004000-stored-refusal-counts.js';
import { UserFreezes1763800005000 } from './1763800005000-user-freezes.js';
import { EntriesByTime1763800005500 } from './1763800005500-entries-by-time.js';
import { ReversalLinks1763800006000 } from './1763800006000-reversal-links.js';
import { AuditTrail1763800007000 } from './1763800007000-audit-trail.js';
import { EventsOutbox1763800008000 } from './1763800008000-events-outbox.js';
import { AccountSeq1763800008500 } from './1763800008500-account-seq.js';
import { Webhooks1763800009000 } from './1763800009000-webhooks.js';
import { SequenceEventsFunction1763800009500 } from './1763800009500-sequence-events-function.js';
import { SequenceEventsNewestFirst1763800010000 } from './1763800010000-sequence-events-newest-first.js';
import { SequenceEventsPlansPinned1763800010500 } from './1763800010500-sequence-events-plans-pinned.js';

/** Every migration, oldest first. */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  Subscriptions1763800001000,
  LegacyBoundHashes1763800002000,
  UserNetwork1763800003000,
  StoredRefusalCounts1763800004000,
  UserFreezes1763800005000,
  EntriesByTime1763800005500,
  ReversalLinks1763800006000,
  AuditTrail1763800007000,
  EventsOutbox1763800008000,
  AccountSeq1763800008500,
  Webhooks1763800009000,
  SequenceEventsFunction1763800009500,
  SequenceEventsNewestFirst1763800010000,
  SequenceEventsPlansPinned1763800010500,
];
