import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { bo, http, type HttpClient } from '../support/http-client.js';
import { call, socketPool } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

const OK = { status: false, code: 0, message: '' };
const ROOM = 'net-room';

/**
 * M3: a network-admin acts only on users of its own network (CONTRACT §10). A user's network is
 * the `network` claim it last authenticated with, NETWORK_ID (`default`) without one.
 */
describe.each(DATABASE_KINDS)('network admins are held to their network on %s', (kind) => {
  let app: RunningApp;
  let api: HttpClient;
  const { open, closeAll } = socketPool(() => app);
  /** A user who authenticated with `network` (none: no claim), funded and subscribed to a paid yearly plan. */
  const subscriber = async (id: string, network?: string) => {
    const socket = await open(tokenFor(id, network === undefined ? {} : { network }));
    expect((await api.post(bo(`/user/${id}/adjustments`), { asset: 'rents', amount: '500', comment: 'funding' })).status).toBe(201);
    const created = await call(socket, 'balance:createRoomSubscription', { data: { roomId: ROOM, subscriptionPlan: 'subscription_year' } });
    expect(created.error).toEqual(OK);
    return socket;
  };
  const statusOf = async (socket: Socket) => {
    const listed = await call(socket, 'balance:getSubscriptions');
    return (listed.data!.subscriptions as Array<{ roomId: string; status: string }>).find((s) => s.roomId === ROOM)?.status;
  };
  const expire = (admin: Socket, targetUser: string, eventId?: string) =>
    call(admin, 'balance:expireRoomSubscription', { data: { roomId: ROOM, targetUser }, ...(eventId ? { event: { id: eventId } } : {}) });

  beforeAll(async () => {
    app = await startApp(kind);
    api = http(app);
    expect((await api.put(bo(`/products/room/${ROOM}`), { options: [{ plan: 'free', price: '0' }, { plan: 'subscription_year', price: '150' }] })).status).toBe(200);
  });
  afterAll(async () => {
    closeAll();
    await app?.close();
  });

  it("refuses a netA network-admin another network's user with 403 and changes nothing; expires its own network's", async () => {
    const victim = await subscriber('victim');
    const neighbour = await subscriber('neighbour', 'netA');
    const netAdmin = await open(tokenFor('net-a-admin', { network: 'netA', roles: ['network-admin'] }));

    const refused = await expire(netAdmin, 'victim', 'expire-victim');
    expect(refused).toEqual({ error: { status: true, code: 403, message: 'User victim is not in your network' } });
    expect(await statusOf(victim)).toBe('active');
    expect((await api.get(bo('/user/victim/subscriptions'))).body).toEqual([expect.objectContaining({ status: 'active', endedAt: null })]);
    // The refusal is the stored answer of its event id, and a retry still changes nothing.
    expect(await expire(netAdmin, 'victim', 'expire-victim')).toEqual(refused);
    expect(await statusOf(victim)).toBe('active');

    const expired = await expire(netAdmin, 'neighbour');
    expect(expired.error).toEqual(OK);
    expect(expired.data!.subscription).toMatchObject({ roomId: ROOM, status: 'expired' });
    expect(await statusOf(neighbour)).toBe('expired');
  });

  it('answers 404 for an unknown user, and lets a network-admin of the default network act on users without a claim', async () => {
    const netAdmin = await open(tokenFor('net-a-admin-2', { network: 'netA', roles: ['network-admin'] }));
    expect((await expire(netAdmin, 'nobody-at-all')).error).toEqual({ status: true, code: 404, message: 'User nobody-at-all not found' });

    const plain = await subscriber('plain-user');
    const defaultAdmin = await open(tokenFor('default-admin', { network: 'default', roles: ['network-admin'] }));
    expect((await expire(defaultAdmin, 'plain-user')).error).toEqual(OK);
    expect(await statusOf(plain)).toBe('expired');
  });

  it('follows the network a user last authenticated with', async () => {
    const before = await subscriber('mover');
    const netAdmin = await open(tokenFor('net-a-admin-3', { network: 'netA', roles: ['network-admin'] }));
    expect((await expire(netAdmin, 'mover')).error).toMatchObject({ code: 403 });
    before.close();
    const after = await open(tokenFor('mover', { network: 'netA' }));
    expect((await expire(netAdmin, 'mover')).error).toEqual(OK);
    expect(await statusOf(after)).toBe('expired');
  });

  it('keeps admins global: the backoffice and a socket admin may expire any network\'s subscription', async () => {
    const far = await subscriber('far-user', 'netB');
    const socketAdmin = await open(tokenFor('global-admin', { network: 'netA', roles: ['admin', 'network-admin'] }));
    expect((await expire(socketAdmin, 'far-user')).error).toEqual(OK);
    expect(await statusOf(far)).toBe('expired');

    const farther = await subscriber('farther-user', 'netC');
    const [subscription] = (await api.get(bo('/user/farther-user/subscriptions'))).body as Array<{ id: string }>;
    expect(await api.post(bo(`/subscriptions/${subscription.id}/expire`))).toMatchObject({ status: 200, body: { status: 'expired' } });
    expect(await statusOf(farther)).toBe('expired');
  });
});
