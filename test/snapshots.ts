/**
 * The test run's database snapshots (src/db/test-database.ts copies them): `migrated` (empty) and `plan` (the demo
 * plan seeded through its exported seed). scripts/run-tests.mjs builds them once before the test processes start:
 *   node --import tsx test/snapshots.ts build <dir>     prints the manifest's path
 *   node --import tsx test/snapshots.ts drop <manifest>
 */
import { pathToFileURL } from 'node:url';
import { dropTestSnapshots, writeTestSnapshots, type PrepareSnapshot } from '../src/db/test-database.js';
import { seedDemoPlan } from '../src/modules/plans/index.js';

/** What a copy of the `plan` snapshot knows about its seed: plain JSON, as it travels in the manifest. */
export interface SeededPlanFacts {
  planId: number;
  agencies: [code: string, id: number][];
}

export const PLAN = 'plan';

export const preparePlan: PrepareSnapshot = async (database): Promise<SeededPlanFacts> => {
  const seeded = await seedDemoPlan(database.db);
  return { planId: seeded.planId, agencies: [...seeded.agencyIds] };
};

export const preparations: Record<string, PrepareSnapshot> = { [PLAN]: preparePlan };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, path] = process.argv.slice(2);
  if (command === 'build' && path) console.log(await writeTestSnapshots(path, preparations));
  else if (command === 'drop' && path) await dropTestSnapshots(path);
  else {
    console.error('usage: snapshots.ts build <dir> | drop <manifest.json>');
    process.exitCode = 2;
  }
}
