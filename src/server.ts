/**
 * Starts HTTP, after migrating the database and loading demo data into an empty one. On PGlite the data directory
 * is locked before the database is opened and until the process ends (ADR 0015): a second server, or a CLI command,
 * on the same directory refuses instead of corrupting it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { pino } from 'pino';
import { createApp } from './app.js';
import { openAndMigrate } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { consoleLanguage, lockRefusal } from './console.js';
import { DataDirectoryLockedError } from './db/data-dir-lock.js';
import { keepPlannerStatistics, refreshPlannerStatistics } from './db/planner-statistics.js';
import { modules } from './modules/index.js';
import { purgeExpired } from './modules/accounts/index.js';
import { indexMissingTranscripts } from './modules/transcripts/index.js';
import { publishDueTranscripts } from './modules/transcripts/index.js';
import { formatDemoAccounts, seedIfEmpty } from './seed.js';
import { compileProxyTrust } from './web/client-address.js';
import { answerClientErrors } from './web/input-errors.js';
import { createMailer } from './web/mail.js';
import { PageCache, withPageCache } from './web/page-cache.js';

async function main() {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const { database, applied } = await openAndMigrate(config, 'server');
  logger.info({ engine: database.engine, applied, ...(database.engine === 'pglite' ? { fsync: config.fsync } : {}) }, 'database ready');
  if (config.loadDemoData) {
    const accounts = await seedIfEmpty(database.db);
    if (accounts) {
      // The demo's rows are analysed before the first request is planned (PGlite has no autovacuum).
      await refreshPlannerStatistics(database);
      process.stdout.write(`\n${formatDemoAccounts(accounts)}\n\n`);
    }
  }
  if (config.sessionSecretIsEphemeral) logger.warn('SESSION_SECRET is not set: sessions end when the server stops');
  if (!config.smtpUrl) logger.warn('SMTP_URL is not set: e-mail (confirmation and reset links) is written to this log instead of sent');
  const now = () => new Date();
  // Dropped by the database's change events, from this process and any other on the same database (ADR 0020).
  const pageCache = new PageCache({ changes: database, now });
  const services = {
    db: database.db,
    sessionSecret: config.sessionSecret,
    secureCookies: config.secureCookies,
    now,
    config,
    trustProxy: compileProxyTrust(config.trustProxy),
    pageCache,
    mailer: createMailer(config, logger),
  };
  const app = createApp({ services, logger });
  const housekeeping = () => purgeExpired({ db: database.db, now: () => new Date() }).catch((err: unknown) => logger.warn({ err }, 'purge failed'));
  await housekeeping();
  const timer = setInterval(() => void housekeeping(), 60 * 60 * 1000);
  timer.unref();
  // Transcripts whose embargo has ended are published at start-up and checked every minute: no cron needed.
  const publishDue = () =>
    publishDueTranscripts({ db: database.db, now: () => new Date() })
      .then((count) => {
        if (count > 0) logger.info({ count }, 'transcripts published');
      })
      .catch((err: unknown) => logger.warn({ err }, 'publishing due transcripts failed'));
  await publishDue();
  // Published transcripts the search index does not hold yet (after an upgrade, or a bulk load) are indexed now.
  const indexed = await indexMissingTranscripts(database.db);
  if (indexed > 0) logger.info({ count: indexed }, 'transcripts added to the search index');
  const publisher = setInterval(() => void publishDue(), 60 * 1000);
  publisher.unref();
  // The embedded database's autovacuum: tables that grew or shrank are analysed a minute after the writes.
  const stopStatistics = keepPlannerStatistics(database, (err: unknown) => logger.warn({ err }, 'refreshing planner statistics failed'));
  // Reads kept until the next committed write, emptied by the same change events (db/read-cache.ts).
  if (config.readCache) await database.readCache.start(database.db, database);
  // Background workers (the notifications' outbox, ADR 0028); OUTBOX_WORKER=off leaves the mail in the database.
  const workers = config.outboxWorker
    ? modules.flatMap((m) =>
        m.worker
          ? [
              m.worker({
                services,
                mailer: services.mailer,
                origin: config.publicUrl?.replace(/\/$/, '') ?? `http://localhost:${config.port}`,
                exclusive: database.engine === 'pglite',
                logger,
              }),
            ]
          : [],
      )
    : [];
  // Cached public pages are answered before Hono sees the request; everything else goes to the app (ADR 0020).
  // Handlers still running are counted: a client may hang up while its write is under way, and the database must
  // stay open until that write has finished (or it fails half-way with "driver destroyed").
  const listener = getRequestListener(app.fetch, { hostname: config.host });
  let running = 0;
  let idle: (() => void) | undefined;
  const counted = async (req: IncomingMessage, res: ServerResponse) => {
    running++;
    try {
      await listener(req, res);
    } finally {
      if (--running === 0) idle?.();
    }
  };
  const handlersDone = () => (running === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve)));
  const server = createServer(withPageCache(pageCache, counted));
  server.listen(config.port, config.host, () => {
    const address = server.address();
    logger.info(`Cocreate is serving http://localhost:${typeof address === 'object' && address ? address.port : config.port}/ (${database.engine})`);
  });
  // Requests Node's parser refuses (431 headers too large, malformed) get the house error shape too (ADR 0016).
  answerClientErrors(server);
  const stop = () => {
    clearInterval(timer);
    clearInterval(publisher);
    const statisticsStopped = stopStatistics();
    server.close(() => {
      pageCache.close();
      // Handlers in flight and the workers' ticks finish first; a send under way may take the SMTP timeouts, so not
      // longer than 2 s (an unfinished send's claim expires, and the mail is sent again: ADR 0028).
      const stopped = Promise.all([handlersDone(), statisticsStopped, ...workers.map((w) => w.stop())]).catch(() => undefined);
      // Closing the database checkpoints it and releases the data directory's lock (the kernel would on exit too).
      void Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 2000).unref())]).finally(() => database.close().finally(() => process.exit(0)));
    });
    // Idle keep-alive connections would hold close() open until the fallback below.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof DataDirectoryLockedError) {
    process.stderr.write(`${lockRefusal(error, consoleLanguage(), 'server')}\n`);
    process.exit(3);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
