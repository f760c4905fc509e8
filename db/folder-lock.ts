import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The embedded folder is held by a live process: the message says which and what to do. */
export class FolderInUseError extends Error {}

/**
 * PGlite takes no lock on its folder and two processes writing one folder silently lose rows,
 * so we keep a pid file beside it and refuse to open a folder a live process holds.
 *
 * Every change to the pid file is a single atomic step, so that two processes starting at the same
 * instant (after a crash left a stale file) cannot both win: the file is created with its content
 * already in it (a private file hard-linked into place, which fails if the name exists — a
 * `wx` write would leave a moment where the file exists but is empty), and a stale file is moved
 * aside with rename(), which only one process can do to a given file. The one that moved it checks
 * it moved the file it judged stale (same inode); if another process had meanwhile replaced it
 * with a live lock, it puts that file back. Then everyone starts again from the top.
 */
export function lockFolder(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  const mine = `${lockPath}.${process.pid}.tmp`;
  writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, lockPath);
        break; // ours
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 20) throw err;
      }
      let seen: { holder: number; ino: number };
      try {
        seen = { holder: Number(readFileSync(lockPath, 'utf8')), ino: statSync(lockPath).ino };
      } catch {
        continue; // released or moved aside just now: try again
      }
      if (seen.holder && seen.holder !== process.pid && isAlive(seen.holder)) {
        throw new FolderInUseError(
          `The embedded database folder ${dir} is in use by process ${seen.holder}. ` +
            'Stop that process (or set PGLITE_DIR to another folder) and try again.',
        );
      }
      const aside = `${lockPath}.${process.pid}.stale`;
      try {
        renameSync(lockPath, aside);
      } catch {
        continue; // another process moved it first
      }
      if (statSync(aside).ino === seen.ino) unlinkSync(aside);
      else {
        // Not the file we judged stale: a live process took over in between. Give it back.
        try {
          linkSync(aside, lockPath);
        } finally {
          unlinkSync(aside);
        }
      }
    }
  } finally {
    unlinkSync(mine);
  }
  const release = () => {
    try {
      if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
