/**
 * `npm run start:cluster -- [--instances N] [--port P]`: N instances of `next start` (one per core
 * by default) behind HAProxy on port P (default 3000), as deployed (scripts/cluster.ts). Needs a
 * production build (`npm run build`), AUTH_SECRET and DATABASE_URL. Ctrl-C (or SIGTERM) stops
 * every process it started.
 */
import os from 'node:os';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from '@/lib/config';
import { HAPROXY_CONFIG, startCluster } from './cluster';

async function main() {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', default: String(os.availableParallelism()) },
      port: { type: 'string', default: '3000' },
    },
  });
  const instances = Number(values.instances);
  const port = Number(values.port);
  if (!Number.isInteger(instances) || instances < 1) throw new ConfigError('--instances must be a whole number ≥ 1');
  if (!Number.isInteger(port) || port < 1 || port > 65_535 - instances) throw new ConfigError('--port must be a port');
  const config = readConfig({ ...process.env, NODE_ENV: 'production' });
  if (!config.DATABASE_URL) {
    throw new ConfigError('start:cluster needs DATABASE_URL=postgres://… (one server shared by every instance).');
  }
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'uap-cluster-'));
  const cluster = await startCluster({ instances, port, env: { ...process.env, NODE_ENV: 'production' }, logDir });
  console.log(
    `${cluster.url}: HAProxy (${HAPROXY_CONFIG}) in front of ${instances} × next start on ${cluster.instanceUrls.join(', ')}; logs in ${logDir}; Ctrl-C stops all`,
  );
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await cluster.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(0));
  for (const child of cluster.children) {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`${child.spawnargs.join(' ')} exited (${signal ?? code}); stopping the cluster`);
      void shutdown(1);
    });
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
