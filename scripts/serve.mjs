/**
 * One production server worker, forked by scripts/start.mjs: Next's own request handler, as
 * `next start` runs it, serving the connections that the primary process accepts on the port and
 * passes in (it chooses the worker with the fewest open connections; `next start` listens itself
 * and would leave that to node:cluster's round robin).
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

if (!process.send) throw new Error('scripts/serve.mjs is a worker of scripts/start.mjs (npm start); run that instead.');
const send = process.send.bind(process);

// Next chooses its production behaviour from NODE_ENV as it loads, so set it before importing.
process.env.NODE_ENV ??= 'production';
const { default: next } = await import('next');

const { values: args } = parseArgs({
  options: { port: { type: 'string' }, hostname: { type: 'string' } },
  strict: false,
});
const port = Number(args.port);
const hostname = typeof args.hostname === 'string' ? args.hostname : undefined;

const server = createServer((req, res) => {
  // Next's handler answers its own errors; this catches only a failure of the handler itself.
  handle(req, res).catch((err) => {
    console.error(`[serve] request for ${req.url} failed`, err);
    if (res.headersSent) res.destroy();
    else {
      res.statusCode = 500;
      res.end('Internal Server Error');
    }
  });
});
const app = next({ dev: false, dir: process.cwd(), hostname, port, httpServer: server });
const handle = app.getRequestHandler();

process.on('message', (message, socket) => {
  if (message?.type !== 'uap:connection' || !socket) return;
  socket.once('close', () => process.connected && send({ type: 'uap:closed' }));
  // What the HTTP server does to a socket it accepts itself: without it, Nagle's algorithm held a
  // response's last small write for the client's delayed ACK, ~40 ms on every request.
  socket.setNoDelay(true);
  server.emit('connection', socket);
  socket.resume(); // accepted paused, so that no byte was read before the parser was attached
});

process.title = 'next-server';
await app.prepare();
send({ type: 'uap:ready' });

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  server.closeIdleConnections();
  app.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
