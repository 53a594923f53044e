import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { UsersService } from '../../src/auth/users.service.js';
import { Clock } from '../../src/common/clock.js';
import { startApp, startAppOn, type RunningApp } from '../support/app-harness.js';
import { bo, http } from '../support/http-client.js';
import { call, connect } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const YEAR_S = 365 * 86_400;
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

describe.each(DATABASE_KINDS)('a test-clock offset left in the database on %s', (kind) => {
  const running: RunningApp[] = [];
  afterAll(async () => {
    for (const app of running.slice(1)) await app.app.close().catch(() => undefined);
    await running[0]?.close();
  });

  it('moves time only while the test clock is on; with it off it is ignored, with a warning', async () => {
    const staging = await startApp(kind, { ENABLE_TEST_CLOCK: 'true' });
    running.push(staging);
    expect((await http(staging).post(bo('/test-clock/advance'), { seconds: YEAR_S })).status).toBe(200);
    await staging.app.close();

    // The same database with the test clock still on: a year ahead, as the test clock promised.
    const clocked = await startAppOn(staging.database, { ENABLE_TEST_CLOCK: 'true' });
    running.push(clocked);
    expect(clocked.app.get(Clock).now() - Date.now()).toBeGreaterThanOrEqual(YEAR_S * 1000 - 60_000);
    await clocked.app.close();

    // A real server on that database: real time, and a warning that the offset is there.
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const production = await startAppOn(staging.database, {});
    running.push(production);
    const warnings = warn.mock.calls.map((args) => String(args[0]));
    warn.mockRestore();
    expect(warnings).toContainEqual(expect.stringMatching(/test-clock offset of 31536000 s; it is ignored because ENABLE_TEST_CLOCK is off/));
    expect(Math.abs(production.app.get(Clock).now() - Date.now())).toBeLessThan(60_000);

    const api = http(production);
    await production.app.get(UsersService).upsert({ id: 'clock-user', username: 'clock-user', email: null, roles: [], currency: null });
    expect((await api.post(bo('/user/clock-user/adjustments'), { asset: 'rents', amount: '20', comment: 'funding' })).status).toBe(201);
    const hold = await api.post(bo('/user/clock-user/holds'), { asset: 'rents', amount: '1', reason: 'real time', expiresAt: inAnHour() });
    expect({ status: hold.status, message: hold.body.message }).toEqual({ status: 201, message: undefined });

    const socket = await connect(production, tokenFor('clock-user'));
    try {
      const created = await call(socket, 'balance:createRoomSubscription', { data: { roomId: 'demo-room', subscriptionPlan: 'subscription_week' } });
      expect(created.error.code).toBe(0);
      const [subscription] = (await call(socket, 'balance:getSubscriptions')).data!.subscriptions as Array<Record<string, string>>;
      const start = Date.parse(subscription.periodStart);
      expect(Math.abs(start - Date.now())).toBeLessThan(60_000);
    } finally {
      socket.close();
    }
  });
});
