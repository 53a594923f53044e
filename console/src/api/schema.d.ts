// Generated from the service's OpenAPI document by console/scripts/api-types.mjs: do not edit.
export interface paths {
    "/back-api/backoffice/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users, oldest first; search by username or email
         * @description Users appear on their first authenticated call and keep what their last token said (name, email, roles, currency). `search` matches a case-insensitive substring of the username or email. Paged (`page`, `per_page`).
         */
        get: operations["UsersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/user/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user
         * @description The user as their last token described them, with their freeze (null when not frozen). An unknown id is 404 with the spec's message.
         */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/user/{userId}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Available balance (amount less locked) per asset the user has an account in, as JSON numbers
         * @description The spec's method: one entry per asset the user has an account in, `balance` being the amount less what pending holds lock, as a JSON number. The spec spells the path with a trailing slash, `/user/{userId}/balance/`: the same route (every path is matched ignoring a trailing slash).
         */
        get: operations["BalancesController_userBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Balances by assets and users
         * @description Paged over the requested users (or all users). `amount` includes `locked`; `fundsInRootAsset` only for quoted assets; `totalFundsInRootAsset` only when every listed asset is quoted and no asset filter was given. With an asset filter every requested asset is listed, "0" where the user has no account.
         */
        post: operations["BalancesController_balances"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/user/{userId}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's ledger entries, newest first
         * @description Each entry is one side of a transaction: signed exact amount, the balance after it, type and action. `from` is inclusive, `to` exclusive.
         */
        get: operations["TransactionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every user's ledger entries, newest first
         * @description As `GET /user/{userId}/transactions`, over all users (system accounts left out); each entry names its `userId`.
         */
        get: operations["TransactionsController_listAll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/transactions/{transactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One ledger transaction, both sides
         * @description Every entry, system accounts included (`account` names the account: a user id, or a system account such as `system:issuer`; `userId` only on user accounts), with the balance each left. `reverses` names the transaction this one reverses; `reversedBy` lists its reversals.
         */
        get: operations["PointInTimeController_transaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/user/{userId}/balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's balances at an instant
         * @description For each of the user's accounts, the balance after its last entry at or before `at` (0 before the first). Holds lock funds and move nothing, so they play no part. One index lookup per account, whatever the size of the ledger.
         */
        get: operations["PointInTimeController_balances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events after an id, oldest first
         * @description Every committed change writes its event in the same database transaction: `transaction.committed` (reversals included), `hold.placed|captured|released|expired`, `subscription.created|renewed|expired`, `user.frozen|unfrozen` (one schema each, see `Event`). Ids are assigned in commit order, so a reader that always asks again with `after=next` sees every event exactly once, in order. Events are kept at least EVENTS_RETENTION_DAYS; `after` below the highest purged id is 410.
         */
        get: operations["EventsController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/transactions/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export ledger entries as CSV or NDJSON
         * @description Streams every entry of every matching transaction (both sides, system accounts included), whole transactions only, in transaction id order, all from one snapshot of the ledger: what commits while the download runs is not in it. The filters select transactions: `from` inclusive, `to` exclusive, on the transaction time; `userId` and `asset` keep the transactions with an entry on that user, in that asset (both: on that user's account of that asset). A download cut short is resumed with `after=` the last transaction id received whole (with a `to` more than 5 s in the past, the resumed file is exactly the rest). CSV (RFC 4180, CRLF, header row) has `kind`, `action` and `comment` cells that begin with `=`, `+`, `-`, `@`, tab or CR prefixed with `'`; `user_id` is empty on system accounts; `action` is the entry's. NDJSON has one entry per line and ends with `{"end":true,"count":N}` (N entries): a file without that line was cut short.
         */
        get: operations["ExportController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/user/{userId}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Credit or withdraw a user's balance (action `adjustment`)
         * @description Posts one ledger transaction between the user and the issuer: a positive amount credits the user, a negative one withdraws, never below what open holds lock. The comment and the operator are kept with the transaction and in the audit trail. With an `Idempotency-Key`, a retry answers the stored result and posts nothing again. Not refused by a freeze: it is the operator's correction, not the user's own movement.
         */
        post: operations["AdjustmentsController_adjust"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/transactions/{transactionId}/reversals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reverse a transaction, whole or in part (an Idempotency-Key is required)
         * @description Posts a transaction of kind `reversal` whose entries mirror the original's with the opposite sign, each keeping its type and action, so the users' totals net back. Without `amount`, all that remains unreversed; `amount` only for a transaction with one debited and one credited entry. Goes through a freeze (it is an operator's correction); a reversed subscription charge does not end the subscription, a reversed capture does not re-create the hold.
         */
        post: operations["ReversalsController_reverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/user/{userId}/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's holds, newest first
         * @description Every hold of the user, or only those in one `status`.
         */
        get: operations["HoldsController_list"];
        put?: never;
        /**
         * Reserve part of a user's available balance
         * @description The amount stays in the balance but can no longer be spent until the hold ends: captured, released, or expired at `expiresAt`. Refused with 422 when the available balance (amount less other holds) is short.
         */
        post: operations["HoldsController_place"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/holds/{holdId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One hold
         * @description The hold with its state: pending until it is captured, released or expired; `endedAt` says when it ended.
         */
        get: operations["HoldsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/holds/{holdId}/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Capture a pending hold into platform revenue; a partial amount releases the rest
         * @description Moves the captured amount (all of it when `amount` is absent) from the user to platform revenue in one transaction and ends the hold; whatever was not captured is released. A hold that already ended is 409.
         */
        post: operations["HoldsController_capture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/holds/{holdId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a pending hold
         * @description Ends the hold without moving money: the amount becomes available again. A hold that already ended is 409.
         */
        post: operations["HoldsController_release"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/token-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The catalog
         * @description Every token action the Balance API and this backoffice can apply: its type, the TOKEN_ASSET amount it moves, its price in the root asset, its category.
         */
        get: operations["TokenActionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/token-actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or replace an action
         * @description Stores the action under the name in the path (1 to 64 letters, digits, `.`, `_`, `:` or `-`), replacing one of that name. Recorded in the audit trail.
         */
        put: operations["TokenActionsController_upsert"];
        post?: never;
        /**
         * Remove an action
         * @description The action can no longer be applied; transactions it posted keep their action name. An unknown name is 404.
         */
        delete: operations["TokenActionsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/user/{userId}/token-actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply an action to a user: mining and buying credit TOKEN_ASSET, spending debits it
         * @description Posts the action's TOKEN_ASSET amount to the user (mining, buying) or from the user (spending) in one transaction. A spending action the user cannot afford is 422; a frozen user is 423. With an `Idempotency-Key`, a retry answers the stored result and posts nothing again.
         */
        post: operations["TokenActionsController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/exchange-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every quote; the root asset is always 1
         * @description Root-asset units per one unit of each quoted asset, with when each was last set. An asset without a quote is not listed: its funds have no value in the root asset.
         */
        get: operations["ExchangeRatesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/exchange-rates/{asset}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An asset's quote changes, newest first (null: unquoted)
         * @description Every change of the asset's quote, as set or removed (`rate: null`), newest first. An unknown asset is 404.
         */
        get: operations["ExchangeRatesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/exchange-rates/{asset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the quote of an asset
         * @description Sets root-asset units per one unit of the asset, exactly as given (any number of decimals), and keeps the change in the history and the audit trail. The root asset is always 1 (400).
         */
        put: operations["ExchangeRatesController_set"];
        post?: never;
        /**
         * Remove the quote: the asset becomes unconvertible
         * @description The asset keeps its balances but has no value in the root asset until quoted again; the removal is kept in the history. The root asset cannot be unquoted (400); an asset without a quote is 404.
         */
        delete: operations["ExchangeRatesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every product and its plans, by type then id
         * @description Every subscribable product with its owner (credited with payments) and its plans, each priced in TOKEN_ASSET.
         */
        get: operations["ProductsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/products/{productType}/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product and its plans
         * @description One product by type and id; an unknown one is 404.
         */
        get: operations["ProductsController_get"];
        /**
         * Create or replace a product and its plans
         * @description Stores the product with the plans given, replacing the previous ones: each plan at most once, the free plan at 0 and every other above 0, priced in TOKEN_ASSET. Recorded in the audit trail.
         */
        put: operations["ProductsController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/ledger/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the ledger invariants (entries sum to zero, balances equal their entries, no user below zero) and the audit chain
         * @description Reads every transaction, entry and account, and the audit trail's hash chain: a full scan, so its time grows with the ledger. `ok` is true when every invariant holds; otherwise at most 100 failures, each naming its rule.
         */
        get: operations["LedgerCheckController_run"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/test-clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the service clock forward (ENABLE_TEST_CLOCK=true only; 404 otherwise) and run what became due
         * @description Holds that became due expire first, then each elapsed renewal period is charged in order, before the answer. The offset is kept in the database.
         */
        post: operations["TestClockController_advance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per asset: what users hold (amount, of which locked), their accounts, the quote and the value in the root asset
         * @description Every known asset, system accounts left out. `fundsInRootAsset` is null for an unquoted asset; `totalFundsInRootAsset` is null when users hold any unquoted asset.
         */
        get: operations["AssetTotalsController_totals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/user/{userId}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's subscriptions, newest first, with the current period (`periodEnd` null: never renews)
         * @description Active and ended subscriptions of the user, with the plan, the price charged each period and the current period. An unknown user is 404.
         */
        get: operations["SubscriptionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/subscriptions/{subscriptionId}/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End an active subscription now, without refund (`endedReason: "admin"`)
         * @description The subscription ends at once and is not renewed; what was charged stays charged. One that already ended is 409.
         */
        post: operations["SubscriptionsController_expire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/user/{userId}/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Freeze a user's own movements (`debits`: money out; `all`: money out and in); a second PUT changes scope and reason, keeping `since`
         * @description Refused while frozen (423): donating, subscribing, spending token actions and negative legacy updates; with `all` also being donated to, mining and buying actions and positive legacy updates. Operators' adjustments, holds, captures and payments for the user's products still go through; a renewal that falls due is deferred to the unfreeze.
         */
        put: operations["FreezesController_freeze"];
        post?: never;
        /**
         * Lift a freeze (200 also when the user is not frozen)
         * @description In the same transaction, each renewal that fell due while frozen is charged once, for the period running now, or the subscription expires now for want of funds.
         */
        delete: operations["FreezesController_unfreeze"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change an operator made, newest first
         * @description Each record is written in the same transaction as its change and chained by hash to the one before; GET /ledger/check verifies the chain. Refused requests are not recorded.
         */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every endpoint, oldest first, enabled or disabled (and why); never a secret
         * @description The registered webhook endpoints with the event types each receives. An endpoint disabled after failing deliveries says why; its signing secret is never shown again after creation.
         */
        get: operations["WebhooksController_list"];
        put?: never;
        /**
         * Register an endpoint for the events of the given types; the answer shows its signing secret, once
         * @description Each event committed from now on whose type is listed is POSTed as JSON, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the secret, and retried for 5 days until a 2xx answers it.
         */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove an endpoint and its delivery log; nothing more is sent to it
         * @description Deletes the endpoint, its secret and its delivery log at once; an unknown id is 404.
         */
        delete: operations["WebhooksController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new signing secret, shown once; the old one keeps signing for 24 hours
         * @description Until then every delivery carries two signatures, one per secret, so a receiver can switch to the new secret without missing one.
         */
        post: operations["WebhooksController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An endpoint's deliveries, newest event first: status, attempts, the last answer (at most 1 KiB) or error, the next attempt
         * @description One row per event sent (or to be sent) to the endpoint, paged: its status, how many attempts were made, the last HTTP answer or network error, and when the next attempt is due.
         */
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/back-api/backoffice/webhooks/{id}/deliveries/{eventId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attempt a delivery again now, on a fresh 5-day schedule, whatever its state; enables a disabled endpoint
         * @description The delivery becomes pending and due now, with a fresh retry schedule, and a disabled endpoint is enabled again; recorded in the audit trail. The answer is the delivery as it then stands.
         */
        post: operations["WebhooksController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        BalancesRequestDto: {
            /**
             * @description One asset code or a list of them; absent means every asset
             * @example usdt
             */
            asset?: string | string[];
            /**
             * @description Users to report, in this order (at most 2000); absent means every user
             * @example [
             *       "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
             *       "5122444f-2658-fb8f-8863-16fdf0a2028b"
             *     ]
             */
            userIds?: string[];
        };
        AdjustmentDto: {
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12. Sent in lower case as listed (the server also reads other letter case: `USD` is `usd`); another code is a 400 (a 404 in a path).
             * @example usd
             */
            asset: string;
            /**
             * @description Signed amount, not 0: positive credits, negative withdraws (never below zero). A decimal string is exact; a JSON number is accepted too. At most the asset's own decimals (its scale: 2 for usd and eur, 8 for rents, 18 for eth; the asset codes list each one), trailing zeros aside; more is a 400, never rounded. At most MAX_AMOUNT (10^15 by default) whole units, in any form (1e16 included); more is a 400.
             * @example 0.3
             */
            amount: string | number;
            /**
             * @description Why; kept with the transaction
             * @example Goodwill credit for ticket #4711
             */
            comment: string;
        };
        ReversalDto: {
            /**
             * @description Why; kept with the reversal
             * @example Duplicate charge, ticket #4712
             */
            comment: string;
            /**
             * @description How much to reverse, in the transaction's asset; only for a transaction with one debited and one credited entry. Absent: all that remains unreversed. A decimal string is exact; a JSON number is accepted too. At most the asset's own decimals (its scale: 2 for usd and eur, 8 for rents, 18 for eth; the asset codes list each one), trailing zeros aside; more is a 400, never rounded. At most MAX_AMOUNT (10^15 by default) whole units, in any form (1e16 included); more is a 400.
             * @example 2.5
             */
            amount?: string | number;
        };
        PlaceHoldDto: {
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12. Sent in lower case as listed (the server also reads other letter case: `USD` is `usd`); another code is a 400 (a 404 in a path).
             * @example rents
             */
            asset: string;
            /**
             * @description Amount to reserve, > 0, at most what is available. A decimal string is exact; a JSON number is accepted too. At most the asset's own decimals (its scale: 2 for usd and eur, 8 for rents, 18 for eth; the asset codes list each one), trailing zeros aside; more is a 400, never rounded. At most MAX_AMOUNT (10^15 by default) whole units, in any form (1e16 included); more is a 400.
             * @example 25.5
             */
            amount: string | number;
            /**
             * @description Why the funds are held
             * @example Order 8812 pending settlement
             */
            reason: string;
            /**
             * @description When the hold is released by itself: ISO 8601 (UTC when no zone) or epoch milliseconds; must be in the future, on a day the month has
             * @example 2030-01-01T00:00:00Z
             */
            expiresAt?: string | number;
        };
        CaptureHoldDto: {
            /**
             * @description Capture only this much (> 0, at most the held amount); the rest is released. Absent: all of it. A decimal string is exact; a JSON number is accepted too. At most the asset's own decimals (its scale: 2 for usd and eur, 8 for rents, 18 for eth; the asset codes list each one), trailing zeros aside; more is a 400, never rounded. At most MAX_AMOUNT (10^15 by default) whole units, in any form (1e16 included); more is a 400.
             * @example 10
             */
            amount?: string | number;
        };
        TokenActionDto: {
            /**
             * @description mining credits the user, spending debits, buying credits (payment taken elsewhere)
             * @example mining
             * @enum {string}
             */
            type: "mining" | "spending" | "buying";
            /**
             * @description TOKEN_ASSET amount the action moves, ≥ 0 (an action of 0 cannot be applied). A decimal string is exact; a JSON number is accepted too. At most the asset's own decimals (its scale: 2 for usd and eur, 8 for rents, 18 for eth; the asset codes list each one), trailing zeros aside; more is a 400, never rounded. At most MAX_AMOUNT (10^15 by default) whole units, in any form (1e16 included); more is a 400.
             * @example 10
             */
            token: string | number;
            /**
             * @description Price in the root asset, ≥ 0. A decimal string is exact; a JSON number is accepted too. At most the asset's own decimals (its scale: 2 for usd and eur, 8 for rents, 18 for eth; the asset codes list each one), trailing zeros aside; more is a 400, never rounded. At most MAX_AMOUNT (10^15 by default) whole units, in any form (1e16 included); more is a 400.
             * @example 0.99
             */
            price: string | number;
            /**
             * @example event
             * @enum {string}
             */
            category: "event" | "product" | "subscription";
            /** @example Logged in today */
            description: string;
        };
        ExchangeRateDto: {
            /**
             * @description Root-asset units per one unit of the asset, > 0 (any number of decimals). A decimal string is exact; a JSON number is accepted too. At most MAX_AMOUNT (10^15 by default) whole units, in any form (1e16 included); more is a 400.
             * @example 65000.5
             */
            rate: string | number;
        };
        ProductDto: {
            /**
             * @description A known user (one who has called the service), credited with payments; absent: the platform. An unknown user is a 400.
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            ownerId?: string;
            /**
             * @description The plans offered, each at most once (so at most 6); a plan repeated is a 400. Prices in TOKEN_ASSET, at most its decimals: 0 for the free plan, more for every other.
             * @example [
             *       {
             *         "plan": "free",
             *         "price": "0"
             *       },
             *       {
             *         "plan": "subscription_month",
             *         "price": "15"
             *       }
             *     ]
             */
            options: ({
                /** @enum {string} */
                plan: "free";
                /** @description Always 0 */
                price: string | 0;
            } | {
                /** @enum {string} */
                plan: "one_time_payment" | "subscription_week" | "subscription_month" | "subscription_6_months" | "subscription_year";
                /** @description Greater than 0 */
                price: string | number;
            })[];
        };
        AdvanceClockDto: {
            /**
             * @description Seconds to move the clock forward
             * @example 86400
             */
            seconds: number;
        };
        FreezeDto: {
            /**
             * @description `debits`: nothing the user does may take money out; `all`: no money may leave or arrive by the user's own movements
             * @example debits
             * @enum {string}
             */
            scope: "all" | "debits";
            /**
             * @description Why; shown with the freeze
             * @example Chargeback investigation #5521
             */
            reason: string;
        };
        CreateWebhookDto: {
            /**
             * @description Where to POST the events: http or https, a public address unless WEBHOOKS_ALLOW_PRIVATE=true
             * @example https://rooms.example.com/ledger-events
             */
            url: string;
            /**
             * @description The event types to send
             * @example [
             *       "transaction.committed"
             *     ]
             */
            events: ("transaction.committed" | "hold.placed" | "hold.captured" | "hold.released" | "hold.expired" | "subscription.created" | "subscription.renewed" | "subscription.expired" | "user.frozen" | "user.unfrozen")[];
            /**
             * @description For the operators
             * @example Rooms service
             */
            description?: string;
        };
        /** @description Every error answer. Validation errors list every failed constraint as an array of messages. */
        Error: {
            /** @example 400 */
            statusCode: number;
            message: string | string[];
        };
        Paging: {
            /** @example 1 */
            page: number;
            /** @example 20 */
            per_page: number;
            /**
             * @description Items across all pages
             * @example 2
             */
            total: number;
        };
        AvailableBalance: {
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description Available (amount less locked), a JSON number as in the spec
             * @example 10
             */
            balance: number;
        };
        AssetBalance: {
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description Balance, locked funds included
             * @example 1.5
             */
            amount: string;
            /**
             * @description Reserved by pending holds
             * @example 0.5
             */
            locked: string;
            /**
             * @description `amount` in the root asset, rounded half-even (quoted assets only)
             * @example 97500
             */
            fundsInRootAsset?: string;
        };
        UserBalances: {
            /** @example volgen */
            userName: string | null;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /** @example volgen@mailinator.com */
            userEmail: string | null;
            /**
             * @example [
             *       "admin"
             *     ]
             */
            userRoles: string[];
            balances: components["schemas"]["AssetBalance"][];
            /**
             * @description Sum of `fundsInRootAsset`; only when every listed asset is quoted and no asset filter was given
             * @example 97500
             */
            totalFundsInRootAsset?: string;
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            rootAsset: string;
        };
        UnknownUser: {
            /** @example 5122444f-2658-fb8f-8863-16fdf0a2028b */
            userId: string;
            /** @example User with id:5122444f-2658-fb8f-8863-16fdf0a2028b not found. */
            error: string;
        };
        BalancesReport: {
            /** @description The filters given, echoed */
            filters: {
                userIds?: string[];
                asset?: string | string[];
            };
            paging: components["schemas"]["Paging"];
            data: (components["schemas"]["UserBalances"] | components["schemas"]["UnknownUser"])[];
        };
        User: {
            /** @example volgen */
            userName: string | null;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /** @example volgen@mailinator.com */
            userEmail: string | null;
            /**
             * @example [
             *       "admin"
             *     ]
             */
            userRoles: string[];
            /**
             * @description The user's own currency (token claim `currency`)
             * @example eur
             */
            currency: string | null;
            /**
             * Format: date-time
             * @description First seen
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description Claims last updated
             * @example 2025-03-01T12:00:00.000Z
             */
            updatedAt: string;
            /** @description The freeze, or null when not frozen */
            frozen: {
                /**
                 * @description `debits`: money out is refused; `all`: money out and in
                 * @example debits
                 * @enum {string}
                 */
                scope: "all" | "debits";
                /** @example Chargeback investigation #5521 */
                reason: string;
                /**
                 * Format: date-time
                 * @description Frozen since (the service clock)
                 * @example 2025-03-01T12:00:00.000Z
                 */
                since: string;
                /**
                 * @description The operator's user id
                 * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
                 */
                by: string;
            } | null;
        };
        UserFreeze: {
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /** @description The freeze, or null when not frozen */
            frozen: {
                /**
                 * @description `debits`: money out is refused; `all`: money out and in
                 * @example debits
                 * @enum {string}
                 */
                scope: "all" | "debits";
                /** @example Chargeback investigation #5521 */
                reason: string;
                /**
                 * Format: date-time
                 * @description Frozen since (the service clock)
                 * @example 2025-03-01T12:00:00.000Z
                 */
                since: string;
                /**
                 * @description The operator's user id
                 * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
                 */
                by: string;
            } | null;
        };
        UsersPage: {
            filters: {
                search?: string;
            };
            paging: components["schemas"]["Paging"];
            data: components["schemas"]["User"][];
        };
        /** @description One side of a ledger transaction, as the user sees it */
        Entry: {
            /** @example 42 */
            entryId: string;
            /** @example 17 */
            transactionId: string;
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description Signed: credits positive, debits negative
             * @example -12.5
             */
            amount: string;
            /**
             * @description The account's balance after this entry
             * @example 87.5
             */
            balanceAfter: string;
            /**
             * @example spending
             * @enum {string}
             */
            type: "mining" | "spending" | "buying";
            /** @example adjustment */
            action: string;
            /**
             * @description What moved it (donation, adjustment, capture, subscription, reversal, …)
             * @example adjustment
             */
            kind: string;
            /**
             * @description On the entries of a reversal: the transaction it reverses
             * @example 12
             */
            reverses?: string;
            /**
             * @example {
             *       "comment": "Refund reversed",
             *       "admin": "ops-1"
             *     }
             */
            metadata: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description When it was posted
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
        };
        TransactionsPage: {
            /** @description The filters given, echoed as sent */
            filters: {
                asset?: string;
                type?: string;
                action?: string;
                from?: string;
                to?: string;
            };
            paging: components["schemas"]["Paging"];
            data: components["schemas"]["Entry"][];
        };
        Adjustment: {
            /** @example 17 */
            transactionId: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /** @enum {string} */
            action: "adjustment";
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description The signed amount applied
             * @example 0.3
             */
            amount: string;
            /** @example Goodwill credit for ticket #4711 */
            comment: string;
            /** @description A user's account after the change: `amount` includes `locked`; `available` = amount − locked (null only if the posting left no account of the user) */
            balance: {
                /**
                 * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
                 * @example usd
                 */
                asset: string;
                /**
                 * @description Balance, locked funds included
                 * @example 100.3
                 */
                amount: string;
                /**
                 * @description Reserved by pending holds
                 * @example 20
                 */
                locked: string;
                /**
                 * @description What can be spent
                 * @example 80.3
                 */
                available: string;
            } | null;
        };
        Hold: {
            /** @example 0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10 */
            holdId: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description Reserved
             * @example 25.5
             */
            amount: string;
            /**
             * @description Captured (null unless captured)
             * @example 10
             */
            captured: string | null;
            /** @enum {string} */
            status: "pending" | "captured" | "released" | "expired";
            /** @example Order 8812 pending settlement */
            reason: string;
            /**
             * Format: date-time
             * @description When it is released by itself (null: never)
             * @example 2025-03-01T12:00:00.000Z
             */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description Placed
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description Captured, released or expired (null while pending)
             * @example 2025-03-01T12:00:00.000Z
             */
            endedAt: string | null;
        };
        TokenAction: {
            /** @example dailyLogin */
            action: string;
            /** @enum {string} */
            type: "mining" | "spending" | "buying";
            /**
             * @description TOKEN_ASSET amount the action moves
             * @example 10
             */
            token: string;
            /**
             * @description Price in the root asset
             * @example 0.99
             */
            price: string;
            /** @enum {string} */
            category: "event" | "product" | "subscription";
            /** @example Logged in today */
            description: string;
        };
        AppliedAction: {
            /** @example 18 */
            transactionId: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /** @example dailyLogin */
            action: string;
            /** @enum {string} */
            type: "mining" | "spending" | "buying";
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description Signed: spending is negative
             * @example 10
             */
            amount: string;
            /** @description A user's account after the change: `amount` includes `locked`; `available` = amount − locked (null only if the posting left no account of the user) */
            balance: {
                /**
                 * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
                 * @example usd
                 */
                asset: string;
                /**
                 * @description Balance, locked funds included
                 * @example 100.3
                 */
                amount: string;
                /**
                 * @description Reserved by pending holds
                 * @example 20
                 */
                locked: string;
                /**
                 * @description What can be spent
                 * @example 80.3
                 */
                available: string;
            } | null;
        };
        ExchangeRate: {
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description Root-asset units per one unit of the asset
             * @example 65000.5
             */
            rate: string;
            /**
             * Format: date-time
             * @description Last set (null for the implicit root quote)
             * @example 2025-03-01T12:00:00.000Z
             */
            updatedAt: string | null;
        };
        ExchangeRates: {
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            rootAsset: string;
            rates: components["schemas"]["ExchangeRate"][];
        };
        ExchangeRateHistory: {
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            history: {
                /**
                 * @description null: the quote was removed
                 * @example 65000.5
                 */
                rate: string | null;
                /**
                 * Format: date-time
                 * @description When
                 * @example 2025-03-01T12:00:00.000Z
                 */
                changedAt: string;
            }[];
        };
        Product: {
            /** @example room */
            productType: string;
            /** @example demo-room */
            productId: string;
            /**
             * @description Credited with payments (null: the platform)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            ownerId: string | null;
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /** @description Each plan at most once, in the order of the plans; the free one at 0 */
            options: ({
                /** @enum {string} */
                plan: "free";
                /** @enum {string} */
                price: "0";
            } | {
                /** @enum {string} */
                plan: "one_time_payment" | "subscription_week" | "subscription_month" | "subscription_6_months" | "subscription_year";
                /**
                 * @description In TOKEN_ASSET, more than 0
                 * @example 15
                 */
                price: string;
            })[];
        };
        LedgerCheck: {
            ok: boolean;
            counts: {
                transactions: number;
                entries: number;
                accounts: number;
                /** @description Records in the audit trail, whose hash chain is checked too */
                auditRecords: number;
            };
            failures: {
                /** @enum {string} */
                rule: "transaction_balanced" | "asset_conserved" | "balance_matches_entries" | "balance_after_matches" | "not_negative" | "locked_matches_holds" | "audit_chain";
                detail: string;
            }[];
        };
        TestClock: {
            /**
             * Format: date-time
             * @description The service's clock after the move
             * @example 2025-03-01T12:00:00.000Z
             */
            now: string;
            /**
             * @description Total offset from real time, in whole seconds
             * @example 86400
             */
            offsetSeconds: number;
        };
        /** @description One side of a ledger transaction, naming the user whose entry it is */
        UserEntry: {
            /** @example 42 */
            entryId: string;
            /** @example 17 */
            transactionId: string;
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description Signed: credits positive, debits negative
             * @example -12.5
             */
            amount: string;
            /**
             * @description The account's balance after this entry
             * @example 87.5
             */
            balanceAfter: string;
            /**
             * @example spending
             * @enum {string}
             */
            type: "mining" | "spending" | "buying";
            /** @example adjustment */
            action: string;
            /**
             * @description What moved it (donation, adjustment, capture, subscription, reversal, …)
             * @example adjustment
             */
            kind: string;
            /**
             * @description On the entries of a reversal: the transaction it reverses
             * @example 12
             */
            reverses?: string;
            /**
             * @example {
             *       "comment": "Refund reversed",
             *       "admin": "ops-1"
             *     }
             */
            metadata: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description When it was posted
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
        };
        AllTransactionsPage: {
            /** @description The filters given, echoed as sent */
            filters: {
                asset?: string;
                type?: string;
                action?: string;
                from?: string;
                to?: string;
            };
            paging: components["schemas"]["Paging"];
            data: components["schemas"]["UserEntry"][];
        };
        /** @description What users hold of each asset, summed exactly */
        AssetTotals: {
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            rootAsset: string;
            assets: {
                /**
                 * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
                 * @example usd
                 */
                asset: string;
                /** @example 8 */
                scale: number;
                /**
                 * @description User accounts in this asset
                 * @example 2
                 */
                accounts: number;
                /**
                 * @description Held by users, locked included
                 * @example 0.5
                 */
                amount: string;
                /**
                 * @description Held by pending holds
                 * @example 0.1
                 */
                locked: string;
                /**
                 * @description Root-asset units per one unit (null: unquoted)
                 * @example 65000
                 */
                rate: string | null;
                /**
                 * @description `amount` in the root asset (null: unquoted)
                 * @example 32500
                 */
                fundsInRootAsset: string | null;
            }[];
            /**
             * @description The sum in the root asset (null when users hold an unquoted asset)
             * @example 32500
             */
            totalFundsInRootAsset: string | null;
        };
        Subscription: {
            /**
             * Format: uuid
             * @example 3f1c2a9e-6b0d-4a51-9d55-0c1f0f7a8e21
             */
            id: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /** @example room */
            productType: string;
            /** @example demo-room */
            productId: string;
            /**
             * @example subscription_month
             * @enum {string}
             */
            plan: "free" | "one_time_payment" | "subscription_week" | "subscription_month" | "subscription_6_months" | "subscription_year";
            /**
             * @example active
             * @enum {string}
             */
            status: "active" | "expired";
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            currency: string;
            /**
             * @description Charged each period, in `currency`
             * @example 10
             */
            price: string;
            /** @example null */
            walletAddress: string | null;
            /**
             * @description Periods charged after the first
             * @example 2
             */
            periodIndex: number;
            /**
             * Format: date-time
             * @description Start of the current period
             * @example 2025-03-01T12:00:00.000Z
             */
            periodStart: string | null;
            /**
             * Format: date-time
             * @description End of the current period (null: never expires)
             * @example 2025-03-01T12:00:00.000Z
             */
            periodEnd: string | null;
            /**
             * Format: date-time
             * @description When it was created
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When it ended (null: active)
             * @example 2025-03-01T12:00:00.000Z
             */
            endedAt: string | null;
            /**
             * @example null
             * @enum {string|null}
             */
            endedReason: "network_admin" | "admin" | "insufficient_funds" | null;
        };
        /** @description One ledger transaction with every entry (both sides, system accounts included) */
        Transaction: {
            /** @example 17 */
            transactionId: string;
            /**
             * Format: date-time
             * @description When it was posted (never earlier than a previous entry of its accounts)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /** @example donation */
            kind: string;
            /** @example donation */
            action: string;
            /**
             * @description The operator's comment (adjustments)
             * @example Goodwill credit for ticket #4711
             */
            comment?: string;
            /** @description The operator who posted it */
            actor?: {
                /**
                 * @description User id (the JWT `sub`)
                 * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
                 */
                id: string;
            };
            /**
             * @description The transaction this one reverses
             * @example 12
             */
            reverses?: string;
            /** @description The reversals of this transaction */
            reversedBy: string[];
            entries: {
                /**
                 * @description The user, on user accounts only
                 * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
                 */
                userId?: string;
                /**
                 * @description The account owner: a user id, or a system account (system:issuer, system:revenue)
                 * @example system:issuer
                 */
                account: string;
                /**
                 * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
                 * @example usd
                 */
                asset: string;
                /**
                 * @description Signed: credits positive, debits negative
                 * @example -5
                 */
                amount: string;
                /**
                 * @example spending
                 * @enum {string}
                 */
                type: "mining" | "spending" | "buying" | "system";
                /** @example donation */
                action: string;
                /**
                 * @description The account's balance after this entry (a system account's may be negative)
                 * @example 95
                 */
                balanceAfter: string;
            }[];
        };
        /** @description One operator change. `hash` is SHA-256 (hex) of the previous record's hash followed by this record's canonical JSON without `hash` (members sorted by key, no whitespace); the first record's previous hash is 64 zeros. */
        AuditRecord: {
            /**
             * @description Gapless, in chain order
             * @example 42
             */
            id: string;
            /**
             * Format: date-time
             * @description When it was made (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            at: string;
            actor: {
                /**
                 * @description User id (the JWT `sub`)
                 * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
                 */
                id: string;
                /** @example ops-1 */
                username: string | null;
                /**
                 * @description Named by the caller, not proven (the legacy API `u`)
                 * @enum {boolean}
                 */
                asserted?: true;
            };
            /** @enum {string} */
            surface: "rest" | "socket" | "legacy";
            /**
             * @description The caller's network address (through TRUST_PROXY)
             * @example 203.0.113.7
             */
            address: string;
            /**
             * @description What was done (`balance.adjust`, `hold.capture`, `freeze.put`, …)
             * @example balance.adjust
             */
            action: string;
            /**
             * @description What it was done to (`user:<id>`, `hold:<id>`, `exchange_rate:<asset>`, …)
             * @example user:68e057fe-0aec-03db-20f8-5f811abf7da6
             */
            target: string;
            /**
             * @description The REST or legacy request id (`x-request-id`), or the socket `event.id`
             * @example 5f0c6a52-0b2c-4d8e-a0f4-1b7f5f3b2c11
             */
            requestId: string;
            /** @description The target's fields as they were (absent: it was created) */
            before?: {
                [key: string]: unknown;
            };
            /** @description The target's fields as they became (absent: it was deleted) */
            after?: {
                [key: string]: unknown;
            };
            hash: string;
        };
        AuditPage: {
            filters: {
                actor?: string;
                action?: string;
                target?: string;
                /**
                 * Format: date-time
                 * @description Inclusive
                 * @example 2025-03-01T12:00:00.000Z
                 */
                from?: string;
                /**
                 * Format: date-time
                 * @description Exclusive
                 * @example 2025-03-01T12:00:00.000Z
                 */
                to?: string;
            };
            paging: components["schemas"]["Paging"];
            /** @description Newest first */
            data: components["schemas"]["AuditRecord"][];
        };
        BalancesAt: {
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /**
             * Format: date-time
             * @description The instant asked about (now when absent), in UTC
             * @example 2025-03-01T12:00:00.000Z
             */
            at: string;
            /** @description One per account of the user, by asset; locked funds included (holds move nothing) */
            balances: {
                /**
                 * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
                 * @example usd
                 */
                asset: string;
                /**
                 * @description The balance at `at` (0 before the first entry)
                 * @example 95
                 */
                amount: string;
            }[];
        };
        /** @description A reversal posted: a transaction of kind `reversal` whose entries mirror the original's with the opposite sign */
        Reversal: {
            /**
             * @description The reversal
             * @example 18
             */
            transactionId: string;
            /**
             * @description The transaction it reverses
             * @example 17
             */
            reverses: string;
        };
        /** @description One line of an NDJSON export: an entry, or the last line, which counts the entries */
        ExportLine: {
            /** @example 17 */
            transactionId: string;
            /**
             * Format: date-time
             * @description When the transaction was posted
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /** @example donation */
            kind: string;
            /**
             * @description The user, on user accounts only
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId?: string;
            /**
             * @description The account owner: a user id, or a system account (system:issuer, system:revenue)
             * @example system:issuer
             */
            account: string;
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description Signed: credits positive, debits negative
             * @example -5
             */
            amount: string;
            /**
             * @example spending
             * @enum {string}
             */
            type: "mining" | "spending" | "buying" | "system";
            /**
             * @description The entry's action
             * @example donation
             */
            action: string;
            /**
             * @description The account's balance after this entry (a system account's may be negative)
             * @example 95
             */
            balanceAfter: string;
            /**
             * @description The operator's comment (adjustments)
             * @example Goodwill credit for ticket #4711
             */
            comment?: string;
            /**
             * @description The transaction this one reverses
             * @example 12
             */
            reverses?: string;
        } | {
            /** @enum {boolean} */
            end: true;
            /**
             * @description Entries in the file
             * @example 2
             */
            count: number;
        };
        Webhook: {
            /** @example 0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f */
            id: string;
            /** @example https://rooms.example.com/ledger-events */
            url: string;
            events: ("transaction.committed" | "hold.placed" | "hold.captured" | "hold.released" | "hold.expired" | "subscription.created" | "subscription.renewed" | "subscription.expired" | "user.frozen" | "user.unfrozen")[];
            description: string | null;
            /** @description False after a 410 answer or 5 days of failed deliveries; a manual retry enables it again */
            enabled: boolean;
            /** @example the endpoint answered 410 Gone */
            disabledReason: string | null;
            /**
             * Format: date-time
             * @description When it was registered (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
        };
        NewWebhook: {
            /** @example 0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f */
            id: string;
            /** @example https://rooms.example.com/ledger-events */
            url: string;
            events: ("transaction.committed" | "hold.placed" | "hold.captured" | "hold.released" | "hold.expired" | "subscription.created" | "subscription.renewed" | "subscription.expired" | "user.frozen" | "user.unfrozen")[];
            description: string | null;
            /** @description False after a 410 answer or 5 days of failed deliveries; a manual retry enables it again */
            enabled: boolean;
            /** @example the endpoint answered 410 Gone */
            disabledReason: string | null;
            /**
             * Format: date-time
             * @description When it was registered (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /** @description `whsec_` and the base64 of 32 random bytes: the Standard Webhooks signing key. Shown only in this answer. */
            secret: string;
        };
        WebhookList: {
            data: components["schemas"]["Webhook"][];
        };
        DeletedWebhook: {
            /** @example 0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f */
            id: string;
            /** @enum {boolean} */
            deleted: true;
        };
        RotatedSecret: {
            /** @example 0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f */
            id: string;
            /** @description `whsec_` and the base64 of 32 random bytes: the Standard Webhooks signing key. Shown only in this answer. */
            secret: string;
            /**
             * Format: date-time
             * @description Until then the old secret signs too: each delivery carries both signatures
             * @example 2025-03-01T12:00:00.000Z
             */
            previousSecretSignsUntil: string;
        };
        /** @description One event for one endpoint */
        Delivery: {
            /**
             * @description The event id, sent as `webhook-id`
             * @example 1042
             */
            eventId: string;
            /** @enum {string} */
            eventType: "transaction.committed" | "hold.placed" | "hold.captured" | "hold.released" | "hold.expired" | "subscription.created" | "subscription.renewed" | "subscription.expired" | "user.frozen" | "user.unfrozen";
            /**
             * @description `failed`: not answered with a 2xx for 5 days
             * @enum {string}
             */
            status: "pending" | "delivered" | "failed";
            attempts: number;
            /**
             * Format: date-time
             * @description The service clock
             * @example 2025-03-01T12:00:00.000Z
             */
            lastAttemptAt: string | null;
            /**
             * @description The HTTP status of the last answer (null: none, see lastError)
             * @example 503
             */
            lastStatus: number | null;
            /** @description The start of the last answer body (at most 1 KiB) */
            lastResponse: string | null;
            /**
             * @description Why the last attempt failed: the status, a redirect not followed, a timeout, a refused address
             * @example HTTP 503
             */
            lastError: string | null;
            /**
             * Format: date-time
             * @description When a pending delivery is attempted next (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            nextAttemptAt: string | null;
        };
        DeliveriesPage: {
            paging: components["schemas"]["Paging"];
            /** @description Newest event first */
            data: components["schemas"]["Delivery"][];
        };
        /** @description A ledger transaction committed (reversals included), with every entry as GET /transactions/{id} shows it */
        TransactionCommittedEvent: {
            /**
             * @description Assigned in commit order: a later event never has a lower id
             * @example 42
             */
            id: string;
            /**
             * @example transaction.committed
             * @enum {string}
             */
            type: "transaction.committed";
            /**
             * @description The version of this type's fields
             * @enum {integer}
             */
            schemaVersion: 1;
            /**
             * Format: date-time
             * @description When the change was made (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /** @example 17 */
            transactionId: string;
            /** @example donation */
            kind: string;
            /** @example donation */
            action: string;
            /**
             * @description The transaction this one reverses (reversals only)
             * @example 12
             */
            reverses?: string;
            entries: {
                /**
                 * @description The user, on user accounts only
                 * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
                 */
                userId?: string;
                /**
                 * @description The account owner: a user id, or a system account (system:issuer, system:revenue)
                 * @example system:issuer
                 */
                account: string;
                /**
                 * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
                 * @example usd
                 */
                asset: string;
                /**
                 * @description Signed: credits positive, debits negative
                 * @example -5
                 */
                amount: string;
                /**
                 * @example spending
                 * @enum {string}
                 */
                type: "mining" | "spending" | "buying" | "system";
                /** @example donation */
                action: string;
                /**
                 * @description The account's balance after this entry (a system account's may be negative)
                 * @example 95
                 */
                balanceAfter: string;
            }[];
        };
        /** @description A hold reserved part of a balance */
        HoldPlacedEvent: {
            /**
             * @description Assigned in commit order: a later event never has a lower id
             * @example 42
             */
            id: string;
            /**
             * @example hold.placed
             * @enum {string}
             */
            type: "hold.placed";
            /**
             * @description The version of this type's fields
             * @enum {integer}
             */
            schemaVersion: 1;
            /**
             * Format: date-time
             * @description When the change was made (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @example 7d7c1f0e-3b7a-4d4c-8f5e-2a9b8c7d6e5f
             */
            holdId: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description The amount held
             * @example 5
             */
            amount: string;
        };
        /** @description A hold was captured (its transaction.committed event is in the same commit, just before); any rest was released */
        HoldCapturedEvent: {
            /**
             * @description Assigned in commit order: a later event never has a lower id
             * @example 42
             */
            id: string;
            /**
             * @example hold.captured
             * @enum {string}
             */
            type: "hold.captured";
            /**
             * @description The version of this type's fields
             * @enum {integer}
             */
            schemaVersion: 1;
            /**
             * Format: date-time
             * @description When the change was made (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @example 7d7c1f0e-3b7a-4d4c-8f5e-2a9b8c7d6e5f
             */
            holdId: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description The amount captured
             * @example 5
             */
            amount: string;
        };
        /** @description A hold was released by an operator */
        HoldReleasedEvent: {
            /**
             * @description Assigned in commit order: a later event never has a lower id
             * @example 42
             */
            id: string;
            /**
             * @example hold.released
             * @enum {string}
             */
            type: "hold.released";
            /**
             * @description The version of this type's fields
             * @enum {integer}
             */
            schemaVersion: 1;
            /**
             * Format: date-time
             * @description When the change was made (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @example 7d7c1f0e-3b7a-4d4c-8f5e-2a9b8c7d6e5f
             */
            holdId: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description The amount that was held
             * @example 5
             */
            amount: string;
        };
        /** @description A hold expired and was released */
        HoldExpiredEvent: {
            /**
             * @description Assigned in commit order: a later event never has a lower id
             * @example 42
             */
            id: string;
            /**
             * @example hold.expired
             * @enum {string}
             */
            type: "hold.expired";
            /**
             * @description The version of this type's fields
             * @enum {integer}
             */
            schemaVersion: 1;
            /**
             * Format: date-time
             * @description When the change was made (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @example 7d7c1f0e-3b7a-4d4c-8f5e-2a9b8c7d6e5f
             */
            holdId: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /**
             * @description One of the catalog's assets; the decimals (scale) of each: btc 8, eth 18, eur 2, rents 8, roomi 8, usd 2, usdt 6, valu 8, xmr 12
             * @example usd
             */
            asset: string;
            /**
             * @description The amount that was held
             * @example 5
             */
            amount: string;
        };
        /** @description A subscription was created (its first charge, if any, commits with it) */
        SubscriptionCreatedEvent: {
            /**
             * @description Assigned in commit order: a later event never has a lower id
             * @example 42
             */
            id: string;
            /**
             * @example subscription.created
             * @enum {string}
             */
            type: "subscription.created";
            /**
             * @description The version of this type's fields
             * @enum {integer}
             */
            schemaVersion: 1;
            /**
             * Format: date-time
             * @description When the change was made (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @example 0b9f3c1e-5a7d-4c2b-9e8f-1a2b3c4d5e6f
             */
            subscriptionId: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /**
             * @description The room (a room subscription)
             * @example room-42
             */
            roomId?: string;
            /**
             * @description The product (any other product type)
             * @example product-7
             */
            productId?: string;
            /**
             * @example subscription_month
             * @enum {string}
             */
            plan: "free" | "one_time_payment" | "subscription_week" | "subscription_month" | "subscription_6_months" | "subscription_year";
        } & (unknown | unknown);
        /** @description A recurring subscription was charged for its next period */
        SubscriptionRenewedEvent: {
            /**
             * @description Assigned in commit order: a later event never has a lower id
             * @example 42
             */
            id: string;
            /**
             * @example subscription.renewed
             * @enum {string}
             */
            type: "subscription.renewed";
            /**
             * @description The version of this type's fields
             * @enum {integer}
             */
            schemaVersion: 1;
            /**
             * Format: date-time
             * @description When the change was made (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @example 0b9f3c1e-5a7d-4c2b-9e8f-1a2b3c4d5e6f
             */
            subscriptionId: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /**
             * @description The room (a room subscription)
             * @example room-42
             */
            roomId?: string;
            /**
             * @description The product (any other product type)
             * @example product-7
             */
            productId?: string;
            /**
             * @example subscription_month
             * @enum {string}
             */
            plan: "free" | "one_time_payment" | "subscription_week" | "subscription_month" | "subscription_6_months" | "subscription_year";
        } & (unknown | unknown);
        /** @description A subscription ended */
        SubscriptionExpiredEvent: {
            /**
             * @description Assigned in commit order: a later event never has a lower id
             * @example 42
             */
            id: string;
            /**
             * @example subscription.expired
             * @enum {string}
             */
            type: "subscription.expired";
            /**
             * @description The version of this type's fields
             * @enum {integer}
             */
            schemaVersion: 1;
            /**
             * Format: date-time
             * @description When the change was made (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @example 0b9f3c1e-5a7d-4c2b-9e8f-1a2b3c4d5e6f
             */
            subscriptionId: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /**
             * @description The room (a room subscription)
             * @example room-42
             */
            roomId?: string;
            /**
             * @description The product (any other product type)
             * @example product-7
             */
            productId?: string;
            /**
             * @example subscription_month
             * @enum {string}
             */
            plan: "free" | "one_time_payment" | "subscription_week" | "subscription_month" | "subscription_6_months" | "subscription_year";
            /**
             * @description Who or what ended it
             * @example insufficient_funds
             * @enum {string}
             */
            reason: "network_admin" | "admin" | "insufficient_funds";
        } & (unknown | unknown);
        /** @description An operator froze a user's own movements (or changed the freeze's scope or reason) */
        UserFrozenEvent: {
            /**
             * @description Assigned in commit order: a later event never has a lower id
             * @example 42
             */
            id: string;
            /**
             * @example user.frozen
             * @enum {string}
             */
            type: "user.frozen";
            /**
             * @description The version of this type's fields
             * @enum {integer}
             */
            schemaVersion: 1;
            /**
             * Format: date-time
             * @description When the change was made (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
            /**
             * @example debits
             * @enum {string}
             */
            scope: "all" | "debits";
            /** @example Chargeback investigation #5521 */
            reason: string;
        };
        /** @description An operator lifted a freeze */
        UserUnfrozenEvent: {
            /**
             * @description Assigned in commit order: a later event never has a lower id
             * @example 42
             */
            id: string;
            /**
             * @example user.unfrozen
             * @enum {string}
             */
            type: "user.unfrozen";
            /**
             * @description The version of this type's fields
             * @enum {integer}
             */
            schemaVersion: 1;
            /**
             * Format: date-time
             * @description When the change was made (the service clock)
             * @example 2025-03-01T12:00:00.000Z
             */
            createdAt: string;
            /**
             * @description User id (the JWT `sub`)
             * @example d3e84bed-94bb-59c1-bbf1-fcfea251e84b
             */
            userId: string;
        };
        /** @description Any event; `type` says which */
        Event: components["schemas"]["TransactionCommittedEvent"] | components["schemas"]["HoldPlacedEvent"] | components["schemas"]["HoldCapturedEvent"] | components["schemas"]["HoldReleasedEvent"] | components["schemas"]["HoldExpiredEvent"] | components["schemas"]["SubscriptionCreatedEvent"] | components["schemas"]["SubscriptionRenewedEvent"] | components["schemas"]["SubscriptionExpiredEvent"] | components["schemas"]["UserFrozenEvent"] | components["schemas"]["UserUnfrozenEvent"];
        EventsPage: {
            /** @description Oldest first, in commit order */
            events: components["schemas"]["Event"][];
            /**
             * @description Ask again with after=next: the last event's id, or `after` itself when there was nothing new
             * @example 42
             */
            next: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    UsersController_list: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: number;
                /** @description Items per page, 1–100 (default 20); more is a 400 */
                per_page?: number;
                /** @description Alias of page */
                Page?: number;
                /** @description Alias of per_page */
                PerPage?: number;
                /** @description Case-insensitive substring of the username or email */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "filters": {
                     *         "search": "mailinator"
                     *       },
                     *       "paging": {
                     *         "page": 1,
                     *         "per_page": 20,
                     *         "total": 1
                     *       },
                     *       "data": [
                     *         {
                     *           "userName": "volgen",
                     *           "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *           "userEmail": "volgen@mailinator.com",
                     *           "userRoles": [
                     *             "Bot"
                     *           ],
                     *           "currency": "usd",
                     *           "createdAt": "2025-01-01T10:00:00.000Z",
                     *           "updatedAt": "2025-01-02T10:00:00.000Z",
                     *           "frozen": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["UsersPage"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "per_page must not be greater than 100"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user id (JWT `sub`) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userName": "volgen",
                     *       "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *       "userEmail": "volgen@mailinator.com",
                     *       "userRoles": [
                     *         "Bot"
                     *       ],
                     *       "currency": "usd",
                     *       "createdAt": "2025-01-01T10:00:00.000Z",
                     *       "updatedAt": "2025-01-02T10:00:00.000Z",
                     *       "frozen": null
                     *     }
                     */
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    BalancesController_userBalance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user id (JWT `sub`) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "asset": "btc",
                     *         "balance": 10
                     *       },
                     *       {
                     *         "asset": "eth",
                     *         "balance": 300
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["AvailableBalance"][];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    BalancesController_balances: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: number;
                /** @description Items per page, 1–100 (default 20); more is a 400 */
                per_page?: number;
                /** @description Alias of page */
                Page?: number;
                /** @description Alias of per_page */
                PerPage?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BalancesRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "filters": {
                     *         "userIds": [
                     *           "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *           "9a0b7c4e-1f2d-4e3a-8b5c-6d7e8f9a0b1c",
                     *           "5122444f-2658-fb8f-8863-16fdf0a2028b"
                     *         ]
                     *       },
                     *       "paging": {
                     *         "page": 1,
                     *         "per_page": 20,
                     *         "total": 3
                     *       },
                     *       "data": [
                     *         {
                     *           "userName": "volgen",
                     *           "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *           "userEmail": "volgen@mailinator.com",
                     *           "userRoles": [
                     *             "Bot"
                     *           ],
                     *           "balances": [
                     *             {
                     *               "asset": "btc",
                     *               "amount": "1.5",
                     *               "locked": "0.5",
                     *               "fundsInRootAsset": "97500"
                     *             },
                     *             {
                     *               "asset": "xmr",
                     *               "amount": "10",
                     *               "locked": "0"
                     *             }
                     *           ],
                     *           "rootAsset": "usd"
                     *         },
                     *         {
                     *           "userName": "marta",
                     *           "userId": "9a0b7c4e-1f2d-4e3a-8b5c-6d7e8f9a0b1c",
                     *           "userEmail": "marta@example.com",
                     *           "userRoles": [],
                     *           "balances": [
                     *             {
                     *               "asset": "btc",
                     *               "amount": "0.01",
                     *               "locked": "0",
                     *               "fundsInRootAsset": "650"
                     *             },
                     *             {
                     *               "asset": "usd",
                     *               "amount": "20.5",
                     *               "locked": "0",
                     *               "fundsInRootAsset": "20.5"
                     *             }
                     *           ],
                     *           "totalFundsInRootAsset": "670.5",
                     *           "rootAsset": "usd"
                     *         },
                     *         {
                     *           "userId": "5122444f-2658-fb8f-8863-16fdf0a2028b",
                     *           "error": "User with id:5122444f-2658-fb8f-8863-16fdf0a2028b not found."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BalancesReport"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": "asset must be a known asset; \"doge\" is not"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TransactionsController_list: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: number;
                /** @description Items per page, 1–100 (default 20); more is a 400 */
                per_page?: number;
                /** @description Alias of page */
                Page?: number;
                /** @description Alias of per_page */
                PerPage?: number;
                /** @description From this instant, inclusive: ISO 8601 (UTC when no zone) or epoch milliseconds; a day the month does not have is a 400 */
                from?: string;
                /** @description Before this instant, exclusive: ISO 8601 (UTC when no zone) or epoch milliseconds; a day the month does not have is a 400 */
                to?: string;
                /** @description Only this asset (case-insensitive; an unknown one is a 400) */
                asset?: string;
                /** @description Only this entry type */
                type?: "mining" | "spending" | "buying";
                /** @description Only this action (adjustment, donation, dailyLogin, holdCapture, …) */
                action?: string;
            };
            header?: never;
            path: {
                /** @description The user id (JWT `sub`) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "filters": {
                     *         "asset": "usd",
                     *         "action": "adjustment"
                     *       },
                     *       "paging": {
                     *         "page": 1,
                     *         "per_page": 20,
                     *         "total": 1
                     *       },
                     *       "data": [
                     *         {
                     *           "entryId": "42",
                     *           "transactionId": "17",
                     *           "asset": "usd",
                     *           "amount": "-12.5",
                     *           "balanceAfter": "87.5",
                     *           "type": "spending",
                     *           "action": "adjustment",
                     *           "kind": "adjustment",
                     *           "metadata": {
                     *             "comment": "Refund reversed",
                     *             "admin": "ops-1"
                     *           },
                     *           "createdAt": "2025-03-01T12:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TransactionsPage"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "from must be an ISO 8601 date or epoch milliseconds, on a day the month has (2025-02-28, not 2025-02-30)"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TransactionsController_listAll: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: number;
                /** @description Items per page, 1–100 (default 20); more is a 400 */
                per_page?: number;
                /** @description Alias of page */
                Page?: number;
                /** @description Alias of per_page */
                PerPage?: number;
                /** @description From this instant, inclusive: ISO 8601 (UTC when no zone) or epoch milliseconds; a day the month does not have is a 400 */
                from?: string;
                /** @description Before this instant, exclusive: ISO 8601 (UTC when no zone) or epoch milliseconds; a day the month does not have is a 400 */
                to?: string;
                /** @description Only this asset (case-insensitive; an unknown one is a 400) */
                asset?: string;
                /** @description Only this entry type */
                type?: "mining" | "spending" | "buying";
                /** @description Only this action (adjustment, donation, dailyLogin, holdCapture, …) */
                action?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "filters": {
                     *         "asset": "usd",
                     *         "action": "adjustment"
                     *       },
                     *       "paging": {
                     *         "page": 1,
                     *         "per_page": 20,
                     *         "total": 1
                     *       },
                     *       "data": [
                     *         {
                     *           "entryId": "42",
                     *           "transactionId": "17",
                     *           "asset": "usd",
                     *           "amount": "-12.5",
                     *           "balanceAfter": "87.5",
                     *           "type": "spending",
                     *           "action": "adjustment",
                     *           "kind": "adjustment",
                     *           "metadata": {
                     *             "comment": "Refund reversed",
                     *             "admin": "ops-1"
                     *           },
                     *           "createdAt": "2025-03-01T12:00:00.000Z",
                     *           "userId": "68e057fe-0aec-03db-20f8-5f811abf7da6"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AllTransactionsPage"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "from must be an ISO 8601 date or epoch milliseconds, on a day the month has (2025-02-28, not 2025-02-30)"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PointInTimeController_transaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A transaction id, as in every history entry */
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "17",
                     *       "createdAt": "2026-11-30T12:00:00.000Z",
                     *       "kind": "donation",
                     *       "action": "donation",
                     *       "reversedBy": [],
                     *       "entries": [
                     *         {
                     *           "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *           "account": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *           "asset": "rents",
                     *           "amount": "-5",
                     *           "type": "spending",
                     *           "action": "donation",
                     *           "balanceAfter": "95"
                     *         },
                     *         {
                     *           "userId": "68e057fe-0aec-03db-20f8-5f811abf7da6",
                     *           "account": "68e057fe-0aec-03db-20f8-5f811abf7da6",
                     *           "asset": "rents",
                     *           "amount": "5",
                     *           "type": "mining",
                     *           "action": "donation",
                     *           "balanceAfter": "5"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such transaction (a non-numeric id included) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Transaction 17 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PointInTimeController_balances: {
        parameters: {
            query?: {
                /** @description An RFC 3339 date-time with its zone offset (`Z` or `±hh:mm`); not later than the service's clock. Absent: now. */
                at?: string;
            };
            header?: never;
            path: {
                /** @description The user id (JWT `sub`) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *       "at": "2026-11-30T23:59:59.000Z",
                     *       "balances": [
                     *         {
                     *           "asset": "rents",
                     *           "amount": "95"
                     *         },
                     *         {
                     *           "asset": "usd",
                     *           "amount": "0"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BalancesAt"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": "at must be an RFC 3339 date-time with a zone offset, such as 2026-11-30T23:59:59Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EventsController_events: {
        parameters: {
            query?: {
                /** @description The last event id already read (the previous page's `next`); absent: from the oldest event kept. Below the highest purged id: 410. */
                after?: string;
                /** @description Events per page, 1–1000 (default 100) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "events": [
                     *         {
                     *           "id": "42",
                     *           "type": "transaction.committed",
                     *           "schemaVersion": 1,
                     *           "createdAt": "2026-11-30T12:00:00.000Z",
                     *           "transactionId": "17",
                     *           "kind": "donation",
                     *           "action": "donation",
                     *           "entries": [
                     *             {
                     *               "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *               "account": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *               "asset": "rents",
                     *               "amount": "-5",
                     *               "type": "spending",
                     *               "action": "donation",
                     *               "balanceAfter": "95"
                     *             },
                     *             {
                     *               "userId": "68e057fe-0aec-03db-20f8-5f811abf7da6",
                     *               "account": "68e057fe-0aec-03db-20f8-5f811abf7da6",
                     *               "asset": "rents",
                     *               "amount": "5",
                     *               "type": "mining",
                     *               "action": "donation",
                     *               "balanceAfter": "5"
                     *             }
                     *           ]
                     *         },
                     *         {
                     *           "id": "43",
                     *           "type": "user.frozen",
                     *           "schemaVersion": 1,
                     *           "createdAt": "2026-11-30T12:00:01.000Z",
                     *           "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *           "scope": "debits",
                     *           "reason": "Chargeback investigation #5521"
                     *         }
                     *       ],
                     *       "next": "43"
                     *     }
                     */
                    "application/json": components["schemas"]["EventsPage"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "limit must not be greater than 1000"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Events after `after` have been purged: read again without `after` */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 410,
                     *       "message": "Events up to 42 have been purged; read again without after, from the oldest kept"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExportController_export: {
        parameters: {
            query?: {
                /** @description The file format (absent: csv) */
                format?: "csv" | "ndjson";
                /** @description Transactions created at or after this instant (inclusive): an RFC 3339 date-time with its zone offset (`Z` or `±hh:mm`) */
                from?: string;
                /** @description Transactions created before this instant (exclusive): an RFC 3339 date-time with its zone offset (`Z` or `±hh:mm`) */
                to?: string;
                /** @description Only transactions with an entry on this user's accounts (unknown user: 404) */
                userId?: string;
                /** @description Only transactions with an entry in this asset (case-insensitive; unknown: 400) */
                asset?: string;
                /** @description Resume a broken download: only transactions after this one (the last `transaction_id` received whole). An id no transaction has is a 404. */
                after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, streamed (chunked); cut off, not ended, if the server fails mid-way */
            200: {
                headers: {
                    /** @description attachment; filename="ledger-export-<time>.csv" (or .ndjson) */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example transaction_id,created_at,kind,action,user_id,account,asset,amount,type,balance_after,comment,reverses
                     *     17,2026-11-30T12:00:00.000Z,adjustment,adjustment,68e057fe-0aec-03db-20f8-5f811abf7da6,68e057fe-0aec-03db-20f8-5f811abf7da6,usd,12.5,buying,112.5,"Goodwill, ticket #4711",
                     *     17,2026-11-30T12:00:00.000Z,adjustment,adjustment,,system:issuer,usd,-12.5,system,-1012.5,"Goodwill, ticket #4711",
                     */
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["ExportLine"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": "Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user (`userId`), or no such transaction (`after`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "No such user (`userId`), or no such transaction (`after`)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdjustmentsController_adjust: {
        parameters: {
            query?: never;
            header?: {
                /** @description Up to 255 characters, scoped to this exact path. The same key and body replay the stored answer (status and body); the same key with another body is 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The user id (JWT `sub`) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdjustmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "17",
                     *       "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *       "action": "adjustment",
                     *       "asset": "usd",
                     *       "amount": "0.3",
                     *       "comment": "Goodwill credit for ticket #4711",
                     *       "balance": {
                     *         "asset": "usd",
                     *         "amount": "100.3",
                     *         "locked": "20",
                     *         "available": "80.3"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Adjustment"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": "amount: amount has more than 2 decimal places for usd"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "message": "Idempotency key reused with a different request"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Would take the user's balance below what their open holds lock (below zero without holds); the message names the user */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 422,
                     *       "message": "Insufficient funds in usd for user d3e84bed-94bb-59c1-bbf1-fcfea251e84b"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReversalsController_reverse: {
        parameters: {
            query?: never;
            header: {
                /** @description Up to 255 characters, scoped to this exact path. The same key and body replay the stored answer (status and body); the same key with another body is 409. */
                "Idempotency-Key": string;
            };
            path: {
                /** @description The transaction to reverse */
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReversalDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "18",
                     *       "reverses": "17"
                     *     }
                     */
                    "application/json": components["schemas"]["Reversal"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": "A reversal cannot be reversed"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such transaction (a non-numeric id included) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Transaction 17 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description Idempotency-Key reused with another body
             *
             *     Nothing remains to reverse, or the Idempotency-Key was reused with another body
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "message": "Transaction already reversed"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description More than remains to reverse, or it would leave an account less than its open holds lock (the message names whose) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 422,
                     *       "message": "Amount exceeds what remains to reverse"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HoldsController_list: {
        parameters: {
            query?: {
                /** @description Only holds in this status; another value is a 400 */
                status?: "pending" | "captured" | "released" | "expired";
            };
            header?: never;
            path: {
                /** @description The user id (JWT `sub`) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "holdId": "0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10",
                     *         "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *         "asset": "rents",
                     *         "amount": "25.5",
                     *         "captured": null,
                     *         "status": "pending",
                     *         "reason": "Order 8812 pending settlement",
                     *         "expiresAt": "2030-01-01T00:00:00.000Z",
                     *         "createdAt": "2025-03-01T12:00:00.000Z",
                     *         "endedAt": null
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["Hold"][];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "status must be one of pending, captured, released, expired"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HoldsController_place: {
        parameters: {
            query?: never;
            header?: {
                /** @description Up to 255 characters, scoped to this exact path. The same key and body replay the stored answer (status and body); the same key with another body is 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The user id (JWT `sub`) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceHoldDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "holdId": "0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10",
                     *       "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *       "asset": "rents",
                     *       "amount": "25.5",
                     *       "captured": null,
                     *       "status": "pending",
                     *       "reason": "Order 8812 pending settlement",
                     *       "expiresAt": "2030-01-01T00:00:00.000Z",
                     *       "createdAt": "2025-03-01T12:00:00.000Z",
                     *       "endedAt": null
                     *     }
                     */
                    "application/json": components["schemas"]["Hold"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": "expiresAt must be in the future"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "message": "Idempotency key reused with a different request"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not enough available funds */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 422,
                     *       "message": "Insufficient funds in rents"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HoldsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                holdId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "holdId": "0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10",
                     *       "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *       "asset": "rents",
                     *       "amount": "25.5",
                     *       "captured": null,
                     *       "status": "pending",
                     *       "reason": "Order 8812 pending settlement",
                     *       "expiresAt": "2030-01-01T00:00:00.000Z",
                     *       "createdAt": "2025-03-01T12:00:00.000Z",
                     *       "endedAt": null
                     *     }
                     */
                    "application/json": components["schemas"]["Hold"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such hold */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Hold 0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HoldsController_capture: {
        parameters: {
            query?: never;
            header?: {
                /** @description Up to 255 characters, scoped to this exact path. The same key and body replay the stored answer (status and body); the same key with another body is 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                holdId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaptureHoldDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "holdId": "0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10",
                     *       "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *       "asset": "rents",
                     *       "amount": "25.5",
                     *       "captured": "10",
                     *       "status": "captured",
                     *       "reason": "Order 8812 pending settlement",
                     *       "expiresAt": "2030-01-01T00:00:00.000Z",
                     *       "createdAt": "2025-03-01T12:00:00.000Z",
                     *       "endedAt": "2025-03-01T12:05:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Hold"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": "amount must not exceed the held amount"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such hold */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Hold 0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description Idempotency-Key reused with another body
             *
             *     The hold has already ended (captured, released or expired)
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "message": "Hold is already released"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HoldsController_release: {
        parameters: {
            query?: never;
            header?: {
                /** @description Up to 255 characters, scoped to this exact path. The same key and body replay the stored answer (status and body); the same key with another body is 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                holdId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "holdId": "0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10",
                     *       "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *       "asset": "rents",
                     *       "amount": "25.5",
                     *       "captured": null,
                     *       "status": "released",
                     *       "reason": "Order 8812 pending settlement",
                     *       "expiresAt": "2030-01-01T00:00:00.000Z",
                     *       "createdAt": "2025-03-01T12:00:00.000Z",
                     *       "endedAt": "2025-03-01T12:05:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Hold"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such hold */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Hold 0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description Idempotency-Key reused with another body
             *
             *     The hold has already ended (captured, released or expired)
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "message": "Hold is already released"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TokenActionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "action": "dailyLogin",
                     *         "type": "mining",
                     *         "token": "10",
                     *         "price": "0",
                     *         "category": "event",
                     *         "description": "Logged in today"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["TokenAction"][];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TokenActionsController_upsert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenActionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "action": "dailyLogin",
                     *       "type": "mining",
                     *       "token": "10",
                     *       "price": "0",
                     *       "category": "event",
                     *       "description": "Logged in today"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenAction"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "type must be one of mining, spending, buying"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Resource not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TokenActionsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such action */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Token action dailyLogin not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TokenActionsController_apply: {
        parameters: {
            query?: never;
            header?: {
                /** @description Up to 255 characters, scoped to this exact path. The same key and body replay the stored answer (status and body); the same key with another body is 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The user id (JWT `sub`) */
                userId: string;
                action: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "transactionId": "18",
                     *       "userId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *       "action": "dailyLogin",
                     *       "type": "mining",
                     *       "asset": "rents",
                     *       "amount": "10",
                     *       "balance": {
                     *         "asset": "rents",
                     *         "amount": "110",
                     *         "locked": "0",
                     *         "available": "110"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AppliedAction"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description No such action
             *
             *     No such user
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "message": "Idempotency key reused with a different request"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A spending action the user cannot afford */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 422,
                     *       "message": "Insufficient funds in rents"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The user is frozen and this moves the user's own money */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 423,
                     *       "message": "User 68e057fe-0aec-03db-20f8-5f811abf7da6 is frozen"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExchangeRatesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rootAsset": "usd",
                     *       "rates": [
                     *         {
                     *           "asset": "btc",
                     *           "rate": "65000",
                     *           "updatedAt": "2025-03-01T12:00:00.000Z"
                     *         },
                     *         {
                     *           "asset": "usd",
                     *           "rate": "1",
                     *           "updatedAt": "2025-03-01T12:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ExchangeRates"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExchangeRatesController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset code (case-insensitive) */
                asset: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asset": "btc",
                     *       "history": [
                     *         {
                     *           "rate": null,
                     *           "changedAt": "2025-03-02T12:00:00.000Z"
                     *         },
                     *         {
                     *           "rate": "65000.5",
                     *           "changedAt": "2025-03-01T12:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ExchangeRateHistory"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown asset, or (DELETE) an asset without a quote */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Asset xmr has no quote"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExchangeRatesController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset code (case-insensitive) */
                asset: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExchangeRateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asset": "btc",
                     *       "rate": "65000.5",
                     *       "updatedAt": "2025-03-01T12:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ExchangeRate"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": "The root asset usd is always quoted at 1"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown asset, or (DELETE) an asset without a quote */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Asset xmr has no quote"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExchangeRatesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset code (case-insensitive) */
                asset: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": "The root asset usd cannot be unquoted"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown asset, or (DELETE) an asset without a quote */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Asset xmr has no quote"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProductsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "productType": "room",
                     *         "productId": "demo-room",
                     *         "ownerId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *         "asset": "rents",
                     *         "options": [
                     *           {
                     *             "plan": "free",
                     *             "price": "0"
                     *           },
                     *           {
                     *             "plan": "subscription_month",
                     *             "price": "15"
                     *           }
                     *         ]
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["Product"][];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProductsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productType: string;
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "productType": "room",
                     *       "productId": "demo-room",
                     *       "ownerId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *       "asset": "rents",
                     *       "options": [
                     *         {
                     *           "plan": "free",
                     *           "price": "0"
                     *         },
                     *         {
                     *           "plan": "subscription_month",
                     *           "price": "15"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Product room/nope not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProductsController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productType: string;
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "productType": "room",
                     *       "productId": "demo-room",
                     *       "ownerId": "d3e84bed-94bb-59c1-bbf1-fcfea251e84b",
                     *       "asset": "rents",
                     *       "options": [
                     *         {
                     *           "plan": "free",
                     *           "price": "0"
                     *         },
                     *         {
                     *           "plan": "subscription_month",
                     *           "price": "15"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "options.0.plan must be one of free, one_time_payment, subscription_week, subscription_month, subscription_6_months, subscription_year"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Resource not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    LedgerCheckController_run: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `ok: true` with no failures when every invariant holds; otherwise each failure (at most 100) names its rule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": false,
                     *       "counts": {
                     *         "transactions": 120,
                     *         "entries": 240,
                     *         "accounts": 31,
                     *         "auditRecords": 9
                     *       },
                     *       "failures": [
                     *         {
                     *           "rule": "balance_matches_entries",
                     *           "detail": "account 7 (alice/usd): balance 10 but entries sum to 12"
                     *         },
                     *         {
                     *           "rule": "audit_chain",
                     *           "detail": "audit record 5 is missing"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["LedgerCheck"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TestClockController_advance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdvanceClockDto"];
            };
        };
        responses: {
            /** @description The new time */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "now": "2025-03-02T12:00:00.000Z",
                     *       "offsetSeconds": 86400
                     *     }
                     */
                    "application/json": components["schemas"]["TestClock"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "seconds must be a whole number"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The test clock is off (ENABLE_TEST_CLOCK is not true) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "The test clock is disabled (ENABLE_TEST_CLOCK)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AssetTotalsController_totals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rootAsset": "usd",
                     *       "assets": [
                     *         {
                     *           "asset": "btc",
                     *           "scale": 8,
                     *           "accounts": 2,
                     *           "amount": "0.5",
                     *           "locked": "0.1",
                     *           "rate": "65000",
                     *           "fundsInRootAsset": "32500"
                     *         },
                     *         {
                     *           "asset": "xmr",
                     *           "scale": 12,
                     *           "accounts": 1,
                     *           "amount": "3",
                     *           "locked": "0",
                     *           "rate": null,
                     *           "fundsInRootAsset": null
                     *         }
                     *       ],
                     *       "totalFundsInRootAsset": null
                     *     }
                     */
                    "application/json": components["schemas"]["AssetTotals"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SubscriptionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user id (JWT `sub`) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "3f1c2a9e-6b0d-4a51-9d55-0c1f0f7a8e21",
                     *         "userId": "68e057fe-0aec-03db-20f8-5f811abf7da6",
                     *         "productType": "room",
                     *         "productId": "demo-room",
                     *         "plan": "subscription_month",
                     *         "status": "active",
                     *         "currency": "rents",
                     *         "price": "10",
                     *         "walletAddress": null,
                     *         "periodIndex": 2,
                     *         "periodStart": "2025-03-01T12:00:00.000Z",
                     *         "periodEnd": "2025-04-01T12:00:00.000Z",
                     *         "createdAt": "2025-01-01T12:00:00.000Z",
                     *         "endedAt": null,
                     *         "endedReason": null
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["Subscription"][];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SubscriptionsController_expire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c2a9e-6b0d-4a51-9d55-0c1f0f7a8e21",
                     *       "userId": "68e057fe-0aec-03db-20f8-5f811abf7da6",
                     *       "productType": "room",
                     *       "productId": "demo-room",
                     *       "plan": "subscription_month",
                     *       "status": "expired",
                     *       "currency": "rents",
                     *       "price": "10",
                     *       "walletAddress": null,
                     *       "periodIndex": 2,
                     *       "periodStart": "2025-03-01T12:00:00.000Z",
                     *       "periodEnd": "2025-04-01T12:00:00.000Z",
                     *       "createdAt": "2025-01-01T12:00:00.000Z",
                     *       "endedAt": "2025-03-10T08:00:00.000Z",
                     *       "endedReason": "admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such subscription */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Subscription 3f1c2a9e-6b0d-4a51-9d55-0c1f0f7a8e21 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Already ended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "message": "Subscription 3f1c2a9e-6b0d-4a51-9d55-0c1f0f7a8e21 has already ended"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FreezesController_freeze: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user id (JWT `sub`) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FreezeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "68e057fe-0aec-03db-20f8-5f811abf7da6",
                     *       "frozen": {
                     *         "scope": "debits",
                     *         "reason": "Chargeback investigation #5521",
                     *         "since": "2025-03-01T12:00:00.000Z",
                     *         "by": "5b1f0c9e-2a7d-4c11-8e0a-9d3f7b6a1c42"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UserFreeze"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "scope must be one of all, debits"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    FreezesController_unfreeze: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user id (JWT `sub`) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "68e057fe-0aec-03db-20f8-5f811abf7da6",
                     *       "frozen": null
                     *     }
                     */
                    "application/json": components["schemas"]["UserFreeze"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "User with id:68e057fe-0aec-03db-20f8-5f811abf7da6 not found."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: number;
                /** @description Items per page, 1–100 (default 20); more is a 400 */
                per_page?: number;
                /** @description Alias of page */
                Page?: number;
                /** @description Alias of per_page */
                PerPage?: number;
                /** @description From this instant, inclusive: ISO 8601 (UTC when no zone) or epoch milliseconds; a day the month does not have is a 400 */
                from?: string;
                /** @description Before this instant, exclusive: ISO 8601 (UTC when no zone) or epoch milliseconds; a day the month does not have is a 400 */
                to?: string;
                /** @description Only this actor's records (their user id) */
                actor?: string;
                /** @description Only this action */
                action?: string;
                /** @description Only this target, exactly (`user:<id>`, `hold:<id>`, `exchange_rate:<asset>`, …) */
                target?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "filters": {
                     *         "action": "balance.adjust"
                     *       },
                     *       "paging": {
                     *         "page": 1,
                     *         "per_page": 20,
                     *         "total": 1
                     *       },
                     *       "data": [
                     *         {
                     *           "id": "42",
                     *           "at": "2025-03-01T12:00:00.000Z",
                     *           "actor": {
                     *             "id": "ops-1",
                     *             "username": "ops"
                     *           },
                     *           "surface": "rest",
                     *           "address": "203.0.113.7",
                     *           "action": "balance.adjust",
                     *           "target": "user:68e057fe-0aec-03db-20f8-5f811abf7da6",
                     *           "requestId": "5f0c6a52-0b2c-4d8e-a0f4-1b7f5f3b2c11",
                     *           "before": {
                     *             "asset": "usd",
                     *             "balance": "10",
                     *             "locked": "0"
                     *           },
                     *           "after": {
                     *             "asset": "usd",
                     *             "balance": "22.5",
                     *             "locked": "0",
                     *             "transactionId": "17"
                     *           },
                     *           "hash": "9f2c1d0e5b7a4c3e8d6f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "from must be an ISO 8601 date or epoch milliseconds, on a day the month has (2025-02-28, not 2025-02-30)"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f",
                     *           "url": "https://rooms.example.com/ledger-events",
                     *           "events": [
                     *             "transaction.committed"
                     *           ],
                     *           "description": "Rooms service",
                     *           "enabled": true,
                     *           "disabledReason": null,
                     *           "createdAt": "2025-03-01T12:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f",
                     *       "url": "https://rooms.example.com/ledger-events",
                     *       "events": [
                     *         "transaction.committed"
                     *       ],
                     *       "description": "Rooms service",
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "createdAt": "2025-03-01T12:00:00.000Z",
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3S6E0kLRTQw="
                     *     }
                     */
                    "application/json": components["schemas"]["NewWebhook"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": "url points to a loopback address (WEBHOOKS_ALLOW_PRIVATE is off)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["DeletedWebhook"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such webhook */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Webhook 0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f",
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3S6E0kLRTQw=",
                     *       "previousSecretSignsUntil": "2025-03-02T12:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["RotatedSecret"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such webhook */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Webhook 0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                /** @description Page number, from 1 */
                page?: number;
                /** @description Items per page, 1–100 (default 20); more is a 400 */
                per_page?: number;
                /** @description Alias of page */
                Page?: number;
                /** @description Alias of per_page */
                PerPage?: number;
            };
            header?: never;
            path: {
                /** @description The webhook id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "paging": {
                     *         "page": 1,
                     *         "per_page": 20,
                     *         "total": 1
                     *       },
                     *       "data": [
                     *         {
                     *           "eventId": "1042",
                     *           "eventType": "transaction.committed",
                     *           "status": "pending",
                     *           "attempts": 2,
                     *           "lastAttemptAt": "2025-03-01T12:05:05.000Z",
                     *           "lastStatus": 503,
                     *           "lastResponse": "Service Unavailable",
                     *           "lastError": "HTTP 503",
                     *           "nextAttemptAt": "2025-03-01T12:35:05.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DeliveriesPage"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "per_page must not be greater than 100"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such webhook */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "Webhook 0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook id */
                id: string;
                /** @description The event id */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "eventId": "1042",
                     *       "eventType": "transaction.committed",
                     *       "status": "pending",
                     *       "attempts": 2,
                     *       "lastAttemptAt": "2025-03-01T12:05:05.000Z",
                     *       "lastStatus": 503,
                     *       "lastResponse": "Service Unavailable",
                     *       "lastError": "HTTP 503",
                     *       "nextAttemptAt": "2025-03-01T12:40:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            /** @description Invalid request: malformed JSON, a body nested too deep, or a field that fails validation (the message names it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "message": [
                     *         "amount must be a number or a decimal string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "message": "Unauthorized"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "message": "Requires role: admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such webhook, or no delivery of that event to it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "message": "No delivery of event 1042 to webhook 0b7f5f3b-2c11-4d8e-a0f4-5f0c6a521b7f"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body over 100 kB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "message": "Request body too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A non-empty body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "message": "Request body must be JSON (Content-Type: application/json)"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this user; retry after the `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "message": "Too many requests"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (no details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 500,
                     *       "message": "Internal server error"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The instance is shutting down; retry on another */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "message": "Server is shutting down"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
