import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asyncContractOf, record } from './asyncapi-contract.js';

/** One request a receiver got. */
export interface ReceivedHook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly path: string;
}

/** How to answer a request: a status (and body), or never (the sender's timeout). */
export type HookAnswer = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number } | 'hang';

export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedHook[];
  /** The most requests with one `webhook-id` to one path that were ever open at once. */
  readonly mostAtOnce: () => number;
  /** TCP connections the receiver has accepted so far. */
  readonly connections: () => number;
  /** Decides each answer (default 204); may be changed at any time. */
  answer: (hook: ReceivedHook) => HookAnswer;
  /**
   * From now on, checks every request's body and headers against the AsyncAPI document of the
   * server at `serverUrl` (a mismatch fails the test, as for socket messages).
   */
  checkAgainst(serverUrl: string): void;
  /** Resolves once `count` requests (in total) have arrived, matching `filter` if given. */
  waitFor(count: number, filter?: (hook: ReceivedHook) => boolean, timeoutMs?: number): Promise<ReceivedHook[]>;
  close(): Promise<void>;
}

/** A real HTTP server on the loopback interface that records every webhook it receives. */
export async function startReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  const hanging = new Set<ServerResponse>();
  const waiters = new Set<() => void>();
  const open = new Map<string, number>();
  let mostAtOnce = 0;
  let contractUrl: string | null = null;
  const checkContract = (hook: ReceivedHook) => {
    if (!contractUrl) return;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(hook.body) as Record<string, unknown>;
    } catch {
      return record('webhook', `a webhook whose body is not JSON: ${hook.body.slice(0, 200)}`);
    }
    const headers = Object.fromEntries(Object.entries(hook.headers).map(([name, value]) => [name, String(value)]));
    void asyncContractOf(contractUrl).then(
      (contract) => record(`webhook ${String(body.type)}`, contract.checkWebhook(body, headers)),
      (error: Error) => record('webhook', `could not fetch the AsyncAPI document: ${error.message}`),
    );
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const hook = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), path: request.url ?? '/' };
      const id = `${request.url} ${String(request.headers['webhook-id'])}`;
      open.set(id, (open.get(id) ?? 0) + 1);
      mostAtOnce = Math.max(mostAtOnce, open.get(id)!);
      response.on('close', () => open.set(id, open.get(id)! - 1));
      received.push(hook);
      checkContract(hook);
      const answer = receiver.answer(hook);
      if (answer === 'hang') hanging.add(response);
      else setTimeout(() => response.writeHead(answer.status, answer.headers).end(answer.body ?? ''), answer.delayMs ?? 0);
      for (const wake of waiters) wake();
    });
  });
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}`,
    received,
    mostAtOnce: () => mostAtOnce,
    connections: () => connections,
    answer: () => ({ status: 204 }),
    checkAgainst: (serverUrl) => void (contractUrl = serverUrl),
    waitFor: (count, filter = () => true, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const matching = received.filter(filter);
          if (matching.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(matching);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} webhooks within ${timeoutMs} ms, got ${received.filter(filter).length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}
