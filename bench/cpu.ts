import { readdirSync, readFileSync } from 'node:fs';
import type { SqlClient } from './database';

/**
 * CPU time per request under load: req/s on a shared two-core machine moves ±15–30 % from run to
 * run, while the CPU a request costs the server and the database is steady, and tells where to look.
 * Read from Linux's /proc (user + system time); elsewhere the column stays empty.
 */

/** USER_HZ: the unit of /proc/<pid>/stat's times, 100 on every mainstream Linux build. */
const TICKS_PER_S = 100;

interface ProcStat {
  pgrp: number;
  cpuMs: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields we want follow its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pgrp: Number(fields[2]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S };
  } catch {
    return null; // gone, or not Linux
  }
}

export interface CpuSnapshot {
  /** Per process: the server's process group, then the database sessions it holds. */
  app: Map<number, number>;
  db: Map<number, number>;
}

/** CPU so far of every process in the server's groups (each app instance, its own group) and of its database sessions (by application_name). */
export async function cpuSnapshot(
  serverGroups: number[],
  sql: SqlClient | null,
  appName: string,
): Promise<CpuSnapshot | null> {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return null;
  }
  const app = new Map<number, number>();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat && serverGroups.includes(stat.pgrp)) app.set(pid, stat.cpuMs);
  }
  const db = new Map<number, number>();
  if (sql) {
    const rows = await sql.rows<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
      appName,
    ]);
    for (const { pid } of rows) {
      const stat = readStat(pid);
      if (stat) db.set(pid, stat.cpuMs);
    }
  }
  return { app, db };
}

export interface CpuPerRequest {
  appMs: number;
  dbMs: number;
}

/** The CPU the server and its database sessions spent between two snapshots, per response. */
export function cpuPerRequest(
  before: CpuSnapshot | null,
  after: CpuSnapshot | null,
  responses: number,
): CpuPerRequest | undefined {
  if (!before || !after || responses <= 0) return undefined;
  // A process born between the snapshots counts from zero; one that ended is left out.
  const spent = (a: Map<number, number>, b: Map<number, number>) =>
    [...b].reduce((sum, [pid, ms]) => sum + ms - (a.get(pid) ?? 0), 0);
  return { appMs: spent(before.app, after.app) / responses, dbMs: spent(before.db, after.db) / responses };
}
