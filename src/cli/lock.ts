/**
 * Edit locks: `fmt --write` and `validate --fix` read a file, change it and write it back; two runs on the
 * same file at once would lose one run's edit. Each run takes a lock file beside the file it edits
 * (`.NAME.stdraft-lock`, created with O_EXCL) before reading it and removes it when done. A lock left by a run
 * that no longer exists (killed with SIGKILL, a crash) is stale and taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StdraftError } from '../errors.js';

/** A lock older than this is stale whatever its process (a run edits a file in seconds). */
const STALE_AFTER_MS = 10 * 60 * 1000;

const held = new Set<string>();
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    for (const lock of held) removeQuietly(lock);
    held.clear();
  });
}

/** The lock file of `file` (beside the file a link points to, so that every name of it shares the lock). */
export function lockPathOf(file: string): string {
  let real = path.resolve(file);
  try {
    real = fs.realpathSync(real);
  } catch {
    // a file about to be created
  }
  return path.join(path.dirname(real), `.${path.basename(real)}.stdraft-lock`);
}

/**
 * Takes the edit locks of `files` (in a fixed order, so that two runs cannot wait on each other) and returns
 * the function that releases them. A file another live run holds is a one-line error naming it; the locks
 * taken so far are released then, and nothing is read or written.
 */
export function takeEditLocks(files: { file: string; label: string }[]): () => void {
  installCleanup();
  const taken: string[] = [];
  const release = () => {
    for (const lock of taken.splice(0)) {
      removeQuietly(lock);
      held.delete(lock);
    }
  };
  const locks = [...new Map(files.map((f) => [lockPathOf(f.file), f.label])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  try {
    for (const [lock, label] of locks) {
      if (acquire(lock, label)) taken.push(lock);
    }
  } catch (error) {
    release();
    throw error;
  }
  return release;
}

/** Takes one lock; false when the folder cannot hold one (read-only: the write will say so). */
function acquire(lock: string, label: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lock, 'wx', 0o644);
      try {
        fs.writeSync(fd, `${process.pid}\n${os.hostname()}\n${new Date().toISOString()}\n`);
      } finally {
        fs.closeSync(fd);
      }
      held.add(lock);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        // A folder that cannot hold the lock (read-only): the write would fail too; say so there.
        if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') return false;
        throw error;
      }
      const owner = readOwner(lock);
      if (owner && !isStale(owner, lock)) {
        throw new StdraftError('output', `another stdraft run (process ${owner.pid}) is editing this file; nothing was changed`, {
          file: label,
          hint: `try again when it ends; if no run is, remove ${path.basename(lock)} beside the file`,
        });
      }
      // Stale: its run is gone. Take it over (once: a run racing for it wins, and this one says so above).
      removeQuietly(lock);
    }
  }
  const owner = readOwner(lock);
  throw new StdraftError('output', `another stdraft run${owner ? ` (process ${owner.pid})` : ''} is editing this file; nothing was changed`, {
    file: label,
    hint: 'try again when it ends',
  });
}

interface Owner {
  pid: number;
  host: string;
  since: number;
}

function readOwner(lock: string): Owner | null {
  try {
    const [pid, host, since] = fs.readFileSync(lock, 'utf8').split('\n');
    const owner = { pid: Number(pid), host: host ?? '', since: Date.parse(since ?? '') };
    if (!Number.isInteger(owner.pid) || owner.pid <= 0) return { pid: 0, host: '', since: fs.statSync(lock).mtimeMs };
    return owner;
  } catch {
    return null;
  }
}

function isStale(owner: Owner, lock: string): boolean {
  const since = Number.isNaN(owner.since) ? 0 : owner.since;
  if (Date.now() - since > STALE_AFTER_MS) return true;
  if (owner.pid === 0) return false;
  if (owner.host !== os.hostname()) return false;
  // This process: held now, or left by an earlier run in it (a library caller) that is over.
  if (owner.pid === process.pid) return !held.has(lock);
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}
