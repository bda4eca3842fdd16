/**
 * The `cocreate` command: migrate, seed, create-user, import-calendar, import-transcript, reindex-search.
 * Every command writes, so each opens the database the way the server does and, on PGlite, takes the data
 * directory's lock first (ADR 0015): while a server holds it the command refuses and says what to do instead.
 * Messages come from the UI catalogs, in the console's language (console.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { z } from '@hono/zod-openapi';
import { openAndMigrate } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { consoleLanguage, lockRefusal, MAX_LISTED_PROBLEMS } from './console.js';
import { DataDirectoryLockedError } from './db/data-dir-lock.js';
import type { Db } from './db/connection.js';
import { ROLES, type Role } from './domain/authorization.js';
import type { Lang } from './domain/localized.js';
import { parseOfficeCalendarCsv, type CalendarRow } from './domain/working-days.js';
import { ValidationError } from './errors.js';
import { createUser } from './modules/accounts/index.js';
import { findAgencyByCode, planQueries } from './modules/plans/index.js';
import { exportSite, importData, writeExport, type ImportSource } from './modules/opendata/index.js';
import { systemActor } from './domain/system-actor.js';
import { isEmpty } from './modules/plans/index.js';
import { calendarRange, upsertCalendar } from './modules/transcripts/index.js';
import { rebuildSearchIndex } from './modules/transcripts/index.js';
import { importTranscript, TRANSCRIPT_MARKDOWN_MAX } from './modules/transcripts/index.js';
import { formatDemoAccounts, seedDemo } from './seed.js';
import { problemMessage, t, type MessageKey } from './web/i18n.js';
import { isoDate, recordId, text } from './web/schemas.js';
import { localizeIssue } from './web/validation.js';
import { modules } from './modules/index.js';
import { registerModules } from './web/module.js';

// The modules' messages (import problems are theirs) and rules, as the server registers them.
registerModules(modules);

const COMMANDS = ['migrate', 'seed', 'create-user', 'import-calendar', 'import-transcript', 'reindex-search', 'export', 'import'] as const;
type Command = (typeof COMMANDS)[number];

const USAGE = `Usage: cocreate <command> [options]

Commands:
  migrate                      apply pending database migrations
  seed [--force]               load the demo plan and demo accounts (only into an empty database unless --force)
  create-user --email E --name N --role ${ROLES.join('|')} [--agency CODE …]
                               create an account; the password comes from COCREATE_PASSWORD or a prompt
  import-transcript FILE … [--language zh-TW|en] [--replace SLUG] [--meeting ID] [--date YYYY-MM-DD] [--title T]
                    [--force]  import transcripts in the Markdown of the forum's records (# YYYY-MM-DD Title,
                               ### Speaker：); each file is all or nothing, errors name the line; a file over
                               ${TRANSCRIPT_MARKDOWN_MAX / 1_000_000} MB (the API's limit) is refused unless --force
  import-calendar FILE … [--force]
                               load the government office calendar (行政機關辦公日曆表 open-data CSV) used to count
                               working days; all files or nothing, a day already loaded is replaced
  export [--plan SLUG] [--out DIR]
                               write the open data (the whole site's, or one plan's) into DIR (default
                               ./cocreate-export): data.zip, data.json, data.ods, csv/, README.md, LICENSE.txt, schema.json
  import FILE [--table NAME] [--as NAME]
                               import an export's data.json, data.ods, data.zip or one table's CSV (the table from the file's name
                               or --table): created or updated by ID, all checked first, all or nothing; the history
                               names NAME (default "cocreate import") as who changed the plan content
  reindex-search               rebuild the transcript search index from the published speeches (after a change to
                               the tokenizer, or to pack blocks that edits have left small); in one transaction

The database is DATABASE_URL when set, else PGlite in COCREATE_DATA_DIR (default ./data). An embedded (PGlite)
database is opened by one process at a time: stop the server before running a command on it, or use the API.
Messages are in Traditional Chinese when LC_ALL, LC_MESSAGES or LANG starts with zh, else in English.`;

/** An option's value as the operator typed it (a repeated option's values joined). */
function optionText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(optionText).join(' ');
  return value === undefined ? '' : JSON.stringify(value);
}

/** What a command prints; `lang` is the console's. */
class Out {
  constructor(readonly lang: Lang) {}
  say(key: MessageKey, params?: Record<string, string | number>) {
    process.stdout.write(`${t(this.lang, key, params)}\n`);
  }
  warn(key: MessageKey, params?: Record<string, string | number>) {
    process.stderr.write(`${t(this.lang, key, params)}\n`);
  }
  /** Problems of one file, each on a line, at most MAX_LISTED_PROBLEMS of them and then how many more. */
  problems(file: string, messages: readonly string[]) {
    for (const message of messages.slice(0, MAX_LISTED_PROBLEMS)) process.stderr.write(`${file}: ${message}\n`);
    if (messages.length > MAX_LISTED_PROBLEMS) this.warn('cli.moreProblems', { file, count: messages.length - MAX_LISTED_PROBLEMS });
  }
}

