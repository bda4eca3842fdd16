/** The demo's adoption and mid-term amendment, seeded as the app's demo seed does (the modules in order up to this one). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../db/connection.js';
import { createTestDatabase } from '../../db/test-database.js';
import { seedModules } from '../../web/module.js';
import { modules } from '../index.js';
import * as q from './amendments.queries.js';
import { compareVersions } from './amendments.service.js';

let database: Database;
let planId = 0;

before(async () => {
  database = await createTestDatabase();
  const upTo = modules.findIndex((m) => m.name === 'amendments');
  assert.ok(upTo > 0 && modules.slice(0, upTo).some((m) => m.name === 'forum'), 'amendments come after the forum');
  const context = await seedModules(database.db, modules.slice(0, upTo + 1));
  planId = context.planId ?? 0;
});
after(() => database.close());

test('the demo plan was adopted by the Executive Yuan, and the mid-term review made version 2 with exactly its amendment', async () => {
  const adoption = await q.findAdoption(database.db, planId);
  assert.equal(adoption?.authority.zh, '行政院');
  const versions = await q.listVersions(database.db, planId);
  assert.deepEqual(
    versions.map((v) => v.number),
    [1, 2],
  );
  const amendments = await q.listAmendments(database.db, { planId });
  assert.equal(amendments.length, 1);
  assert.equal(amendments[0]?.status, 'applied');
  assert.equal(amendments[0]?.planVersion, 2);
  assert.ok(amendments[0]?.isDemo);
  // Proposed in the story's past, before the version it made, not on the day the demo was seeded.
  const madeOn = versions.find((v) => v.number === 2)?.madeOn ?? '';
  assert.ok(amendments[0] && amendments[0].proposedAt < new Date(`${madeOn}T00:00:00+08:00`), `${amendments[0]?.proposedAt.toISOString()} before ${madeOn}`);
  const diff = await compareVersions(database.db, planId, 1, 2);
  assert.deepEqual(
    diff.map((d) => [d.entity, d.number, d.changes.map((c) => c.field)]),
    [['milestone', '1-1', ['deliverable']]],
  );
});
