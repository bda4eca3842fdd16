// The exporting process of bench/export.ts: the site's export as the server builds it for /data, from the compiled
// JavaScript `npm start` runs (dist/, built by scripts/build.mjs; ADR 0024), under npm start's Node flags. Prints its
// figures as one JSON line. Plain JavaScript, so no TypeScript loader's memory is counted.
const [outDir] = process.argv.slice(2);
const dist = new URL('../dist/', import.meta.url);
const { registerModules } = await import(new URL('web/module.js', dist).href);
const { modules } = await import(new URL('modules/index.js', dist).href);
const { exportSite } = await import(new URL('modules/opendata/index.js', dist).href);
const { openAndMigrate } = await import(new URL('bootstrap.js', dist).href);
const { loadConfig } = await import(new URL('config.js', dist).href);

registerModules(modules);
const config = loadConfig({ ...process.env, SESSION_SECRET: 'bench-export-'.padEnd(40, 'x'), COCREATE_DEMO: 'false' });
const { database } = await openAndMigrate(config, 'bench-export');
try {
  const openedMb = process.memoryUsage().rss / 2 ** 20;
  let rows = 0;
  const started = performance.now();
  const built = await exportSite(database.db, outDir, { onProgress: (done) => (rows = done) });
  const seconds = (performance.now() - started) / 1000;
  // getrusage's maxrss, in kilobytes: the process's peak, the embedded database's heap included on PGlite.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const files = Object.fromEntries([...built].map(([name, file]) => [name, file.size]));
  process.stdout.write(`${JSON.stringify({ seconds, peakMb, openedMb, rows, files })}\n`);
} finally {
  await database.close();
}
