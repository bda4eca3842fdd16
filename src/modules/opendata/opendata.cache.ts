/**
 * Built exports kept on disk until the data changes (ADR 0030, ADR 0020): an export is built once per scope (the
 * site, a plan) and served from its files, each with its own ETag, until a change event moves the page cache's
 * generation; then the next request builds it again. One build runs at a time in a process (ADR 0017: a burst of
 * downloads costs one build, not one each), and requests for a build under way wait for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuiltExport } from './opendata.build.js';

interface Kept {
  /** The change generation the build started at; undefined when changes are not being heard (kept for no one). */
  generation: number | undefined;
  dir: string;
  files: BuiltExport;
}

let root: string | undefined;
let serial = 0;

/** The process's directory of built exports, made on first use and removed when the process exits. */
function newDir(): string {
  if (!root) {
    root = mkdtempSync(join(tmpdir(), 'cocreate-open-data-'));
    const made = root;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return join(root, String(++serial));
}

let queue: Promise<unknown> = Promise.resolve();

/** One build at a time in this process. */
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

export class ExportCache {
  readonly #kept = new Map<string, Kept>();
  readonly #building = new Map<string, { generation: number | undefined; promise: Promise<BuiltExport> }>();

  /**
   * The files of `key` built at `generation` (the current one), building them if need be. With no generation (no
   * change events heard), every call builds afresh.
   */
  async get(key: string, generation: number | undefined, build: (dir: string) => Promise<BuiltExport>): Promise<BuiltExport> {
    const kept = this.#kept.get(key);
    if (kept && generation !== undefined && kept.generation === generation) return kept.files;
    const running = this.#building.get(key);
    if (running && generation !== undefined && running.generation === generation) return running.promise;
    const dir = newDir();
    const promise = inTurn(() => build(dir));
    this.#building.set(key, { generation, promise });
    try {
      const files = await promise;
      const previous = this.#kept.get(key);
      this.#kept.set(key, { generation, dir, files });
      // A download of the previous files still being sent keeps reading them: an unlinked file lives while open.
      if (previous && previous.dir !== dir) await rm(previous.dir, { recursive: true, force: true });
      return files;
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    } finally {
      if (this.#building.get(key)?.promise === promise) this.#building.delete(key);
    }
  }

  /** Removes every kept build (tests, a closing app). */
  async clear(): Promise<void> {
    const dirs = [...this.#kept.values()].map((k) => k.dir);
    this.#kept.clear();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
