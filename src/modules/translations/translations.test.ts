/**
 * The English edition through real HTTP against a real database: the board's figures and filters (API and page,
 * without JavaScript), the editor's who-may (translator of the plan or the site, secretariat: yes; participant,
 * agency officer, a translator of another plan: 403; signed out: 401), stale versions (409), draft versus
 * reviewed, the Chinese left alone, the history, and the `englishEdition` provision.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, json, setup, setupForTest, signedIn, type TestContext } from '../../../test/helpers.js';
import { provided, registerModules } from '../../web/module.js';
import { insertGrant } from '../accounts/index.js';
import { modules } from '../index.js';
import { editionFigure, percentOf } from './translations.model.js';

const SLUG = 'tw-2021-2024';
type L = { zh: string; en: string; status: 'missing' | 'draft' | 'reviewed' };
type Figure = { total: number; missing: number; draft: number; reviewed: number; share: number; percent: number; complete: boolean };
type Unit = {
  entity: string;
  id: number;
  field: string;
  text: L;
  version: number;
  areaId: number | null;
  agencyId: number | null;
  commitmentNumber: string | null;
  editUrl: string;
};
type BoardJson = {
  edition: Figure;
  byArea: (Figure & { id: number })[];
  byAgency: (Figure & { id: number })[];
  items: Unit[];
  total: number;
  page: number;
  perPage: number;
};
type Texts = { entity: string; id: number; planId: number; version: number; fields: { field: string; text: L }[] };
type ErrorBody = { error: string; fields?: Record<string, string>; current?: { version: number } };

const board = async (client: Client, planId: number, query = '') => json<BoardJson>(await client.request(`/api/v1/plans/${planId}/translations${query}`));

async function translator(ctx: TestContext, email: string, scope: { scope: 'site'; scopeId: null } | { scope: 'plan'; scopeId: number }): Promise<Client> {
  const id = await addUser(ctx, email, 'public');
  await insertGrant(ctx.database.db, id, { role: 'translator', ...scope }, 'admin');
  return signedIn(ctx.app, email);
}

describe('the translation board', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await setup();
  });
  after(() => ctx.close());

  test('figures: counts by status add up, the share and percent follow, by area and by agency too', async () => {
    const anon = new Client(ctx.app);
    const b = await board(anon, ctx.planId);
    const e = b.edition;
    assert.ok(e.total > 100, `the demo plan has many texts (${e.total})`);
    assert.equal(e.missing + e.draft + e.reviewed, e.total);
    assert.equal(e.share, e.reviewed / e.total);
    assert.equal(e.percent, percentOf(e.share));
    assert.equal(e.complete, e.reviewed === e.total);
    assert.equal(b.total, e.total, 'unfiltered, every text is listed');
    assert.equal(b.items.length, Math.min(100, e.total), 'one page of 100');
    assert.equal(
      b.byArea.reduce((n, a) => n + a.total, 0),
      e.total - b.items.filter((u) => u.entity === 'plan').length,
      'every text but the plan’s own is in one area',
    );
    const edition = await json<Figure>(await anon.request(`/api/v1/plans/${ctx.planId}/english-edition`));
    assert.deepEqual(edition, e);
    assert.equal((await anon.request('/api/v1/plans/999999/english-edition')).status, 404);
  });

  test('filters: status, kind, field, area and agency each narrow the list to what they say', async () => {
    const anon = new Client(ctx.app);
    const all = await board(anon, ctx.planId);
    const reviewed = await board(anon, ctx.planId, '?status=reviewed');
    assert.equal(reviewed.total, all.edition.reviewed);
    assert.ok(reviewed.items.every((u) => u.text.status === 'reviewed'));
    const milestones = await board(anon, ctx.planId, '?kind=milestone&field=deliverable');
    assert.ok(milestones.total > 0 && milestones.items.every((u) => u.entity === 'milestone' && u.field === 'deliverable'));
    const area = all.byArea[1];
    assert.ok(area);
    const inArea = await board(anon, ctx.planId, `?area=${area.id}`);
    assert.equal(inArea.total, area.total);
    assert.ok(inArea.items.every((u) => u.areaId === area.id));
    const agency = all.byAgency[0];
    assert.ok(agency);
    const ofAgency = await board(anon, ctx.planId, `?agency=${agency.id}&kind=commitment`);
    assert.ok(ofAgency.total > 0 && ofAgency.items.every((u) => u.agencyId === agency.id && u.entity === 'commitment'));
    const page2 = await board(anon, ctx.planId, '?page=2');
    assert.equal(page2.page, 2);
    assert.notDeepEqual(page2.items[0], all.items[0]);
    const bad = await anon.request(`/api/v1/plans/${ctx.planId}/translations?kind=speech`);
    assert.equal(bad.status, 400);
    assert.ok((await json<ErrorBody>(bad)).fields?.kind);
  });

  test('the page in both languages: the figure, a GET filter form that works without JavaScript, no edit links for the public', async () => {
    const anon = new Client(ctx.app);
    const zh = await anon.get(`/plans/${SLUG}/translations`);
    assert.equal(zh.status, 200);
    const html = await zh.text();
    assert.match(html, /英文版：已校對 [\d.]+%/);
    assert.match(html, /<form method="get"/);
    assert.doesNotMatch(html, /\/translations\/commitment\/\d+/, 'no editor links for the public');
    // A filter form sends every select, chosen or not.
    const filtered = await anon.get(`/en/plans/${SLUG}/translations?area=&agency=&kind=milestone&field=&status=`);
    assert.equal(filtered.status, 200);
    const en = await filtered.text();
    assert.match(en, /English edition: [\d.]+ % reviewed/);
    assert.match(en, /<option value="milestone" selected/);
    assert.equal((await anon.get(`/en/plans/${SLUG}/translations?status=finished`)).status, 400);
    assert.equal((await anon.get('/plans/no-such-plan/translations')).status, 404);
    const plan = await anon.get(`/en/plans/${SLUG}`);
    assert.match(await plan.text(), new RegExp(`href="/en/plans/${SLUG}/translations"`), 'the plan page links the board');
  });
});

describe('the editor', () => {
  test('who may: translators of the plan or the site and the secretariat; participants, officers, other plans’ translators may not', async (t) => {
    const ctx = await setupForTest(t);
    await addUser(ctx, 'sec@t.tw', 'secretariat');
    await addUser(ctx, 'public@t.tw', 'public');
    await addUser(ctx, 'officer@t.tw', 'agency-officer', ['MOI']);
    const clients = {
      siteTranslator: await translator(ctx, 'site@t.tw', { scope: 'site', scopeId: null }),
      planTranslator: await translator(ctx, 'plan@t.tw', { scope: 'plan', scopeId: ctx.planId }),
      otherPlanTranslator: await translator(ctx, 'other@t.tw', { scope: 'plan', scopeId: ctx.planId + 1000 }),
      secretariat: await signedIn(ctx.app, 'sec@t.tw'),
      participant: await signedIn(ctx.app, 'public@t.tw'),
      officer: await signedIn(ctx.app, 'officer@t.tw'),
      anonymous: new Client(ctx.app),
    };
    const expected: Record<keyof typeof clients, number> = {
      siteTranslator: 200,
      planTranslator: 200,
      otherPlanTranslator: 403,
      secretariat: 200,
      participant: 403,
      officer: 403,
      anonymous: 401,
    };
    const unit = (await board(clients.anonymous, ctx.planId, '?kind=commitment&field=objective')).items[0];
    assert.ok(unit);
    for (const [who, client] of Object.entries(clients) as [keyof typeof clients, Client][]) {
      const current = await json<Texts>(await client.request(`/api/v1/commitments/${unit.id}/translation`));
      const res = await client.api('PATCH', `/api/v1/commitments/${unit.id}/translation`, {
        version: current.version,
        fields: { objective: { en: `Objective as ${who} put it.` } },
      });
      assert.equal(res.status, expected[who], `${who}: ${res.status}`);
      const page = await client.get(`/plans/${SLUG}/translations/commitment/${unit.id}`);
      assert.equal(page.status, expected[who], `${who} editor page`);
    }
  });

  test('the admin gives the translator’s role for one plan (API and page); it takes effect at once and is taken back', async (t) => {
    const ctx = await setupForTest(t);
    await addUser(ctx, 'admin@t.tw', 'admin');
    const userId = await addUser(ctx, 'newtr@t.tw', 'public');
    const admin = await signedIn(ctx.app, 'admin@t.tw');
    const tr = await signedIn(ctx.app, 'newtr@t.tw');
    const unit = (await board(tr, ctx.planId, '?kind=area&field=title')).items[0];
    assert.ok(unit);
    const edit = (version: number) => tr.api('PATCH', `/api/v1/areas/${unit.id}/translation`, { version, fields: { title: { en: 'Open data' } } });
    assert.equal((await edit(unit.version)).status, 403);
    const granted = await admin.api('POST', `/api/v1/users/${userId}/grants`, { role: 'translator', scope: 'plan', scopeId: ctx.planId });
    assert.equal(granted.status, 201);
    const grant = await json<{ id: number; role: string }>(granted);
    assert.equal(grant.role, 'translator');
    assert.equal((await edit(unit.version)).status, 200);
    const page = await admin.get('/en/account/users?email=newtr%40t.tw');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<option value="translator"/, 'the admin’s page offers the role');
    assert.match(html, /Translator \(English edition\)/);
    assert.equal((await admin.api('DELETE', `/api/v1/users/${userId}/grants/${grant.id}`)).status, 204);
    assert.equal((await edit(unit.version + 1)).status, 403);
  });

  test('an entered text is a draft, reviewed only when marked; the Chinese stays; stale is 409; history records the change', async (t) => {
    const ctx = await setupForTest(t);
    const tr = await translator(ctx, 'tr@t.tw', { scope: 'plan', scopeId: ctx.planId });
    const before = await board(tr, ctx.planId);
    const unit = (await board(tr, ctx.planId, '?kind=milestone&status=reviewed')).items[0];
    assert.ok(unit);
    const path = `/api/v1/milestones/${unit.id}/translation`;
    const drafted = await tr.api('PATCH', path, { version: unit.version, fields: { [unit.field]: { en: 'A pasted machine translation.' } } });
    assert.equal(drafted.status, 200);
    const afterDraft = await json<Texts>(drafted);
    const field = afterDraft.fields.find((f) => f.field === unit.field);
    assert.deepEqual(field?.text, { zh: unit.text.zh, en: 'A pasted machine translation.', status: 'draft' });
    assert.equal(afterDraft.version, unit.version + 1);
    const mid = await board(tr, ctx.planId);
    assert.equal(mid.edition.reviewed, before.edition.reviewed - 1);
    assert.equal(mid.edition.draft, before.edition.draft + 1);

    // The version the client last saw is now stale.
    const stale = await tr.api('PATCH', path, { version: unit.version, fields: { [unit.field]: { en: 'Late.', status: 'reviewed' } } });
    assert.equal(stale.status, 409);
    assert.equal((await json<ErrorBody>(stale)).current?.version, afterDraft.version);

    const reviewed = await json<Texts>(
      await tr.api('PATCH', path, { version: afterDraft.version, fields: { [unit.field]: { en: 'The reviewed English.', status: 'reviewed' } } }),
    );
    assert.equal(reviewed.fields.find((f) => f.field === unit.field)?.text.status, 'reviewed');
    assert.equal((await board(tr, ctx.planId)).edition.reviewed, before.edition.reviewed);

    // Emptying the English makes the pair missing, whatever was asked.
    const emptied = await json<Texts>(await tr.api('PATCH', path, { version: reviewed.version, fields: { [unit.field]: { en: '', status: 'reviewed' } } }));
    assert.equal(emptied.fields.find((f) => f.field === unit.field)?.text.status, 'missing');

    // Unknown fields, a field of another kind, a bad status: 400 naming the field, nothing written.
    for (const fields of [{ title: { en: 'x' } }, { objective: { en: 'x' } }, { [unit.field]: { en: 'x', status: 'missing' } }]) {
      const res = await tr.api('PATCH', path, { version: emptied.version, fields });
      assert.equal(res.status, 400, JSON.stringify(fields));
      assert.ok(
        Object.keys((await json<ErrorBody>(res)).fields ?? {}).some((k) => k.startsWith('fields')),
        JSON.stringify(fields),
      );
    }
    assert.equal((await json<Texts>(await tr.request(path))).version, emptied.version);

    const history = await ctx.database.db
      .selectFrom('history')
      .select(['entity_type', 'action', 'actor_name', 'changes'])
      .where('entity_type', '=', 'milestone')
      .where('entity_id', '=', unit.id)
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    assert.equal(history.length, 3);
    assert.ok(history.every((h) => h.actor_name === 'tr'));
    assert.deepEqual(
      (history[0]?.changes as { field: string }[]).map((c) => c.field),
      [unit.field],
    );
  });

  test('the form: side by side, the Chinese read-only; unchecked saves a draft, checked saves reviewed; a stale form shows the stored text', async (t) => {
    const ctx = await setupForTest(t);
    const tr = await translator(ctx, 'tr@t.tw', { scope: 'site', scopeId: null });
    const unit = (await board(tr, ctx.planId, '?kind=plan&field=title')).items[0];
    assert.ok(unit);
    const editor = `/en/plans/${SLUG}/translations/plan/${ctx.planId}?field=title`;
    const page = await tr.get(editor);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes(unit.text.zh), 'the Chinese is shown');
    assert.doesNotMatch(html, /name="fields\.title\.zh"/, 'the Chinese is not a field');
    assert.match(html, /name="fields\.title\.en"/);
    assert.doesNotMatch(html, /name="fields\.introduction\.en"/, 'one field only when asked');

    const saved = await tr.postForm(editor, { version: String(unit.version), 'fields.title.en': 'Open Government National Action Plan (draft title)' });
    assert.equal(saved.status, 303);
    const afterDraft = await json<Texts>(await tr.request(`/api/v1/plans/${ctx.planId}/translation`));
    assert.deepEqual(afterDraft.fields.find((f) => f.field === 'title')?.text, {
      zh: unit.text.zh,
      en: 'Open Government National Action Plan (draft title)',
      status: 'draft',
    });

    const stale = await tr.postForm(editor, { version: String(unit.version), 'fields.title.en': 'Mine', 'fields.title.status': 'reviewed' });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /draft title/);

    const ok = await tr.postForm(editor, { version: String(afterDraft.version), 'fields.title.en': unit.text.en, 'fields.title.status': 'reviewed' });
    assert.equal(ok.status, 303);
    const final = await json<Texts>(await tr.request(`/api/v1/plans/${ctx.planId}/translation`));
    assert.deepEqual(final.fields.find((f) => f.field === 'title')?.text, { ...unit.text, status: 'reviewed' });

    // Another plan's entity under this plan's address is not found.
    assert.equal((await tr.get(`/plans/${SLUG}/translations/plan/999999`)).status, 404);
    assert.equal((await tr.get(`/plans/${SLUG}/translations/speech/1`)).status, 404);
  });

  test('the englishEdition provision gives the same figure as the API, and "complete" only when every text is reviewed', async (t) => {
    registerModules(modules);
    const ctx = await setupForTest(t);
    const source = provided('englishEdition');
    assert.ok(source);
    const figure = await source(ctx.database.db, ctx.planId);
    const api = await json<Figure>(await new Client(ctx.app).request(`/api/v1/plans/${ctx.planId}/english-edition`));
    assert.deepEqual({ ...figure, percent: api.percent }, api);
    assert.equal(await source(ctx.database.db, 999_999), undefined);
    const text = (status: L['status']) => ({ text: { zh: '中', en: 'en', status } });
    assert.equal(editionFigure([text('reviewed'), text('reviewed')]).complete, true);
    assert.equal(editionFigure([text('reviewed'), text('draft')]).complete, false);
    assert.equal(editionFigure([]).complete, false, 'nothing to translate is no edition');
    assert.equal(percentOf(1999 / 2000), 99.9, 'never rounded up to 100 %');
  });
});
