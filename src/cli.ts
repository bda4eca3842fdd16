/** The `cocreate` command: migrate, seed, create-user, import-calendar, import-transcript, reindex-search. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { openAndMigrate } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import type { Db } from './db/connection.js';
import { ROLES, type Role } from './domain/authorization.js';
import { parseOfficeCalendarCsv, type CalendarRow } from './domain/working-days.js';
import { ValidationError } from './errors.js';
import { createUser } from './modules/accounts/accounts.service.js';
import { findAgencyByCode } from './modules/plans/plans.queries.js';
import { isEmpty } from './modules/plans/plans.seed.js';
import { calendarRange, upsertCalendar } from './modules/transcripts/calendar.queries.js';
import { rebuildSearchIndex } from './modules/transcripts/transcripts.search-index.js';
import { importTranscript } from './modules/transcripts/transcripts.service.js';
import { formatDemoAccounts, seedDemo } from './seed.js';
import { t } from './web/i18n.js';
import { problemMessages } from './web/validation.js';

const USAGE = `Usage: cocreate <command> [options]

Commands:
  migrate                      apply pending database migrations
  seed [--force]               load the demo plan and demo accounts (only into an empty database unless --force)
  create-user --email E --name N --role ${ROLES.join('|')} [--agency CODE …]
                               create an account; the password comes from COCREATE_PASSWORD or a prompt
  import-transcript FILE … [--language zh-TW|en] [--replace SLUG] [--meeting ID] [--date YYYY-MM-DD] [--title T]
                               import transcripts in the Markdown of the forum's records (# YYYY-MM-DD Title,
                               ### Speaker：); each file is all or nothing, errors name the line
  import-calendar FILE …       load the government office calendar (行政機關辦公日曆表 open-data CSV) used to count
                               working days; all files or nothing, a day already loaded is replaced
  reindex-search               rebuild the transcript search index from the published speeches (after a change to
                               the tokenizer, or to pack blocks that edits have left small); in one transaction

The database is DATABASE_URL when set, else PGlite in COCREATE_DATA_DIR (default ./data).`;

async function readPassword(): Promise<string> {
  if (process.env.COCREATE_PASSWORD) return process.env.COCREATE_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('Set COCREATE_PASSWORD or run in a terminal to be prompted');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password (at least 12 characters): ');
  } finally {
    rl.close();
  }
}

/** import-calendar: every file parses, or nothing is written; then all days in one transaction (a later file wins a day). */
async function importCalendar(db: Db, args: string[]): Promise<number> {
  const { positionals: files } = parseArgs({ args, options: {}, allowPositionals: true });
  if (files.length === 0) {
    process.stderr.write(`import-calendar needs at least one FILE\n\n${USAGE}\n`);
    return 2;
  }
  const rows: CalendarRow[] = [];
  let failed = false;
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      process.stderr.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      return null;
    });
    const parsed = text === null ? null : parseOfficeCalendarCsv(text);
    if (parsed?.ok) rows.push(...parsed.rows);
    else failed = true;
    if (parsed && !parsed.ok) for (const p of parsed.problems) process.stderr.write(`${file}:${p.line}: ${t('en', p.key, p.params)}\n`);
  }
  if (failed) {
    process.stderr.write('Nothing was loaded.\n');
    return 1;
  }
  const days = rows.map((r) => r.day).sort();
  const loaded = await db.transaction().execute((trx) => upsertCalendar(trx, rows));
  const range = await calendarRange(db);
  process.stdout.write(`Loaded ${loaded} days (${days[0]} to ${days.at(-1)}); the office calendar now covers ${range?.first} to ${range?.last}.\n`);
  return 0;
}

/** A one-line progress bar on stderr (only when it is a terminal, so logs stay clean). */
function progress(done: number, total: number, label: string): void {
  if (!process.stderr.isTTY) return;
  const width = 24;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
  if (done === total) process.stderr.write('\n');
}

