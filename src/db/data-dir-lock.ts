/**
 * One writer per embedded database (ADR 0015): whoever opens a PGlite data directory first holds an exclusive
 * operating-system lock on `<dir>.lock` until it closes the database or dies. The kernel releases the lock when the
 * process ends however it ends (exit, signal, kill -9, crash), so a lock is never stale and nothing has to guess
 * from pids or timestamps. The file also names the holder, so the refusal can say who it is.
 */
import { closeSync, openSync, readFileSync, writeSync, ftruncateSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { tryLock, unlock } from 'fs-native-extensions';

/** Who holds a data directory, as its lock file says. */
export interface LockHolder {
  pid: number;
  /** `server`, or `cli <command>`. */
  role: string;
  startedAt: string;
}

export class DataDirectoryLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: LockHolder | null,
  ) {
    super(`The database in ${dataDir} is in use by another process${holder ? ` (pid ${holder.pid}, ${holder.role})` : ''}`);
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

// Locking a byte far past the holder's note, not the whole file: on Windows a locked range cannot be read, and the
// refusal reads the note. On Linux these are open-file-description locks, on macOS whole-file flock.
const LOCK_OFFSET = 2 ** 30;

/** The lock file for a data directory: beside it, so PGlite's own directory holds only what Postgres writes. */
export function lockFileFor(dataDir: string): string {
  const absolute = resolve(dataDir);
  return join(dirname(absolute), `${basename(absolute)}.lock`);
}

export function readLockHolder(file: string): LockHolder | null {
  try {
    const note = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof note.pid === 'number' ? { pid: note.pid, role: String(note.role ?? ''), startedAt: String(note.startedAt ?? '') } : null;
  } catch {
    return null;
  }
}

/** Takes the lock at once or throws DataDirectoryLockedError; never waits. */
export function lockDataDirectory(dataDir: string, role: string): DataDirLock {
  const file = lockFileFor(dataDir);
  const fd = openSync(file, 'a+');
  let granted = false;
  try {
    granted = tryLock(fd, LOCK_OFFSET, 1);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (!granted) {
    closeSync(fd);
    throw new DataDirectoryLockedError(resolve(dataDir), file, readLockHolder(file));
  }
  // The file is never deleted: unlinking a lock file lets a newcomer lock a fresh inode while an old holder still
  // holds the old one. Its content is only a note for the refusal message.
  ftruncateSync(fd, 0);
  writeSync(fd, JSON.stringify({ pid: process.pid, role, startedAt: new Date().toISOString() } satisfies LockHolder), 0);
  let released = false;
  return {
    file,
    release: () => {
      if (released) return;
      released = true;
      try {
        unlock(fd, LOCK_OFFSET, 1);
      } finally {
        closeSync(fd);
      }
    },
  };
}
