import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Parser } from '@asyncapi/parser';
import { ModulesContainer } from '@nestjs/core';
import type { Socket } from 'socket.io-client';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { AsyncApiContract } from '../support/asyncapi-contract.js';
import { call, connect } from '../support/socket-client.js';
import { adminToken } from '../support/tokens.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the document is walked as plain JSON */
type Doc = any;

/** The `@SubscribeMessage` events of every gateway the application runs (Nest's own metadata). */
function subscribedEvents(app: RunningApp): string[] {
  const events: string[] = [];
  for (const module of app.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const prototype = wrapper.metatype?.prototype as Record<string, unknown> | undefined;
      if (!prototype) continue;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value;
        const event = typeof handler === 'function' ? (Reflect.getMetadata('message', handler) as unknown) : undefined;
        if (typeof event === 'string') events.push(event);
      }
    }
  }
  return [...new Set(events)].sort();
}

/**
 * The AsyncAPI document (/docs/asyncapi.json) as third-party tools see it: valid by the AsyncAPI
 * parser, describing every event the gateways answer, served without a token. (Every socket
 * answer and push the e2e suite receives is checked against it too: socket-client.ts.)
 */
describe('the AsyncAPI document (/docs/asyncapi.json)', () => {
  let app: RunningApp;
  let doc: Doc;
  let response: Response;

  beforeAll(async () => {
    app = await startApp('sqlite');
    response = await fetch(`${app.url}/docs/asyncapi.json`);
    doc = await response.clone().json();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is served without a token, as JSON, with the security headers of every answer', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(doc.asyncapi).toBe('3.0.0');
  });

  it('is valid by the AsyncAPI parser: no errors (warnings are reported)', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(doc));
    const lines = diagnostics.map((d) => `  [${['error', 'warning', 'info', 'hint'][d.severity]}] ${d.code} at ${d.path.join('.') || '(root)'}: ${d.message}`);
    console.log(`AsyncAPI parser: ${diagnostics.length} diagnostics\n${lines.join('\n')}`);
    expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.operations().length).toBe(Object.keys(doc.operations).length);
  });

  it('describes exactly the balance:* events the gateways answer, each with its acknowledgement', () => {
    const contract = new AsyncApiContract(doc);
    expect([...contract.acks.keys()].sort()).toEqual(subscribedEvents(app));
    for (const [event, replies] of contract.acks) expect({ event, replies: replies.length }).toEqual({ event, replies: 2 });
  });

  it('describes the pushes (user_info, user:balance, admin:transaction, the close events) and every §9 event type with its webhook headers', () => {
    const contract = new AsyncApiContract(doc);
    expect([...contract.pushes.keys()].sort()).toEqual(['admin:transaction', 'too_many_connections', 'unauthorized', 'user:balance', 'user_info']);
    expect([...contract.webhooks.keys()].sort()).toEqual(
      ['hold.captured', 'hold.expired', 'hold.placed', 'hold.released', 'subscription.created', 'subscription.expired', 'subscription.renewed', 'transaction.committed', 'user.frozen', 'user.unfrozen'].sort(),
    );
    const committed = doc.components.messages.transactionCommitted;
    expect(committed.headers.required).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    expect(committed.payload.required).toEqual(expect.arrayContaining(['id', 'type', 'schemaVersion', 'createdAt', 'transactionId', 'entries']));
  });

  it('checks a webhook delivery as its receiver gets it: payload and Standard Webhooks headers', () => {
    const contract = new AsyncApiContract(doc);
    const event = {
      id: '42',
      type: 'transaction.committed',
      schemaVersion: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      transactionId: '7',
      kind: 'posting',
      action: 'donation',
      entries: [{ userId: 'u1', account: 'user:u1', asset: 'rents', amount: '-5', type: 'spending', action: 'donation', balanceAfter: '95' }],
    };
    const headers = { 'webhook-id': '42', 'webhook-timestamp': '1767225600', 'webhook-signature': 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=' };
    expect(contract.checkWebhook(event, headers)).toBeNull();
    expect(contract.checkWebhook({ ...event, entries: [{ ...event.entries[0], amount: -5 }] }, headers)).toMatch(/amount must be string/);
    expect(contract.checkWebhook(event, { ...headers, 'webhook-signature': 'sha256=abc' })).toMatch(/webhook-signature/);
  });

  describe('checking real messages', () => {
    let socket: Socket;
    beforeAll(async () => {
      socket = await connect(app, adminToken('asyncapi-admin'));
    });
    afterAll(() => {
      socket?.close();
    });

    it('every documented request event is answered by a handler (never the 404 of an unknown event)', async () => {
      for (const event of new AsyncApiContract(doc).acks.keys()) {
        const answer = await call(socket, event, { data: {} });
        expect({ event, message: answer.error.message }).not.toEqual({ event, message: 'Resource not found' });
      }
    });

    it('refuses an answer that drifts from the document', () => {
      const contract = new AsyncApiContract(doc);
      expect(contract.checkAck('balance:getTransactions', { data: { transactions: { spending: {}, mining: {}, buying: {} }, token: 0 }, error: { status: false, code: 0, message: '' } })).toBeNull();
      expect(contract.checkAck('balance:getTransactions', { data: { transactions: { spending: { donation: '5' }, mining: {}, buying: {} }, token: 0 }, error: { status: false, code: 0, message: '' } })).toMatch(/must be number/);
      expect(contract.checkAck('balance:donateToken', { error: { status: true, code: 418, message: 'teapot' } })).toMatch(/allowed values/);
      expect(contract.checkAck('balance:noSuchEvent', { error: { status: true, code: 404, message: 'Resource not found' } })).toBeNull();
      expect(contract.checkPush('user:balance', { data: { token: 5 }, error: { status: false, code: 0, message: '' } })).toMatch(/transactions/);
      expect(contract.checkPush('balance:surprise', {})).toMatch(/does not describe/);
    });
  });
});