/** Options of a command, checked with the same schemas as the API, so a bad date reads as it does on the site. */
function optionProblems(out: Out, schema: z.ZodType, values: Record<string, unknown>): string[] {
  const parsed = schema.safeParse(values);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const option = String(issue.path[0] ?? '');
    return t(out.lang, 'cli.badOption', { option, value: optionText(values[option]), message: localizeIssue(issue, out.lang, values) });
  });
}

const bytes = (count: number) => new Intl.NumberFormat('en-US').format(count);

/**
 * The files an import may read: each exists and is within the API's size limit unless forced. Checked on the size,
 * before anything is read or the database opened; the others are reported and left out.
 */
async function importableFiles(out: Out, files: readonly string[], force: boolean): Promise<string[]> {
  const accepted: string[] = [];
  for (const file of files) {
    try {
      const { size } = await stat(file);
      if (size > TRANSCRIPT_MARKDOWN_MAX && !force) out.warn('cli.fileTooLarge', { file, size: bytes(size), max: bytes(TRANSCRIPT_MARKDOWN_MAX) });
      else accepted.push(file);
    } catch (error) {
      out.warn('cli.readFailed', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  return accepted;
}

/** Reads a file strictly as UTF-8, so a file that is not text is one clear message rather than a page of garbled lines. */
async function readImportFile(out: Out, file: string): Promise<string | null> {
  try {
    const content = await readFile(file);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      out.problems(file, [t(out.lang, 'transcript.error.notUtf8')]);
      return null;
    }
  } catch (error) {
    out.warn('cli.readFailed', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    return null;
  }
}

/**
 * A ValidationError's messages in the console's language; a field that came from an option is named with the
 * option and the value given (`--meeting 999: No forum meeting has this number.`).
 */
function validationMessages(out: Out, error: ValidationError, optionOf: Record<string, string> = {}, given: Record<string, unknown> = {}): string[] {
  const named = (field: string, message: string) => {
    const option = optionOf[field];
    // A field the file supplied (a title, a date) is told without an option the operator did not give.
    return option && given[option] !== undefined ? t(out.lang, 'cli.badOption', { option, value: optionText(given[option]), message }) : message;
  };
  return [
    ...Object.entries(error.messages).map(([field, message]) => named(field, message)),
    ...error.problems.map((p) => named(p.field, problemMessage(out.lang, p.key, p.params))),
  ];
}

/**
 * What a command does once the database is open; the checks that need no database (options, files) run before it
 * is opened, and a failed one is the exit code.
 */
type Step = (opened: { db: Db; applied: string[] }) => Promise<number>;

/** import-calendar: every file parses, or nothing is written; then all days in one transaction (a later file wins a day). */
async function importCalendar(out: Out, args: string[]): Promise<number | Step> {
  const { positionals: files, values } = parseArgs({ args, options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
  if (files.length === 0) {
    out.warn('cli.needFiles', { command: 'import-calendar' });
    return 2;
  }
  const rows: CalendarRow[] = [];
  const readable = await importableFiles(out, files, values.force);
  let failed = readable.length < files.length;
  for (const file of readable) {
    const text = await readImportFile(out, file);
    const parsed = text === null ? null : parseOfficeCalendarCsv(text);
    if (parsed?.ok) rows.push(...parsed.rows);
    else failed = true;
    if (parsed && !parsed.ok)
      out.problems(
        file,
        parsed.problems.map((p) => problemMessage(out.lang, p.key, { ...p.params, line: p.line })),
      );
  }
  if (failed) {
    out.warn('cli.nothingLoaded');
    return 1;
  }
  return async ({ db }) => {
    const days = rows.map((r) => r.day).sort();
    const loaded = await db.transaction().execute((trx) => upsertCalendar(trx, rows));
    const range = await calendarRange(db);
    out.say('cli.calendar.loaded', { count: loaded, first: days[0] ?? '', last: days.at(-1) ?? '', from: range?.first ?? '', to: range?.last ?? '' });
    return 0;
  };
}

/** A one-line progress bar on stderr (only when it is a terminal, so logs stay clean). */
function progress(done: number, total: number, label: string): void {
  if (!process.stderr.isTTY) return;
  const width = 24;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
  if (done === total) process.stderr.write('\n');
}

const transcriptOptions = z.object({
  language: z.enum(['zh-TW', 'en']),
  date: isoDate.optional(),
  meeting: recordId().optional(),
  title: text(300).optional(),
  replace: text(200).optional(),
});

/** The option each service field came from, to name it in a message. */
const TRANSCRIPT_OPTION_OF: Record<string, string> = { heldOn: 'date', meetingId: 'meeting', title: 'title', replaceSlug: 'replace' };

/** import-transcript: each file in its own transaction; a malformed file is reported by line and skipped whole. */
async function importTranscripts(out: Out, args: string[]): Promise<number | Step> {
  const { positionals: files, values } = parseArgs({
    args,
    options: {
      language: { type: 'string', default: 'zh-TW' },
      replace: { type: 'string' },
      meeting: { type: 'string' },
      date: { type: 'string' },
      title: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (files.length === 0) {
    out.warn('cli.needFiles', { command: 'import-transcript' });
    return 2;
  }
  const { force, ...given } = values;
  const bad = optionProblems(out, transcriptOptions, given);
  if (bad.length > 0) {
    for (const message of bad) process.stderr.write(`${message}\n`);
    return 2;
  }
  const options = transcriptOptions.parse(given);
  const readable = await importableFiles(out, files, force);
  const refused = files.length - readable.length;
  if (readable.length === 0) return 1;
  return async ({ db }) => {
    const failures = refused + (await importTranscriptFiles(out, db, readable, options, given));
    if (failures > 0 && files.length > 1) out.warn('cli.transcript.failed', { count: failures, total: files.length });
    return failures > 0 ? 1 : 0;
  };
}

async function importTranscriptFiles(
  out: Out,
  db: Db,
  files: string[],
  options: z.infer<typeof transcriptOptions>,
  given: Record<string, unknown>,
): Promise<number> {
  let failures = 0;
  for (const [i, file] of files.entries()) {
    progress(i, files.length, file);
    const markdown = await readImportFile(out, file);
    if (markdown === null) {
      failures++;
      continue;
    }
    try {
      const transcript = await importTranscript({ db, now: () => new Date() }, 'cli', {
        markdown,
        language: options.language,
        replaceSlug: options.replace,
        meetingId: options.meeting,
        heldOn: options.date,
        title: options.title,
      });
      if (transcript.publishedAt) out.say('cli.transcript.published', { file, slug: transcript.slug });
      else out.say('cli.transcript.draft', { file, slug: transcript.slug, date: transcript.publishAt.toISOString().slice(0, 10) });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      failures++;
      out.problems(file, validationMessages(out, error, TRANSCRIPT_OPTION_OF, given));
    }
  }
  progress(files.length, files.length, 'done');
  return failures;
}

async function readPassword(out: Out): Promise<string | null> {
  if (process.env.COCREATE_PASSWORD) return process.env.COCREATE_PASSWORD;
  if (!process.stdin.isTTY) return null;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(t(out.lang, 'cli.user.passwordPrompt'));
  } finally {
    rl.close();
  }
}

async function createUserCommand(out: Out, args: string[]): Promise<number | Step> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, agency: { type: 'string', multiple: true } },
  });
  const email = values.email;
  if (!email || !values.role) {
    out.warn('cli.user.needEmailRole');
    return 2;
  }
  const role = ROLES.find((r): r is Role => r === values.role);
  if (!role) {
    out.warn('cli.user.badRole', { roles: ROLES.join(', ') });
    return 2;
  }
  return ({ db }) => createUserIn(out, db, { ...values, email }, role);
}

async function createUserIn(
  out: Out,
  db: Db,
  values: { email: string; name?: string | undefined; agency?: string[] | undefined },
  role: Role,
): Promise<number> {
  const agencyIds: number[] = [];
  for (const code of values.agency ?? []) {
    const agency = await findAgencyByCode(db, code);
    if (!agency) {
      out.warn('cli.user.noAgency', { code });
      return 2;
    }
    agencyIds.push(agency.id);
  }
  const password = await readPassword(out);
  if (password === null) {
    out.warn('cli.user.passwordNeeded');
    return 2;
  }
  try {
    const id = await createUser({ db }, 'cli', { email: values.email, displayName: values.name ?? values.email, password, role, agencyIds });
    out.say('cli.user.created', { id, email: values.email, role });
    return 0;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const optionOf: Record<string, string> = { email: 'email', displayName: 'name', role: 'role', agencyIds: 'agency' };
    for (const message of validationMessages(out, error, optionOf, values)) process.stderr.write(`${message}\n`);
    return 1;
  }
}

/** export: the site's open data, or one plan's, into a directory; a progress bar on a terminal. */
function exportCommand(out: Out, args: string[]): Step {
  const { values } = parseArgs({ args, options: { plan: { type: 'string' }, out: { type: 'string', default: 'cocreate-export' } } });
  const dir = resolve(values.out);
  return async ({ db }) => {
    const started = performance.now();
    let rows = 0;
    const onProgress = (done: number, total: number) => {
      rows = done;
      progress(done, total, 'export');
    };
    if (values.plan === undefined) await exportSite(db, dir, { publicUrl: loadConfig().publicUrl, onProgress });
    else {
      const plan = await planQueries.findPlanBySlug(db, values.plan);
      if (!plan) {
        out.warn('cli.export.noPlan', { slug: values.plan });
        return 2;
      }
      await writeExport(db, dir, { scope: { planId: plan.id }, planSlug: plan.slug, publicUrl: loadConfig().publicUrl, onProgress });
    }
    out.say('cli.export.done', { rows, dir, seconds: ((performance.now() - started) / 1000).toFixed(1) });
    return 0;
  };
}

/** import: one export file, checked whole before the database is written; every problem by file, row and column. */
async function importCommand(out: Out, args: string[]): Promise<number | Step> {
  const { positionals, values } = parseArgs({ args, options: { table: { type: 'string' }, as: { type: 'string' } }, allowPositionals: true });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    out.warn('opendata.cli.needFile');
    return 2;
  }
  const kind = /\.json$/i.test(file) ? 'json' : /\.zip$/i.test(file) ? 'zip' : /\.ods$/i.test(file) ? 'ods' : /\.csv$/i.test(file) ? 'csv' : null;
  if (kind === null) {
    out.warn('opendata.cli.kind', { file });
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    out.warn('cli.readFailed', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    return 1;
  }
  const fileName = basename(file);
  const source: ImportSource = kind === 'csv' ? { kind, bytes, fileName, table: values.table } : { kind, bytes, fileName };
  // The operator at the console acts as an administrator; the history names them as they ask.
  const actor = systemActor(values.as ?? 'cocreate import', 'admin');
  return async ({ db }) => {
    try {
      const summary = await importData({ db }, actor, out.lang, source, (done, total) => progress(done, total, 'import'));
      for (const table of summary.tables) out.say('cli.import.table', { table: table.name, rows: table.rows, created: table.created, updated: table.updated });
      return 0;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // Each message names its file, row and column already.
      for (const message of Object.values(error.messages)) process.stderr.write(`${message}\n`);
      out.warn('cli.import.refused');
      return 1;
    }
  };
}

/** The command's checks that need no database, then its step; migrate only opens (opening migrates). */
async function prepare(out: Out, command: Command, args: string[]): Promise<number | Step> {
  switch (command) {
    case 'migrate':
      return async ({ applied }) => {
        if (applied.length > 0) out.say('cli.migrate.applied', { names: applied.join(', ') });
        else out.say('cli.migrate.upToDate');
        return 0;
      };
    case 'seed': {
      const { values } = parseArgs({ args, options: { force: { type: 'boolean', default: false } } });
      return async ({ db }) => {
        if (!values.force && !(await isEmpty(db))) {
          out.warn('cli.seed.notEmpty');
          return 1;
        }
        const accounts = await seedDemo(db);
        out.say('cli.seed.loaded');
        process.stdout.write(`\n${formatDemoAccounts(accounts)}\n`);
        return 0;
      };
    }
    case 'import-calendar':
      return importCalendar(out, args);
    case 'import-transcript':
      return importTranscripts(out, args);
    case 'reindex-search':
      parseArgs({ args, options: {} });
      return async ({ db }) => {
        const started = performance.now();
        await rebuildSearchIndex(db);
        const { n } = await db
          .selectFrom('speech_index_transcripts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        out.say('cli.reindex.done', { count: Number(n), seconds: ((performance.now() - started) / 1000).toFixed(1) });
        return 0;
      };
    case 'create-user':
      return createUserCommand(out, args);
    case 'export':
      return exportCommand(out, args);
    case 'import':
      return importCommand(out, args);
  }
}

async function run(out: Out, argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    out.warn('cli.unknownCommand', { command });
    process.stderr.write(`\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const step = await prepare(out, command as Command, rest);
  if (typeof step === 'number') return step;
  let opened;
  try {
    opened = await openAndMigrate(config, `cli ${command}`);
  } catch (error) {
    if (!(error instanceof DataDirectoryLockedError)) throw error;
    process.stderr.write(`${lockRefusal(error, out.lang, 'command')}\n`);
    return 3;
  }
  try {
    return await step({ db: opened.database.db, applied: opened.applied });
  } finally {
    await opened.database.close();
  }
}

const out = new Out(consoleLanguage());
run(out, process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A mistyped option (parseArgs) or configuration is the operator's to fix: say it without a stack trace.
    const known = error instanceof ConfigError || String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');
    process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(known ? 2 : 1);
  },
);
