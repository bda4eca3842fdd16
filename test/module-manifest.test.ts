/**
 * The module manifest (ADR 0019): a capability added as one folder (test/fixtures/sample-capability), one line in the
 * modules list and one migration gets a page in both languages, an API route in the OpenAPI document, a section
 * on the commitment page, its messages and its authorization rule, without editing anything central.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { createApp, type App } from '../src/app.js';
import { migrate } from '../src/db/migrator.js';
import { can } from '../src/domain/authorization.js';
import { modules } from '../src/modules/index.js';
import { isMessageKey, t } from '../src/web/i18n.js';
import { sectionsFor } from '../src/web/sections.js';
import { sampleModule } from './fixtures/sample-capability/index.js';
import { addUser, Client, PASSWORD, setup, type TestContext } from './helpers.js';

let ctx: TestContext;
let app: App;

before(async () => {
  ctx = await setup();
  // The one migration.
  assert.deepEqual(await migrate(ctx.database, fileURLToPath(new URL('./fixtures/sample-capability/migrations/', import.meta.url))), ['0100_sample_notes.sql']);
  // The one line: the modules list with the new capability in it.
  app = createApp({
    services: {
      db: ctx.database.db,
      sessionSecret: 'test-secret-0123456789abcdef0123456789',
      secureCookies: false,
      now: () => ctx.clock.now,
      config: { publicUrl: undefined },
    },
    modules: [...modules, sampleModule],
  });
});
after(() => ctx.close());

test('its page answers in both languages with its messages', async () => {
  const zh = await app.request('/sample');
  assert.equal(zh.status, 200);
  assert.match(await zh.text(), /<h1>所有筆記<\/h1>/);
  const en = await app.request('/en/sample');
  assert.match(await en.text(), /<h1>All notes<\/h1>/);
  assert.ok(isMessageKey('sample.notes'));
  assert.equal(t('en', 'sample.none'), 'No notes yet.');
});

test('its API route is served and listed in the OpenAPI document', async () => {
  const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(doc.paths['/sample/commitments/{id}/notes']);
  const list = await app.request('/api/v1/sample/commitments/1/notes');
  assert.equal(list.status, 200);
  assert.deepEqual(await list.json(), { items: [] });
});

test('its rule decides who may write, and its section shows on the commitment page in order', async () => {
  const lead = ctx.agencies.get('MOI');
  assert.ok(lead !== undefined);
  assert.deepEqual(
    sectionsFor('commitment').map((s) => s.id),
    ['notifications.followCommitment', 'monitoring.progress', 'workgroups.commitment', 'participation.commitment', 'review.commitment', 'sample.notes'],
  );
  const officer = { id: 1, displayName: 'o', role: 'agency-officer' as const, agencyIds: [lead] };
  assert.equal(can(officer, 'sample.write', { leadAgencyId: lead }), true);
  assert.equal(can(officer, 'sample.write', { leadAgencyId: lead + 1000 }), false);

  const commitment = await ctx.database.db
    .selectFrom('commitments')
    .select(['id', 'number', 'lead_agency_id'])
    .where('lead_agency_id', '=', lead)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const plan = await ctx.database.db.selectFrom('action_plans').select('slug').where('id', '=', ctx.planId).executeTakeFirstOrThrow();
  await addUser(ctx, 'sample-officer@example.tw', 'agency-officer', ['MOI']);
  const client = new Client(app);
  await client.get('/login');
  const signIn = await client.postForm('/login', { email: 'sample-officer@example.tw', password: PASSWORD });
  assert.equal(signIn.status, 303);
  await client.get('/');
  const refused = await client.api('POST', `/api/v1/sample/commitments/${commitment.id}/notes`, { body: 'x', leadAgencyId: lead + 1000 });
  assert.equal(refused.status, 403);
  const added = await client.api('POST', `/api/v1/sample/commitments/${commitment.id}/notes`, { body: 'A note from the sample module', leadAgencyId: lead });
  assert.equal(added.status, 201);

  const page = await (await app.request(`/en/plans/${plan.slug}/commitments/${commitment.number}`, { headers: { 'cache-control': 'no-cache' } })).text();
  const progress = page.indexOf('aria-labelledby="s-progress"');
  const notes = page.indexOf('A note from the sample module');
  assert.ok(notes > 0, 'the section shows the note');
  assert.ok(progress > 0 && progress < notes, 'monitoring (order 10) comes before the sample (order 50)');
});

test('its link joins the plan page after the other modules’ links, and its section ends the agency page', async () => {
  assert.deepEqual(
    sectionsFor('planFollow').map((s) => s.id),
    [
      'notifications.followPlan',
      'document.planLink',
      'monitoring.planLinks',
      'amendments.planLinks',
      'forum.planLinks',
      'roster.planLinks',
      'repository.planLink',
      'workgroups.planLinks',
      'cocreation.planLink',
      'participation.planLinks',
      'translations.planLink',
      'selfAssessment.planLink',
      'review.planLink',
      'sample.planLink',
    ],
  );
  const plan = await ctx.database.db.selectFrom('action_plans').select('slug').where('id', '=', ctx.planId).executeTakeFirstOrThrow();
  const page = await (await app.request(`/en/plans/${plan.slug}`, { headers: { 'cache-control': 'no-cache' } })).text();
  const follow = page.slice(page.indexOf('id="follow-heading"'), page.indexOf('id="toc-heading"'));
  const order = ['/en/plans/tw-2021-2024/progress', '/en/plans/tw-2021-2024/meetings', '/en/sample'].map((href) => follow.indexOf(`href="${href}"`));
  assert.ok(
    order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0))),
    `links in order: ${order.join(', ')}`,
  );
  const agency = await (await app.request('/en/agencies/MOI', { headers: { 'cache-control': 'no-cache' } })).text();
  assert.match(agency, /<p class="sample-agency">Notes: MOI<\/p>\s*<\/main>/);
});

test('what a module provides reaches the module that declared the need, and two providers of one name are refused', async () => {
  const { provided, registerModules } = await import('../src/web/module.js');
  // Monitoring provides plans' `latestReported` (the public status follows the latest report).
  const monitoring = modules.find((m) => m.name === 'monitoring');
  assert.ok(monitoring?.provides?.latestReported);
  assert.equal(provided('latestReported'), monitoring.provides.latestReported);
  assert.throws(
    () => registerModules([{ name: 'rival', provides: { latestReported: monitoring.provides!.latestReported! } }]),
    /"latestReported" is provided by both monitoring and rival/,
  );
});
