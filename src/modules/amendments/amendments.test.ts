/** Adoption and change control through real HTTP against a real database (issue #14, item 1; ADR 0031). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
let secretariat: Client;
let officerMoi: Client;
let officerNdc: Client;
let citizen: Client;
const anonymous = () => new Client(ctx.app);
const ids: Record<string, number> = {};
const SLUG = 'tw-2021-2024';

type Localized = { zh: string; en: string; status: string };
type Commitment = { id: number; version: number; description: Localized; objective: Localized; title: Localized };
type Milestone = { id: number; version: number; deliverable: Localized; endDate: string };
type Amendment = {
  id: number;
  status: string;
  version: number;
  changes: { field: string; before: unknown; after: unknown }[];
  planVersion: number | null;
  url: string;
};
type Proposed = { proposed: { id: number; status: string; url: string } };
type ErrorBody = { fields?: Record<string, string>; error: string };

const commitment = async (n: string) => json<Commitment>(await ctx.app.request(`/api/v1/commitments/${ids[n]}`));
const milestones = async (n: string) => (await json<{ items: Milestone[] }>(await ctx.app.request(`/api/v1/commitments/${ids[n]}/milestones`))).items;
const amendment = async (client: Client, id: number) => client.request(`/api/v1/amendments/${id}`);

let meetingId = 0;
/** A resolution of the test's meeting, made by the secretariat through the forum's API. */
const resolution = async (zh: string) => {
  const res = await secretariat.api('POST', `/api/v1/meetings/${meetingId}/resolutions`, { body: { zh, en: 'Decision' } });
  assert.equal(res.status, 201, await res.clone().text());
  return (await json<{ id: number }>(res)).id;
};

before(async () => {
  ctx = await setup();
  await addUser(ctx, 'sec@example.org', 'secretariat');
  await addUser(ctx, 'moi@example.org', 'agency-officer', ['MOI']);
  await addUser(ctx, 'ndc@example.org', 'agency-officer', ['NDC']);
  await addUser(ctx, 'citizen@example.org', 'public');
  secretariat = await signedIn(ctx.app, 'sec@example.org');
  officerMoi = await signedIn(ctx.app, 'moi@example.org');
  officerNdc = await signedIn(ctx.app, 'ndc@example.org');
  citizen = await signedIn(ctx.app, 'citizen@example.org');
  const list = await json<{ items: { id: number; number: string }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`));
  for (const c of list.items) ids[c.number] = c.id;
  const meeting = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/meetings`, {
    heldOn: '2022-10-20',
    kind: 'plenary',
    title: { zh: '推動小組第 8 次會議（期中檢討）', en: '8th forum meeting (mid-term review)' },
  });
  assert.equal(meeting.status, 201, await meeting.clone().text());
  meetingId = (await json<{ id: number }>(meeting)).id;
});
after(() => ctx.close());

describe('before adoption', () => {
  test('an officer’s edit of the official text applies directly (nothing is adopted yet)', async () => {
    const c = await commitment('4-1');
    const res = await officerMoi.api('PATCH', `/api/v1/commitments/${c.id}`, { version: c.version, objective: { zh: `${c.objective.zh}（草案修正）` } });
    assert.equal(res.status, 200, await res.clone().text());
  });
});

