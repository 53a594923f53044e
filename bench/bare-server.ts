/**
 * The transport limit: a bare socket.io server on the same machine that authenticates nothing
 * and acknowledges every event with no work. Started by the benchmark as a child process.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.onAny((...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack === 'function') ack({ data: {}, error: { status: false, code: 0, message: '' } });
  });
});
http.listen(port, '127.0.0.1', () => {
  const address = http.address() as { port: number };
  process.stdout.write(`listening ${address.port}\n`);
});
