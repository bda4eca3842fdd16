/** The `cocreate` command: migrate, seed, create-user. */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { openAndMigrate } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { ROLES, type Role } from './domain/authorization.js';
import { ValidationError } from './errors.js';
import { createUser } from './modules/accounts/accounts.service.js';
import { findAgencyByCode } from './modules/plans/plans.queries.js';
import { isEmpty } from './modules/plans/plans.seed.js';
import { formatDemoAccounts, seedDemo } from './seed.js';
import { problemMessages } from './web/validation.js';

const USAGE = `Usage: cocreate <command> [options]

Commands:
  migrate                      apply pending database migrations
  seed [--force]               load the demo plan and demo accounts (only into an empty database unless --force)
  create-user --email E --name N --role ${ROLES.join('|')} [--agency CODE …]
                               create an account; the password comes from COCREATE_PASSWORD or a prompt

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

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (!['migrate', 'seed', 'create-user'].includes(command)) {
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
