import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { parseIpv4, refusalOf } from '../../src/webhooks/address-policy.js';
import { EndpointAgents } from '../../src/webhooks/endpoint-agents.js';
import { connectionsTo, postOnce } from '../../src/webhooks/webhook-client.js';
import { checkedTarget, registrableUrl, type ResolveAll } from '../../src/webhooks/webhook-url.js';

describe('webhook address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['169.254.169.254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fd00::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['[::1]', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(refusalOf(address)).toBe(reason);
  });

  it.each(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '1.1.1.1'])('allows the public address %s', (address) => {
    expect(refusalOf(address)).toBeNull();
  });

  it('refuses IPv4-mapped forms of public addresses too (no receiver needs them)', () => {
    expect(refusalOf('::ffff:1.1.1.1')).toBe('IPv4-mapped address');
  });

  it.each([
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['0xa9.0xfe.0xa9.0xfe', '169.254.169.254'],
    ['017700000001', '127.0.0.1'],
  ])('reads the IPv4 encoding %s as %s', (text, dotted) => {
    const value = parseIpv4(text)!;
    expect([24, 16, 8, 0].map((s) => (value >>> s) & 255).join('.')).toBe(dotted);
    expect(refusalOf(text)).not.toBeNull();
  });

  it.each(['example.com', '1.2.3.4.5', '256.1.1.1', '08.1.1.1', '0x'])('does not take %s for an IPv4 address it is not', (text) => {
    if (text === '0x') return expect(parseIpv4(text)).toBe(0);
    expect(parseIpv4(text)).toBeNull();
  });

  it('refuses registering literal private hosts in every URL spelling', () => {
    for (const url of ['http://2130706433/', 'http://0x7f.0.0.1/', 'http://[::ffff:7f00:1]/', 'http://[0:0:0:0:0:ffff:a9fe:a9fe]/', 'http://LOCALHOST./', 'http://a.localhost/']) {
      expect(() => registrableUrl(url, false)).toThrow(/WEBHOOKS_ALLOW_PRIVATE is off/);
      expect(registrableUrl(url, true)).toBeInstanceOf(URL);
    }
    expect(() => registrableUrl('file:///etc/passwd', true)).toThrow('url must be an absolute http or https URL');
    expect(() => registrableUrl('https://user:pw@example.com/', true)).toThrow('url must not contain credentials');
  });
});

describe('webhook attempts and DNS rebinding', () => {
  /** A resolver under the test's control: each call answers the next list. */
  const resolverOf = (...answers: string[][]): ResolveAll => {
    let call = 0;
    return () => {
      const addresses = answers[Math.min(call++, answers.length - 1)];
      return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
    };
  };

  it('checks every address a name resolves to at each attempt: a name that now resolves privately is refused', async () => {
    const resolve = resolverOf(['93.184.215.14'], ['127.0.0.1']);
    const url = new URL('http://rebind.example/hook');
    expect(await checkedTarget(url, false, resolve)).toEqual({ address: '93.184.215.14', family: 4 });
    await expect(checkedTarget(url, false, resolve)).rejects.toThrow('refused address 127.0.0.1 of rebind.example: loopback');
    await expect(checkedTarget(url, false, resolverOf(['93.184.215.14', '10.0.0.7']))).rejects.toThrow('refused address 10.0.0.7 of rebind.example: private');
    await expect(checkedTarget(url, false, resolverOf(['::ffff:169.254.169.254']))).rejects.toThrow('metadata');
  });

  it('connects to the checked address, never resolving the name again, and keeps the Host header', async () => {
    const seen: Array<string | undefined> = [];
    const server = createServer((request, response) => {
      seen.push(request.headers.host);
      response.writeHead(200).end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      // The name resolves nowhere real: only the pinned, checked address can be reached.
      const url = new URL(`http://rebind.invalid:${port}/hook`);
      const target = await checkedTarget(url, true, resolverOf(['127.0.0.1']));
      const result = await postOnce(url, target, {}, '{}', 5000);
      expect(result).toEqual({ ok: true, status: 200, body: 'ok', error: null });
      expect(seen).toEqual([`rebind.invalid:${port}`]);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('keeps a connection open per checked address: a name that resolves elsewhere gets a new connection to the new address, never the old one', async () => {
    const seen: Array<{ local: string; remotePort: number }> = [];
    const server = createServer((request, response) => {
      seen.push({ local: request.socket.localAddress!, remotePort: request.socket.remotePort! });
      response.writeHead(204).end();
    });
    // Every loopback address reaches a server listening on all of them.
    await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
    const { port } = server.address() as AddressInfo;
    const agents = new EndpointAgents();
    try {
      const url = new URL(`http://rebind.invalid:${port}/hook`);
      const resolve = resolverOf(['127.0.0.1'], ['127.0.0.2'], ['127.0.0.1']);
      for (let attempt = 0; attempt < 3; attempt++) {
        const target = await checkedTarget(url, true, resolve);
        expect(await postOnce(url, target, {}, '{}', 5000, agents.for(url, target))).toMatchObject({ ok: true, status: 204 });
      }
      expect(seen.map((s) => s.local)).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.1']);
      // The third attempt went over the first attempt's connection, kept open; the second had its own.
      expect(seen[2].remotePort).toBe(seen[0].remotePort);
      expect(seen[1].remotePort).not.toBe(seen[0].remotePort);
    } finally {
      agents.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('bounds the whole attempt by its timeout: one waiting for a connection past its deadline fails then and is never sent', async () => {
    // Accepts and reads, never answers.
    let posts = 0;
    const silent = createTcpServer((socket) => socket.on('data', (data) => (posts += data.toString().split('POST ').length - 1)));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as AddressInfo;
    const url = new URL(`http://127.0.0.1:${port}/hook`);
    const target = { address: '127.0.0.1', family: 4 as const };
    // One connection: the second attempt waits for it behind the first.
    const connections = connectionsTo(url, target, 1, 4000);
    try {
      const [first, second] = await Promise.all([postOnce(url, target, {}, '{}', 600, connections), postOnce(url, target, {}, '{}', 200, connections)]);
      expect(first).toEqual({ ok: false, status: null, body: null, error: 'timed out after 0.6 s' });
      expect(second).toEqual({ ok: false, status: null, body: null, error: 'timed out after 0.2 s' });
      // The first attempt's connection is closed at its deadline; the second, given the next one, is not sent.
      await new Promise((r) => setTimeout(r, 300));
      expect(posts).toBe(1);
    } finally {
      await connections.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});
