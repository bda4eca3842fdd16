/** Starts HTTP, after migrating the database and loading demo data into an empty one. */
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { createApp } from './app.js';
import { openAndMigrate } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { purgeExpired } from './modules/accounts/accounts.service.js';
import { indexMissingTranscripts } from './modules/transcripts/transcripts.search-index.js';
import { publishDueTranscripts } from './modules/transcripts/transcripts.service.js';
import { formatDemoAccounts, seedIfEmpty } from './seed.js';

async function main() {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const { database, applied } = await openAndMigrate(config);
  logger.info({ engine: database.engine, applied }, 'database ready');
  if (config.loadDemoData) {
    const accounts = await seedIfEmpty(database.db);
    if (accounts) process.stdout.write(`\n${formatDemoAccounts(accounts)}\n\n`);
  }
  if (config.sessionSecretIsEphemeral) logger.warn('SESSION_SECRET is not set: sessions end when the server stops');
  const app = createApp({
    services: { db: database.db, sessionSecret: config.sessionSecret, secureCookies: config.secureCookies, now: () => new Date(), config },
    logger,
  });
  const housekeeping = () => purgeExpired({ db: database.db, now: () => new Date() }).catch((err: unknown) => logger.warn({ err }, 'purge failed'));
  await housekeeping();
  const timer = setInterval(housekeeping, 60 * 60 * 1000);
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
  const publisher = setInterval(publishDue, 60 * 1000);
  publisher.unref();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(`Cocreate is serving http://localhost:${info.port}/ (${database.engine})`);
  });
  const stop = () => {
    clearInterval(timer);
    clearInterval(publisher);
    server.close(() => {
      void database.close().finally(() => process.exit(0));
    });
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
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
