/**
 * The transport limit for HTTP: a bare node:http server on the same machine that reads each
 * request's body and answers it with a legacy `user_balance_get` reply of the same size and
 * type, with no work at all. Started by the benchmark as a child process.
 */
import { createServer } from 'node:http';
import { renderBalance, XML_CONTENT_TYPE } from '../src/legacy-api/legacy-xml.js';

const port = Number(process.env.PORT ?? 0);
const reply = renderBalance('12.50');
const http = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': XML_CONTENT_TYPE, 'content-length': Buffer.byteLength(reply) });
    response.end(reply);
  });
});
http.listen(port, '127.0.0.1', () => {
  const address = http.address() as { port: number };
  process.stdout.write(`listening ${address.port}\n`);
});
