/**
 * One production server worker, forked by scripts/start.mjs: Next's own request handler, as
 * `next start` runs it, serving the connections that the primary process accepts on the port and
 * passes in (it chooses the worker with the fewest open connections; `next start` listens itself
 * and would leave that to node:cluster's round robin).
 *
 * Requests pass an admission gate (scripts/admission.mjs): RENDER_CONCURRENCY at once (default 4),
 * the rest queued in arrival order; past RENDER_QUEUE_MAX waiting (default 2,000) a request is
 * answered 503 at once. Static files and ledger exports skip the gate: the first cost next to
 * nothing, and an export streams for seconds, so a few downloads would otherwise stall every page.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createGate } from './admission.mjs';
import { serverSettings } from './settings.mjs';

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

// The primary has warned about any bad value already; the workers read the same environment.
const { renderConcurrency, renderQueueMax } = serverSettings(process.env, () => {});
const gate = createGate(renderConcurrency, renderQueueMax);
const UNGATED = ['/_next/static/', '/api/exports/', '/favicon.ico'];

const server = createServer((req, res) => {
  if (UNGATED.some((prefix) => req.url?.startsWith(prefix))) {
    run(req, res);
    return;
  }
  let running = false;
  const withdraw = gate.enter(() => {
    running = true;
    run(req, res);
  });
  if (withdraw === null) {
    // Far more than this worker can catch up on: say so now rather than let the client time out.
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
    res.end('服务繁忙，请稍后再试。\nThe service is busy; please try again shortly.\n');
    return;
  }
  // A client that goes away while waiting gives up its place; one that was served frees its slot.
  res.once('close', () => (running ? gate.leave() : withdraw()));
});

/** Next's handler answers its own errors; this catches only a failure of the handler itself. */
function run(req, res) {
  handle(req, res).catch((err) => {
    console.error(`[serve] request for ${req.url} failed`, err);
    if (res.headersSent) res.destroy();
    else {
      res.statusCode = 500;
      res.end('Internal Server Error');
    }
  });
}

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
