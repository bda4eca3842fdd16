/**
 * For tests of the whole export: the demo data of every module that publishes open data, beside the demo plan the
 * test snapshot holds, so that a round trip covers every entity.
 */
import type { TestContext } from '../../../test/helpers.js';
import { seedDemoForum } from '../forum/index.js';
import { seedDemoMonitoring } from '../monitoring/index.js';
import { seedDemoParticipation } from '../participation/index.js';
import { seedDemoReview } from '../review/index.js';
import { seedDemoRoster } from '../roster/index.js';
import { seedDemoSelfAssessment } from '../selfassessment/index.js';
import { seedDemoTranscripts } from '../transcripts/index.js';
import { seedDemoWorkgroups } from '../workgroups/index.js';

export async function seedOpenDataDemo(ctx: TestContext): Promise<void> {
  const demo = { planId: ctx.planId, agencyIds: ctx.agencies };
  await seedDemoWorkgroups(ctx.database.db, demo);
  await seedDemoForum(ctx.database.db, demo);
  await seedDemoTranscripts(ctx.database.db, { planId: ctx.planId });
  await seedDemoParticipation(ctx.database.db, demo);
  await seedDemoMonitoring(ctx.database.db, demo);
  await seedDemoRoster(ctx.database.db, demo);
  // Independent review (with the demo city's plan) and the government's self-assessment: their comments are inputs.
  await seedDemoSelfAssessment(ctx.database.db, demo);
  await seedDemoReview(ctx.database.db, demo);
}
