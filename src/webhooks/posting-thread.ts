/**
 * The thread that sends webhook requests (started by WebhookPoster). It holds the kept-open
 * connections and does the HTTP work of every attempt, so that a burst of deliveries costs the
 * thread that serves clients and commits the ledger only a message each way.
 */
import { parentPort } from 'node:worker_threads';
import { EndpointAgents } from './endpoint-agents.js';
import { postOnce } from './webhook-client.js';
import type { PostRequest, PostResponse } from './webhook-poster.js';

const agents = new EndpointAgents();
const port = parentPort!;

/** Results of this turn of the event loop, sent back together (a message costs far more than its size). */
let results: PostResponse[] = [];

function answer(response: PostResponse): void {
  if (results.length === 0) {
    setImmediate(() => {
      port.postMessage(results);
      results = [];
    });
  }
  results.push(response);
}

port.on('message', (requests: PostRequest[] | 'close') => {
  if (requests === 'close') {
    agents.destroy();
    port.close();
    return;
  }
  for (const request of requests) {
    const url = new URL(request.url);
    void postOnce(url, request.target, request.headers, request.body, request.timeoutMs, agents.for(url, request.target)).then((result) => answer({ id: request.id, result }));
  }
});
