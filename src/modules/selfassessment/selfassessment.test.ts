/**
 * The government's self-assessment through real HTTP against a real database: the demo (the end-of-term 2024 one, published after a
 * comment the secretariat answered); the lifecycle (a draft hidden from all but the secretariat, entries prefilled
 * from the monitoring, public comment answered by the secretariat and counted in the government's figures,
 * publication only after the period, never changed after); the forms.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addUser, Client, json, setupForTest, signedIn } from '../../../test/helpers.js';
import { seedDemoSelfAssessment } from './selfassessment.seed.js';

type Entry = { id: number; commitmentId: number; status: string; narrative: { zh: string; en: string }; version: number };
type Assessment = { id: number; year: number; state: string; version: number; commentsOpen: boolean; entries: Entry[]; url: string };
type ErrorBody = { error: string; fields?: Record<string, string> };
const DAY = 24 * 3600 * 1000;

describe('the government’s self-assessment', () => {
  test('the demo: the end-of-term one (2024), published after a comment the secretariat answered, on the plan’s page in both languages', async (t) => {
    const ctx = await setupForTest(t);
    await seedDemoSelfAssessment(ctx.database.db, { planId: ctx.planId });
    const anonymous = new Client(ctx.app);
    const { items } = await json<{ items: Assessment[] }>(await anonymous.get(`/api/v1/plans/${ctx.planId}/self-assessments`));
    assert.deepEqual(
      items.map((a) => [a.year, a.state]),
      [[2024, 'published']],
    );
    const demo = items[0] as Assessment;
    assert.equal(demo.entries.length, 19, 'one entry per commitment');
    assert.equal(demo.entries.filter((e) => e.narrative.en !== '').length, 5);
    const comments = await json<{ items: { targetType: string; response: { state: string } }[] }>(
      await anonymous.get(`/api/v1/plans/${ctx.planId}/inputs?target=self-assessment:${demo.id}`),
    );
    assert.deepEqual(
      comments.items.map((i) => [i.targetType, i.response.state]),
      [['self-assessment', 'adopted']],
    );
    for (const [lang, words] of [
      ['', /2024 年政府自評（期末）[\s\S]*意見與幕僚的回應（1 則）/],
      ['/en', /end-of-term self-assessment \(2024\)[\s\S]*Comments and the secretariat’s answers \(1\)/],
    ] as const) {
      const page = await anonymous.get(`${lang}${demo.url}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), words);
      assert.match(
        await (await anonymous.get(`${lang}/plans/tw-2021-2024/self-assessments`)).text(),
        lang ? /end-of-term self-assessment \(2024\)/ : /2024 年政府自評（期末）/,
      );
    }
  });

  test('draft hidden, prefilled, commented on and answered by the secretariat, published after its period, never changed after', async (t) => {
    const ctx = await setupForTest(t);
    await addUser(ctx, 'sec@example.tw', 'secretariat');
    await addUser(ctx, 'officer@example.tw', 'agency-officer', ['MOI']);
    await addUser(ctx, 'citizen@example.tw', 'public');
    const secretariat = await signedIn(ctx.app, 'sec@example.tw');
    const officer = await signedIn(ctx.app, 'officer@example.tw');
    const citizen = await signedIn(ctx.app, 'citizen@example.tw');
    const anonymous = new Client(ctx.app);
    const start = { year: 2023, title: { zh: '2023 年自評', en: 'Self-assessment 2023' } };

    assert.equal((await officer.api('POST', `/api/v1/plans/${ctx.planId}/self-assessments`, start)).status, 403, 'the secretariat writes it');
    const created = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/self-assessments`, start);
    assert.equal(created.status, 201, await created.clone().text());
    const draft = await json<Assessment>(created);
    assert.equal(draft.entries.length, 19);
    // Prefilled from the monitoring, as the commitment pages show it: no report has been submitted here, and
    // silence never reads as progress, whatever status was set by hand.
    assert.deepEqual(new Set(draft.entries.map((e) => e.status)), new Set(['not-started']));
    const again = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/self-assessments`, start, { 'accept-language': 'en' });
    assert.equal(again.status, 400);
    assert.match((await json<ErrorBody>(again)).fields?.year ?? '', /already has a self-assessment of 2023/);

    // A draft is the secretariat's: 404 elsewhere, in the API, on its page and list, in the history.
    for (const who of [anonymous, officer, citizen]) {
      assert.equal((await who.get(`/api/v1/self-assessments/${draft.id}`)).status, 404);
      assert.equal((await who.get(draft.url)).status, 404);
      assert.deepEqual((await json<{ items: unknown[] }>(await who.get(`/api/v1/plans/${ctx.planId}/self-assessments`))).items, []);
    }
    const entry = draft.entries[0] as Entry;
    const narrative = { zh: '依進度報告推動。', en: 'On schedule per the progress report.' };
    const badStatus = await secretariat.api(
      'PATCH',
      `/api/v1/self-assessment-entries/${entry.id}`,
      { version: entry.version, status: 'done' },
      { 'accept-language': 'en' },
    );
    assert.equal(badStatus.status, 400);
    assert.match((await json<ErrorBody>(badStatus)).fields?.status ?? '', /commitment statuses/);
    assert.equal((await officer.api('PATCH', `/api/v1/self-assessment-entries/${entry.id}`, { version: entry.version, narrative })).status, 403);
    const edited = await secretariat.api('PATCH', `/api/v1/self-assessment-entries/${entry.id}`, { version: entry.version, status: 'completed', narrative });
    assert.equal(edited.status, 200, await edited.clone().text());
    assert.equal((await secretariat.api('PATCH', `/api/v1/self-assessment-entries/${entry.id}`, { version: entry.version, narrative })).status, 409);
    assert.doesNotMatch(await (await anonymous.get('/plans/tw-2021-2024/history')).text(), /依進度報告推動/);

    // The comment period: public; anyone signed in comments; the secretariat answers; it counts in the figures.
    const opened = await json<Assessment>(await secretariat.api('POST', `/api/v1/self-assessments/${draft.id}/comment-period`, { version: draft.version }));
    assert.deepEqual([opened.state, opened.commentsOpen], ['comment', true]);
    assert.match(await (await anonymous.get(`/en${draft.url}`)).text(), /On schedule per the progress report/);
    const figuresBefore = await json<{ totals: { inputs: number } }>(await anonymous.get(`/api/v1/plans/${ctx.planId}/input-figures`));
    const comment = await citizen.api('POST', `/api/v1/plans/${ctx.planId}/inputs`, {
      kind: 'comment',
      targetType: 'self-assessment-entry',
      targetId: entry.id,
      body: '完成的證據在哪裡？',
    });
    assert.equal(comment.status, 201, await comment.clone().text());
    const posted = await json<{ id: number; version: number; commitmentId: number | null }>(comment);
    assert.equal(posted.commitmentId, entry.commitmentId, 'a comment on an entry belongs to its commitment');
    const figuresAfter = await json<{ totals: { inputs: number } }>(await anonymous.get(`/api/v1/plans/${ctx.planId}/input-figures`));
    assert.equal(figuresAfter.totals.inputs, figuresBefore.totals.inputs + 1, 'the government answers it: it counts');
    const early = await secretariat.api('POST', `/api/v1/self-assessments/${draft.id}/publication`, { version: opened.version }, { 'accept-language': 'en' });
    assert.equal(early.status, 409);
    const answered = await secretariat.api('PUT', `/api/v1/inputs/${posted.id}/response`, {
      state: 'noted',
      reason: { zh: '證據見進度報告。' },
      version: posted.version,
    });
    assert.equal(answered.status, 200, await answered.clone().text());

    // Closed: no more comments (saying when); published; never changed after.
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 15 * DAY);
    const sec = await signedIn(ctx.app, 'sec@example.tw');
    const late = await (
      await signedIn(ctx.app, 'citizen@example.tw')
    ).api(
      'POST',
      `/api/v1/plans/${ctx.planId}/inputs`,
      { kind: 'comment', targetType: 'self-assessment', targetId: draft.id, body: '太晚了嗎？' },
      { 'accept-language': 'en' },
    );
    assert.equal(late.status, 400);
    assert.match((await json<ErrorBody>(late)).fields?.targetId ?? '', /closed on/);
    const published = await sec.api('POST', `/api/v1/self-assessments/${draft.id}/publication`, { version: opened.version });
    assert.equal(published.status, 200, await published.clone().text());
    const fixed = await sec.api(
      'PATCH',
      `/api/v1/self-assessments/${draft.id}`,
      { version: (await json<Assessment>(published)).version, title: { en: 'x' } },
      { 'accept-language': 'en' },
    );
    assert.equal(fixed.status, 409);
    assert.match((await json<ErrorBody>(fixed)).error, /published and cannot be changed/);
  });

  test('the secretariat’s forms: start one, write an entry; nobody else sees them', async (t) => {
    const ctx = await setupForTest(t);
    await addUser(ctx, 'sec@example.tw', 'secretariat');
    const secretariat = await signedIn(ctx.app, 'sec@example.tw');
    const anonymous = new Client(ctx.app);
    assert.equal((await anonymous.get('/plans/tw-2021-2024/self-assessments/new')).status, 401);
    assert.equal((await secretariat.get('/en/plans/tw-2021-2024/self-assessments/new')).status, 200);
    const refused = await secretariat.postForm('/en/plans/tw-2021-2024/self-assessments/new', { year: '1999', 'title.zh': '自評', 'title.en': 'Self' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /between 2000 and 2100/);
    const created = await secretariat.postForm('/plans/tw-2021-2024/self-assessments/new', {
      year: '2024',
      'title.zh': '2024 年自評',
      'title.en': 'Self-assessment 2024',
      commentDays: '',
    });
    assert.equal(created.status, 303, await created.clone().text());
    const location = created.headers.get('location') ?? '';
    assert.match(location, /^\/self-assessments\/\d+$/);
    const page = await (await secretariat.get(location)).text();
    const edit = /href="(\/self-assessments\/entries\/\d+\/edit)"/.exec(page)?.[1] ?? '';
    assert.notEqual(edit, '');
    assert.equal((await anonymous.get(edit)).status, 401);
    const form = await (await secretariat.get(edit)).text();
    const version = /name="version" value="(\d+)"/.exec(form)?.[1] ?? '';
    const saved = await secretariat.postForm(edit, {
      version,
      status: 'in-progress',
      'narrative.zh': '按進度。',
      'narrative.en': 'On schedule.',
      'narrative.status': 'reviewed',
    });
    assert.equal(saved.status, 303, await saved.clone().text());
    assert.match(await (await secretariat.get(`/en${location}`)).text(), /On schedule\./);
  });
});