/** import-transcript: each file in its own transaction; a malformed file is reported by line and skipped whole. */
async function importTranscripts(db: Db, args: string[]): Promise<number> {
  const { positionals: files, values } = parseArgs({
    args,
    options: { language: { type: 'string', default: 'zh-TW' }, replace: { type: 'string' }, meeting: { type: 'string' }, date: { type: 'string' }, title: { type: 'string' } },
    allowPositionals: true,
  });
  if (files.length === 0 || (values.language !== 'zh-TW' && values.language !== 'en')) {
    process.stderr.write(`import-transcript needs FILE … and --language zh-TW or en\n\n${USAGE}\n`);
    return 2;
  }
  let failures = 0;
  for (const [i, file] of files.entries()) {
    progress(i, files.length, file);
    try {
      const markdown = await readFile(file, 'utf8');
      const meetingId = values.meeting ? Number(values.meeting) : undefined;
      const t = await importTranscript({ db, now: () => new Date() }, 'cli', {
        markdown,
        language: values.language,
        replaceSlug: values.replace,
        meetingId: meetingId && Number.isInteger(meetingId) ? meetingId : undefined,
        heldOn: values.date,
        title: values.title,
      });
      process.stdout.write(`${file}: ${t.slug} (published ${t.publishedAt ? 'already' : `from ${t.publishAt.toISOString()}`})\n`);
    } catch (error) {
      failures++;
      if (error instanceof ValidationError) {
        for (const message of Object.values(error.messages)) process.stderr.write(`${file}: ${message}\n`);
        for (const p of error.problems) process.stderr.write(`${file}:${p.params?.line ?? ''}: ${t('en', p.key, p.params)}\n`);
      }
      else process.stderr.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  progress(files.length, files.length, 'done');
  return failures > 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (!['migrate', 'seed', 'create-user', 'import-calendar', 'import-transcript', 'reindex-search'].includes(command)) {
    process.stderr.write(`Unknown command: ${command}\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const { database, applied } = await openAndMigrate(config);
  try {
    if (command === 'migrate') {
      process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'Nothing to apply: the database is up to date.\n');
      return 0;
    }
    if (command === 'seed') {
      const { values } = parseArgs({ args: rest, options: { force: { type: 'boolean', default: false } } });
      if (!values.force && !(await isEmpty(database.db))) {
        process.stderr.write('The database already has plans or agencies; nothing was loaded (use --force to add the demo plan anyway).\n');
        return 1;
      }
      const accounts = await seedDemo(database.db);
      process.stdout.write(`Loaded the demo plan (5 areas, 19 commitments).\n\n${formatDemoAccounts(accounts)}\n`);
      return 0;
    }
    if (command === 'import-calendar') return await importCalendar(database.db, rest);
    if (command === 'import-transcript') return await importTranscripts(database.db, rest);
    if (command === 'reindex-search') {
      const started = performance.now();
      await rebuildSearchIndex(database.db);
      const { n } = await database.db.selectFrom('speech_index_transcripts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      process.stdout.write(`Rebuilt the search index: ${Number(n)} published transcripts in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
      return 0;
    }
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, agency: { type: 'string', multiple: true } },
    });
    if (!values.email || !values.role) {
      process.stderr.write(`create-user needs --email and --role\n\n${USAGE}\n`);
      return 2;
    }
    const role = ROLES.find((r) => r === values.role) as Role | undefined;
    if (!role) {
      process.stderr.write(`--role must be one of ${ROLES.join(', ')}\n`);
      return 2;
    }
    const agencyIds: number[] = [];
    for (const code of values.agency ?? []) {
      const agency = await findAgencyByCode(database.db, code);
      if (!agency) {
        process.stderr.write(`No agency with code ${code}\n`);
        return 2;
      }
      agencyIds.push(agency.id);
    }
    const password = await readPassword();
    try {
      const id = await createUser({ db: database.db }, 'cli', { email: values.email, displayName: values.name ?? values.email, password, role, agencyIds });
      process.stdout.write(`Created user #${id} ${values.email} (${role}).\n`);
      return 0;
    } catch (error) {
      if (error instanceof ValidationError) {
        for (const [field, message] of Object.entries(problemMessages(error.problems, 'en'))) process.stderr.write(`${field}: ${message}\n`);
        return 1;
      }
      throw error;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
