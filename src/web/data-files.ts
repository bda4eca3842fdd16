/**
 * Demo data kept as data: JSON files in each module's demo/ folder, read whole and checked through the same zod
 * schemas the API and the forms use before anything is written, so every problem of every file is reported at once,
 * each naming its file and the path inside it. Then the seeds write through the services, as people do.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { FieldProblem } from '../domain/plan.js';
import { ValidationError } from '../errors.js';
import { localizeIssue, problemMessages } from './validation.js';

/** All the problems found in the demo data files, one line each: `file: path: message`. */
export class DataFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The demo data files have ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'DataFileError';
  }
}

/** A path inside a file as people read it: `areas[0].commitments[2].title.en`. */
export function pathLabel(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('') || '(top)';
}

/** A data file: where it is, a short name for messages (relative to src/modules/), and its text. */
export interface DataFile {
  url: URL;
  name: string;
}

export function dataFile(url: URL): DataFile {
  const path = fileURLToPath(url);
  const at = path.lastIndexOf('/modules/');
  return { url, name: at >= 0 ? path.slice(at + '/modules/'.length) : path };
}

/** Collects problems across files, so one run reports them all. */
export class Problems {
  readonly lines: string[] = [];
  add(file: DataFile, path: readonly PropertyKey[] | string, message: string): void {
    this.lines.push(`${file.name}: ${typeof path === 'string' ? path : pathLabel(path)}: ${message}`);
  }
  /** Domain problems (FieldProblem) of an item at `path`, in English. */
  addFieldProblems(file: DataFile, path: string, problems: readonly FieldProblem[]): void {
    for (const [field, message] of Object.entries(problemMessages(problems, 'en'))) this.add(file, `${path}.${field}`, message);
  }
  throwIfAny(): void {
    if (this.lines.length > 0) throw new DataFileError(this.lines);
  }
}

/** Reads and parses a JSON file; unreadable or malformed, it becomes a problem and `undefined`. */
export async function readJson(file: DataFile, problems: Problems): Promise<unknown> {
  let source: string;
  try {
    source = await readFile(file.url, 'utf8');
  } catch (error) {
    problems.add(file, '(file)', (error as Error).message);
    return undefined;
  }
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    problems.add(file, '(JSON)', (error as Error).message);
    return undefined;
  }
}

/** Parses with the schema; each issue becomes a problem at its path, and the result is `undefined`. */
export function parseData<S extends z.ZodType>(file: DataFile, schema: S, value: unknown, problems: Problems): z.infer<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.add(file, issue.path, localizeIssue(issue, 'en', value));
  return undefined;
}

/**
 * Runs one write of the seed; a refusal by the service (its domain checks) is reported against the item's place
 * in the file, so a broken data file says where to look, not just which rule failed.
 */
export async function writing<T>(file: DataFile, path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const messages = { ...error.messages, ...problemMessages(error.problems, 'en') };
    throw new DataFileError(Object.entries(messages).map(([field, message]) => `${file.name}: ${path}.${field}: ${message}`));
  }
}

type Pair = { zh?: string; en?: string; status?: string };

const isTextPair = (value: object): value is Pair => {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'zh' || k === 'en' || k === 'status') && (keys.includes('zh') || keys.includes('en'));
};

/**
 * Demo texts were written in both languages and checked: a {zh, en} pair given without a status is marked
 * reviewed. Returns a copy; the pairs that say otherwise keep their status.
 */
export function reviewedTexts<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => reviewedTexts(item)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  if (isTextPair(value)) return value.status === undefined ? { ...value, status: 'reviewed' } : value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviewedTexts<unknown>(v)])) as T;
}