describe('adoption', () => {
  test('only the secretariat records it; the approval document is required; once only', async () => {
    const body = { authority: { zh: '行政院', en: 'the Executive Yuan' }, adoptedOn: '2021-01-29', documentReference: '院臺經字第1100000000號' };
    assert.equal((await anonymous().api('POST', `/api/v1/plans/${ctx.planId}/adoption`, body)).status, 401);
    assert.equal((await officerMoi.api('POST', `/api/v1/plans/${ctx.planId}/adoption`, body)).status, 403);
    assert.equal((await citizen.api('POST', `/api/v1/plans/${ctx.planId}/adoption`, body)).status, 403);
    const noDocument = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/adoption`, { ...body, documentReference: undefined });
    assert.equal(noDocument.status, 400);
    assert.ok((await json<ErrorBody>(noDocument)).fields?.documentReference);
    assert.equal((await json<{ adoption: null }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/adoption`))).adoption, null, 'nothing written');
    const ok = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/adoption`, { ...body, documentUrl: 'https://www.ey.gov.tw/' });
    assert.equal(ok.status, 201, await ok.clone().text());
    assert.equal((await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/adoption`, body)).status, 400, 'recorded once');
    const adoption = await json<{ adoption: { authority: Localized; adoptedOn: string } }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/adoption`));
    assert.equal(adoption.adoption.authority.zh, '行政院');
    const versions = await json<{ items: { number: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/versions`));
    assert.deepEqual(
      versions.items.map((v) => v.number),
      [1],
    );
  });
});

