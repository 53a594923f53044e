import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { addLegacyUser, legacyCall, sha1Hex, usdBalance } from '../support/legacy-client.js';
import { parseStrictXml, xmlTextAt } from '../support/strict-xml.js';
import { DATABASE_KINDS } from '../support/test-databases.js';

/**
 * Every value in a legacy answer is text: an `&` that looks like the start of a reference is
 * escaped too, so the client's XML parser reads the answer (which reports an update that has
 * already committed: an unreadable one would make the integration send it again).
 */
const SECRET = 'legacy-xml-secret-0123456789';

describe.each(DATABASE_KINDS)('legacy XML answers with markup in values on %s', (kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(kind, { LEGACY_API_SECRET: SECRET });
    await addLegacyUser(app, { id: 'ops-1', username: 'ops', roles: ['admin'] });
    await addLegacyUser(app, { id: 'amp-1', username: 'x&foo;<b>' });
    await addLegacyUser(app, { id: 'amp-2', username: '&amp;&#38;&lt;' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each([
    ['amp-1', 'x&foo;<b>'],
    ['amp-2', '&amp;&#38;&lt;'],
  ])('answers an update of %s with a well-formed document whose username reads back exactly', async (userId, username) => {
    const form = { user_id: userId, balance: '1.25', request_id: `xml-${userId}`, u: 'ops', hash: sha1Hex(userId, '1.25', `xml-${userId}`, SECRET) };
    const answer = await legacyCall(app.url, '/billing/api/user_balance_update', { form });
    expect(answer.status).toBe(200);
    const root = parseStrictXml(answer.body);
    expect(xmlTextAt(root, ['page', 'page', 'status'])).toBe('User balance updated');
    expect(xmlTextAt(root, ['page', 'page', 'user', 'username'])).toBe(username);
    expect(xmlTextAt(root, ['page', 'page', 'user', 'id'])).toBe(userId);
    expect(xmlTextAt(root, ['page', 'page', 'user', 'balance'])).toBe('1.25');
    expect(await usdBalance(app, userId)).toBe(125n);
  });
});
