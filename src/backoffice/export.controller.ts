import { Get, Query, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { Clock } from '../common/clock.js';
import { invalid } from '../common/errors.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerExport } from '../ledger/ledger-export.js';
import type { ExportFilter } from '../ledger/ledger.types.js';
import { ApiInvalid, BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { BackofficeUsers } from './backoffice-users.js';
import { CSV_HEADER, exportWriter } from './export-formats.js';
import { exportStream } from './export-stream.js';
import { ExportQueryDto } from './export.dto.js';
import { bodyAsset } from './request-values.js';
import { parseRfc3339 } from './rfc3339.js';

const RFC3339_MESSAGE = 'must be an RFC 3339 date-time with a zone offset, such as 2026-11-30T23:59:59Z';

const CSV_EXAMPLE = `${CSV_HEADER}\r\n17,2026-11-30T12:00:00.000Z,adjustment,adjustment,68e057fe-0aec-03db-20f8-5f811abf7da6,68e057fe-0aec-03db-20f8-5f811abf7da6,usd,12.5,buying,112.5,"Goodwill, ticket #4711",\r\n17,2026-11-30T12:00:00.000Z,adjustment,adjustment,,system:issuer,usd,-12.5,system,-1012.5,"Goodwill, ticket #4711",\r\n`;
/** Each line of an NDJSON export is one document: an entry, or the last line. */
const NDJSON_EXAMPLES = {
  entry: {
    summary: 'An entry',
    value: { transactionId: '17', createdAt: '2026-11-30T12:00:00.000Z', kind: 'donation', action: 'donation', userId: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b', account: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b', asset: 'rents', amount: '-5', type: 'spending', balanceAfter: '95' },
  },
  end: { summary: 'The last line', value: { end: true, count: 2 } },
};

/** The ledger as a file, for accountants and auditors: every entry of the matching transactions, from one snapshot. */
@BackofficeController('history')
export class ExportController {
  constructor(
    private readonly users: BackofficeUsers,
    private readonly assets: AssetRegistry,
    private readonly ledgerExport: LedgerExport,
    private readonly clock: Clock,
  ) {}

  @Get('transactions/export')
  @ApiOperation({
    summary: 'Export ledger entries as CSV or NDJSON',
    description:
      'Streams every entry of every matching transaction (both sides, system accounts included), whole transactions only, in transaction id order, ' +
      'all from one snapshot of the ledger: what commits while the download runs is not in it. The filters select transactions: `from` inclusive, ' +
      '`to` exclusive, on the transaction time; `userId` and `asset` keep the transactions with an entry on that user, in that asset (both: on that ' +
      "user's account of that asset). A download cut short is resumed with `after=` the last transaction id received whole (with a `to` more than 5 s " +
      'in the past, the resumed file is exactly the rest). CSV (RFC 4180, CRLF, header row) has `kind`, `action` and `comment` cells that begin with ' +
      '`=`, `+`, `-`, `@`, tab or CR prefixed with `\'`; `user_id` is empty on system accounts; `action` is the entry\'s. NDJSON has one entry per ' +
      'line and ends with `{"end":true,"count":N}` (N entries): a file without that line was cut short.',
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    description: 'The file, streamed (chunked); cut off, not ended, if the server fails mid-way',
    headers: { 'Content-Disposition': { description: 'attachment; filename="ledger-export-<time>.csv" (or .ndjson)', schema: { type: 'string' } } },
    content: {
      'text/csv': { schema: { type: 'string' }, example: CSV_EXAMPLE },
      'application/x-ndjson': { schema: ref('ExportLine'), examples: NDJSON_EXAMPLES },
    },
  })
  @ApiInvalid(`from ${RFC3339_MESSAGE}`, 'refused')
  @ApiNotFoundResponse({ description: 'No such user (`userId`), or no such transaction (`after`)', schema: ref('Error'), example: { statusCode: 404, message: 'Transaction 17 not found' } })
  async export(@Query() query: ExportQueryDto): Promise<StreamableFile> {
    const filter = await this.filterOf(query);
    const writer = exportWriter(query.format ?? 'csv');
    const reader = await this.ledgerExport.open(filter);
    const stamp = new Date(this.clock.now()).toISOString().replace(/[-:]|\.\d+/g, '');
    return new StreamableFile(exportStream(reader, writer), { type: writer.contentType, disposition: `attachment; filename="ledger-export-${stamp}.${writer.extension}"` });
  }

  private async filterOf(query: ExportQueryDto): Promise<ExportFilter> {
    const instant = (field: 'from' | 'to') => {
      const value = query[field];
      if (value === undefined) return undefined;
      const ms = parseRfc3339(value);
      if (ms === null) throw invalid(`${field} ${RFC3339_MESSAGE}`);
      return ms;
    };
    const from = instant('from');
    const to = instant('to');
    if (from !== undefined && to !== undefined && from > to) throw invalid('from must not be after to');
    const asset = query.asset === undefined ? undefined : bodyAsset(this.assets, query.asset);
    if (query.userId !== undefined) await this.users.require(query.userId);
    return { from, to, asset, userId: query.userId, after: query.after };
  }
}