describe('change control after adoption (the acceptance line)', () => {
  let proposal = 0;
  let before: Commitment;
  const amended = '本承諾事項經期中檢討修正：政治獻金資料於收受後 30 日內以開放格式公開。';

  test('an officer’s edit of the description needs a reason, then becomes a proposed amendment (202), not a change', async () => {
    before = await commitment('4-1');
    const noReason = await officerMoi.api('PATCH', `/api/v1/commitments/${before.id}`, { version: before.version, description: { zh: amended } });
    assert.equal(noReason.status, 400);
    assert.ok((await json<ErrorBody>(noReason)).fields?.reason, 'the reason is named');
    const res = await officerMoi.api('PATCH', `/api/v1/commitments/${before.id}`, {
      version: before.version,
      description: { zh: amended },
      reason: '期中檢討：配合修法調整公開期限。',
    });
    assert.equal(res.status, 202, await res.clone().text());
    const body = await json<Proposed>(res);
    assert.equal(body.proposed.status, 'proposed');
    proposal = body.proposed.id;
    const now = await commitment('4-1');
    assert.equal(now.description.zh, before.description.zh, 'the adopted text is unchanged');
    assert.equal(now.version, before.version, 'nothing was written');
  });

  test('English-only edits and translation status still apply directly', async () => {
    const c = await commitment('4-1');
    const res = await officerMoi.api('PATCH', `/api/v1/commitments/${c.id}`, {
      version: c.version,
      description: { en: `${c.description.en} (English edition)`, status: 'draft' },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const after = await commitment('4-1');
    assert.equal(after.description.en, `${c.description.en} (English edition)`);
    assert.equal(after.description.zh, before.description.zh);
  });

  test('an undecided proposal: the secretariat, the proposing agency and forum members see it; the public and other agencies do not', async () => {
    assert.equal((await amendment(officerMoi, proposal)).status, 200);
    assert.equal((await amendment(secretariat, proposal)).status, 200);
    for (const outsider of [anonymous(), citizen, officerNdc]) {
      assert.equal((await amendment(outsider, proposal)).status, 404);
      const changes = await (await outsider.request(`/api/v1/plans/${ctx.planId}/changes`)).text();
      assert.ok(!changes.includes(amended), 'not in the plan’s changes');
      const page = await (await outsider.request(`/plans/${SLUG}/commitments/4-1/changes`)).text();
      assert.ok(!page.includes(amended), 'not on the changes page');
    }
    const seen = await officerMoi.request(`/plans/${SLUG}/commitments/4-1/changes`);
    assert.ok((await seen.text()).includes(amended));
    assert.match(seen.headers.get('cache-control') ?? '', /private, no-store/);
  });

  test('officers may not put it on an agenda or decide it; the decision needs the amendment scheduled and a resolution of its meeting', async () => {
    const a = await json<Amendment>(await amendment(secretariat, proposal));
    assert.equal((await officerMoi.api('POST', `/api/v1/amendments/${proposal}/schedule`, { meetingId, version: a.version })).status, 403);
    const early = await secretariat.api('POST', `/api/v1/amendments/${proposal}/decision`, { resolutionId: 1, outcome: 'applied', version: a.version });
    assert.equal(early.status, 400);
    const scheduled = await secretariat.api('POST', `/api/v1/amendments/${proposal}/schedule`, { meetingId, version: a.version });
    assert.equal(scheduled.status, 200, await scheduled.clone().text());
    // On a meeting's agenda (meetings are public), everyone sees it.
    assert.equal((await amendment(anonymous(), proposal)).status, 200);
    const s = await json<Amendment>(scheduled);
    const resolutionId = await resolution('同意承諾事項 4-1 修正案。');
    assert.equal(
      (await officerMoi.api('POST', `/api/v1/amendments/${proposal}/decision`, { resolutionId, outcome: 'applied', version: s.version })).status,
      403,
    );
    const stale = await secretariat.api('POST', `/api/v1/amendments/${proposal}/decision`, { resolutionId, outcome: 'applied', version: s.version - 1 });
    assert.equal(stale.status, 409);
  });

  test('after the forum’s decision it applies, version 2 exists, and versions 1 → 2 differ by exactly that change', async () => {
    const a = await json<Amendment>(await amendment(secretariat, proposal));
    const resolutionId = (
      await json<{ items: { id: number; meetingId: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/resolutions`))
    ).items.find((r) => r.meetingId === meetingId)?.id;
    const res = await secretariat.api('POST', `/api/v1/amendments/${proposal}/decision`, { resolutionId, outcome: 'applied', version: a.version });
    assert.equal(res.status, 200, await res.clone().text());
    const decided = await json<Amendment>(res);
    assert.equal(decided.status, 'applied');
    assert.equal(decided.planVersion, 2);
    const now = await commitment('4-1');
    assert.equal(now.description.zh, amended);
    assert.ok(now.description.en.endsWith('(English edition)'), 'the English edit made meanwhile is kept');
    const versions = await json<{ items: { number: number; amendmentIds: number[] }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/versions`));
    assert.deepEqual(
      versions.items.map((v) => [v.number, v.amendmentIds]),
      [
        [1, []],
        [2, [proposal]],
      ],
    );
    const diff = await json<{ changes: { entity: string; id: number; kind: string; changes: { field: string; before: unknown; after: unknown }[] }[] }>(
      await ctx.app.request(`/api/v1/plans/${ctx.planId}/versions/compare?from=1&to=2`),
    );
    assert.deepEqual(diff.changes, [
      {
        entity: 'commitment',
        id: ids['4-1'],
        number: '4-1',
        kind: 'changed',
        changes: [{ field: 'description', before: before.description.zh, after: amended }],
      },
    ]);
    // The history names the amendment.
    const history = await json<{ items: { entityType: string; changes: { field: string; after: unknown }[] }[] }>(
      await ctx.app.request(`/api/v1/commitments/${ids['4-1']}/history`),
    );
    assert.ok(history.items.some((h) => h.changes.some((c) => c.field === 'amendment' && c.after === proposal)));
    // The public pages, in both languages.
    for (const prefix of ['', '/en']) {
      const page = await (await ctx.app.request(`${prefix}/plans/${SLUG}/versions/compare?from=1&to=2`)).text();
      assert.ok(page.includes(amended) && page.includes('diff-after'), prefix);
      const changes = await (await ctx.app.request(`${prefix}/plans/${SLUG}/changes`)).text();
      assert.ok(changes.includes(amended), `${prefix} changes page`);
      assert.equal((await ctx.app.request(`${prefix}/plans/${SLUG}/versions`)).status, 200);
      assert.match(await (await ctx.app.request(`${prefix}/plans/${SLUG}/commitments/4-1`)).text(), /\/commitments\/4-1\/changes"/);
    }
  });

  test('an amendment that no longer applies cleanly answers 409 and writes nothing', async () => {
    const m = (await milestones('4-1'))[0]!;
    const proposed = await officerMoi.api('PATCH', `/api/v1/milestones/${m.id}`, {
      version: m.version,
      deliverable: { zh: `${m.deliverable.zh}（修正）` },
      reason: '調整產出。',
    });
    assert.equal(proposed.status, 202, await proposed.clone().text());
    const id = (await json<Proposed>(proposed)).proposed.id;
    // Meanwhile the secretariat corrects a typing error in the same deliverable.
    const corrected = await secretariat.api('PATCH', `/api/v1/milestones/${m.id}`, {
      version: m.version,
      deliverable: { zh: `${m.deliverable.zh}。` },
      editorial: true,
      reason: '補標點',
    });
    assert.equal(corrected.status, 200, await corrected.clone().text());
    const a = await json<Amendment>(await amendment(secretariat, id));
    const scheduled = await json<Amendment>(await secretariat.api('POST', `/api/v1/amendments/${id}/schedule`, { meetingId, version: a.version }));
    const resolutionId = await resolution('同意衡量指標修正案。');
    const res = await secretariat.api('POST', `/api/v1/amendments/${id}/decision`, { resolutionId, outcome: 'applied', version: scheduled.version });
    assert.equal(res.status, 409, await res.clone().text());
    assert.equal((await milestones('4-1'))[0]!.deliverable.zh, `${m.deliverable.zh}。`, 'the milestone is as corrected');
    assert.equal((await json<Amendment>(await amendment(secretariat, id))).status, 'scheduled', 'the amendment is undecided');
    const versions = await json<{ items: unknown[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/versions`));
    assert.equal(versions.items.length, 2, 'no new version');
    // Rejected instead: no change, no version.
    const rejected = await secretariat.api('POST', `/api/v1/amendments/${id}/decision`, { resolutionId, outcome: 'rejected', version: scheduled.version });
    assert.equal(rejected.status, 200);
    assert.equal((await json<Amendment>(rejected)).status, 'rejected');
    assert.equal((await json<{ items: unknown[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/versions`))).items.length, 2);
  });

  test('a milestone added or removed after adoption: the secretariat records it; an officer is refused, told why', async () => {
    const c = await json<Commitment & { startDate: string; endDate: string }>(await ctx.app.request(`/api/v1/commitments/${ids['4-1']}`));
    const before = await milestones('4-1');
    const milestone = {
      deliverable: { zh: '依期中檢討新增之衡量指標', en: 'A milestone the mid-term review added' },
      startDate: c.startDate,
      endDate: c.endDate,
    };
    const added = await officerMoi.api('POST', `/api/v1/commitments/${c.id}/milestones`, milestone, { 'accept-language': 'en' });
    assert.equal(added.status, 403);
    assert.match(JSON.stringify(await json(added)), /adding or removing a milestone changes it and needs the forum’s decision/);
    const first = before[0]!;
    const removed = await officerMoi.api('DELETE', `/api/v1/milestones/${first.id}?version=${first.version}`, undefined, { 'accept-language': 'zh-TW' });
    assert.equal(removed.status, 403);
    assert.match(JSON.stringify(await json(removed)), /須經推動小組決議/);
    assert.deepEqual(
      (await milestones('4-1')).map((m) => m.id),
      before.map((m) => m.id),
      'nothing was written',
    );
    // The pages offer it only to whoever may: the add link and the delete button.
    const pages = async (client: Client) => [
      await (await client.get(`/plans/${SLUG}/commitments/4-1`)).text(),
      await (await client.get(`/plans/${SLUG}/commitments/4-1/milestones/${first.id}/edit`)).text(),
    ];
    const [officerPage, officerForm] = await pages(officerMoi);
    assert.doesNotMatch(officerPage!, /milestones\/new/);
    assert.match(officerForm!, /name="deliverable/);
    assert.doesNotMatch(officerForm!, /\/delete"/);
    const [secretariatPage, secretariatForm] = await pages(secretariat);
    assert.match(secretariatPage!, /milestones\/new/);
    assert.match(secretariatForm!, /\/delete"/);
    const bySecretariat = await secretariat.api('POST', `/api/v1/commitments/${c.id}/milestones`, milestone);
    assert.equal(bySecretariat.status, 201, await bySecretariat.clone().text());
    const created = await json<Milestone>(bySecretariat);
    const gone = await secretariat.api('DELETE', `/api/v1/milestones/${created.id}?version=${created.version}`);
    assert.equal(gone.status, 204);
  });

  test('editorial corrections: the secretariat’s only, labelled in the history and on the changes page', async () => {
    const c = await commitment('4-1');
    const byOfficer = await officerMoi.api('PATCH', `/api/v1/commitments/${c.id}`, {
      version: c.version,
      title: { zh: `${c.title.zh}（勘誤）` },
      editorial: true,
      reason: 'typo',
    });
    assert.equal(byOfficer.status, 403);
    // Unmarked and without a reason, the secretariat's change of adopted text is neither: refused, nothing written.
    const unmarked = await secretariat.api('PATCH', `/api/v1/commitments/${c.id}`, { version: c.version, title: { zh: `${c.title.zh}（勘誤）` } });
    assert.equal(unmarked.status, 400);
    assert.match(JSON.stringify(await json(unmarked)), /editorial correction/);
    assert.equal((await commitment('4-1')).version, c.version);
    const ok = await secretariat.api('PATCH', `/api/v1/commitments/${c.id}`, {
      version: c.version,
      title: { zh: `${c.title.zh}（勘誤）` },
      editorial: true,
      reason: '更正誤植',
    });
    assert.equal(ok.status, 200, await ok.clone().text());
    const changes = await json<{ editorialCorrections: { note: string; commitmentNumber: string; changes: { field: string }[] }[] }>(
      await ctx.app.request(`/api/v1/plans/${ctx.planId}/changes`),
    );
    assert.ok(changes.editorialCorrections.some((x) => x.note === '更正誤植' && x.commitmentNumber === '4-1' && x.changes[0]?.field === 'title'));
    const history = await json<{ items: { changes: { field: string; after: unknown }[] }[] }>(await ctx.app.request(`/api/v1/commitments/${c.id}/history`));
    assert.deepEqual(history.items[0]?.changes.find((x) => x.field === 'editorial')?.after, '更正誤植');
    const page = await (await ctx.app.request(`/en/plans/${SLUG}/changes`)).text();
    assert.match(page, /Editorial correction/);
  });

  test('the edit form: a reason field; a change of the official text goes to its amendment’s page', async () => {
    const form = await officerMoi.get(`/plans/${SLUG}/commitments/4-1/edit`);
    const html = await form.text();
    assert.match(html, /name="reason"/);
    assert.ok(!html.includes('name="editorial"'), 'officers get no editorial mark');
    const c = await commitment('4-1');
    const noReason = await officerMoi.postForm(`/plans/${SLUG}/commitments/4-1/edit`, { version: String(c.version), 'problem.zh': '新的問題敘述' });
    assert.equal(noReason.status, 400);
    const posted = await officerMoi.postForm(`/plans/${SLUG}/commitments/4-1/edit`, {
      version: String(c.version),
      'problem.zh': '新的問題敘述',
      reason: '期中檢討',
    });
    assert.equal(posted.status, 303);
    assert.match(posted.headers.get('location') ?? '', /\/plans\/tw-2021-2024\/amendments\/\d+$/);
    const page = await officerMoi.get(posted.headers.get('location') ?? '');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /新的問題敘述/);
    assert.match(await (await secretariat.get(`/plans/${SLUG}/commitments/4-1/edit`)).text(), /name="editorial"/);
  });
});
