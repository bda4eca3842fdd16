/** The monitoring form codecs: what a form shows, what it posts back as the API's input, what a refused post shows again. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_CYCLE_OPTIONS, type ProgressReport } from '../../domain/monitoring.js';
import { nestForm, type FormBody } from '../../web/forms.js';
import { Client, addUser, json, setup, type TestContext } from '../../../test/helpers.js';
import { cycleGenerateForm, evidenceForm, reportForm, transferForm, type ReportFormValues } from './monitoring.forms.js';
import { cycleGenerateInput, reportUpdateInput } from './monitoring.schemas.js';

const stored: ProgressReport = {
  id: 7,
  commitmentId: 3,
  cycleId: 2,
  revision: 1,
  agencyId: 1,
  state: 'draft',
  achievements: { zh: '完成', en: 'Done', status: 'reviewed' },
  participation: { zh: '座談', en: '', status: 'missing' },
  civilSocietyParticipants: 27,
  governmentParticipants: null,
  problems: { zh: '', en: '', status: 'missing' },
  nextSteps: { zh: '下一步', en: 'Next', status: 'draft' },
  budgetSpent: '1250000.50',
  budgetCurrency: 'TWD',
  budgetNote: { zh: '', en: '', status: 'missing' },
  milestones: [
    { milestoneId: 11, status: 'completed', percent: 100, reason: { zh: '', en: '', status: 'missing' } },
    { milestoneId: 12, status: 'delayed', percent: 40, reason: { zh: '採購延後', en: 'Procurement delayed', status: 'reviewed' } },
  ],
  authorName: 'moi',
  submittedAt: null,
  submittedByName: null,
  isDemo: false,
  version: 4,
  createdAt: new Date('2021-05-01T00:00:00Z'),
  updatedAt: new Date('2021-05-01T00:00:00Z'),
};

/** The fields the edit form posts for these values, as a browser sends them (every control, text only). */
function posted(v: ReportFormValues): FormBody {
  const body: FormBody = { version: String(v.version) };
  const localized = (name: string, value: { zh: string; en: string; status: string }) =>
    Object.assign(body, { [`${name}.zh`]: value.zh, [`${name}.en`]: value.en, [`${name}.status`]: value.status });
  v.milestones.forEach((e, i) => {
    Object.assign(body, { [`milestones.${i}.milestoneId`]: e.milestoneId, [`milestones.${i}.status`]: e.status, [`milestones.${i}.percent`]: e.percent });
    localized(`milestones.${i}.reason`, e.reason);
  });
  for (const name of ['achievements', 'participation', 'problems', 'nextSteps', 'budgetNote'] as const) localized(name, v[name]);
  return Object.assign(body, {
    civilSocietyParticipants: v.civilSocietyParticipants,
    governmentParticipants: v.governmentParticipants,
    budgetSpent: v.budgetSpent,
    budgetCurrency: v.budgetCurrency,
  });
}

describe('the report form', () => {
  test('a stored report, shown and posted back unchanged, is the same content as the API’s input', () => {
    const input = reportUpdateInput.parse(reportForm.input(nestForm(posted(reportForm.values(stored)))));
    assert.equal(input.version, 4);
    assert.deepEqual(
      input.milestones,
      stored.milestones.map((e) => ({ milestoneId: e.milestoneId, status: e.status, percent: e.percent, reason: e.reason })),
    );
    assert.equal(input.civilSocietyParticipants, 27);
    assert.equal(input.governmentParticipants, null, 'an empty count is "unknown", not 0');
    assert.equal(input.budgetSpent, '1250000.50');
    assert.deepEqual(input.achievements, stored.achievements);
  });

  test('milestone entries come back as a list in the order the form showed them, 10 after 2', () => {
    const input = reportForm.input({ milestones: { 10: { milestoneId: 'c' }, 2: { milestoneId: 'b' }, 0: { milestoneId: 'a' } } });
    assert.deepEqual(input.milestones, [{ milestoneId: 'a' }, { milestoneId: 'b' }, { milestoneId: 'c' }]);
    assert.deepEqual(reportForm.input({ milestones: 'x' }), { milestones: 'x' }, 'anything else is left for the schema to refuse');
  });

  test('a refused post is shown again as typed: a cleared count stays empty, text that does not parse stays', () => {
    const shown = reportForm.posted(
      nestForm({
        civilSocietyParticipants: '',
        governmentParticipants: 'a dozen',
        'milestones.0.milestoneId': '12',
        'milestones.0.percent': '4O',
        'achievements.en': 'typed',
      }),
      reportForm.values(stored),
    );
    assert.equal(shown.civilSocietyParticipants, '');
    assert.equal(shown.governmentParticipants, 'a dozen');
    assert.equal(reportForm.milestoneEntry(shown, 12).percent, '4O');
    assert.equal(reportForm.milestoneEntry(shown, 12).status, 'delayed', 'a control not sent keeps what the form showed');
    assert.equal(reportForm.milestoneEntry(shown, 11).percent, '100', 'an entry not posted keeps the stored one');
    assert.deepEqual(shown.achievements, { zh: '完成', en: 'typed', status: 'reviewed' });
    assert.equal(shown.version, 4);
  });

  test('a new report starts in the given cycle, suggests a currency, and shows a milestone as not started', () => {
    const empty = reportForm.empty({ id: 5 });
    assert.equal(empty.cycleId, '5');
    assert.equal(reportForm.empty(undefined).cycleId, '');
    assert.equal(empty.budgetCurrency, 'TWD');
    assert.equal(empty.version, undefined, 'a new report has no version to send');
    assert.deepEqual(reportForm.milestoneEntry(empty, 11), {
      milestoneId: '11',
      status: 'not-started',
      percent: '0',
      reason: { zh: '', en: '', status: 'missing' },
    });
  });

  test('messages on a milestone entry stay on its field; others go to the form field', () => {
    assert.equal(reportForm.fieldOf('milestones.1.reason.zh'), 'milestones.1.reason');
    assert.equal(reportForm.fieldOf('achievements.zh'), 'achievements.zh');
  });
});

describe('the other forms', () => {
  test('the generate form shows the defaults the schema applies', () => {
    const shown = cycleGenerateForm.empty();
    assert.deepEqual(cycleGenerateInput.parse(shown), DEFAULT_CYCLE_OPTIONS);
    assert.deepEqual(cycleGenerateInput.parse({}), DEFAULT_CYCLE_OPTIONS);
  });

  test('evidence is a file when one was chosen, else a link when an address was typed', () => {
    const file = new File(['a,b\n'], 'data.csv');
    assert.deepEqual(evidenceForm.input({ title: 'Data', url: 'https://example.org', file }), { kind: 'file', title: 'Data', file });
    assert.deepEqual(evidenceForm.input({ title: 'Site', url: 'https://example.org', file: new File([], '') }), {
      kind: 'link',
      link: { title: 'Site', url: 'https://example.org' },
    });
    assert.deepEqual(evidenceForm.input({ title: 'x', url: '  ' }), { kind: 'none' });
  });

  test('a commitment’s transfer carries its version; an agency’s has none', () => {
    assert.equal(transferForm.empty('2022-08-27', 3).version, 3);
    assert.equal('version' in transferForm.empty('2022-08-27'), false);
    assert.equal(transferForm.empty('2022-08-27').effectiveOn, '2022-08-27');
  });
});

describe('the report page’s own forms, refused', () => {
  let ctx: TestContext;
  let officer: Client;
  let reportPage = '';

  before(async () => {
    ctx = await setup();
    ctx.clock.now = new Date('2021-05-10T02:00:00Z');
    await addUser(ctx, 'sec@example.org', 'secretariat');
    await addUser(ctx, 'moi@example.org', 'agency-officer', ['MOI']);
    const secretariat = new Client(ctx.app);
    await secretariat.signIn('sec@example.org');
    assert.equal((await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/cycles/generate`, {})).status, 201);
    const cycles = await json<{ items: { id: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/cycles`));
    const commitments = await json<{ items: { id: number; number: string }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`));
    const id = commitments.items.find((c) => c.number === '4-1')?.id;
    officer = new Client(ctx.app);
    await officer.signIn('moi@example.org');
    const draft = await json<{ id: number }>(await officer.api('POST', `/api/v1/commitments/${id}/reports`, { cycleId: cycles.items[0]?.id }));
    reportPage = `/en/plans/tw-2021-2024/commitments/4-1/reports/${draft.id}`;
  });
  after(() => ctx.close());

  test('evidence without a file or a valid address comes back with the title and address typed', async () => {
    await officer.get(reportPage);
    const res = await officer.postForm(`${reportPage}/evidence`, { title: 'Minutes of the 3rd meeting', url: 'ftp://example.org/minutes' });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /<input id="f-title"[^>]* value="Minutes of the 3rd meeting"/);
    assert.match(html, /<input id="f-url"[^>]* value="ftp:\/\/example.org\/minutes"/);
  });

  test('an empty contribution comes back with its message and the translation status chosen', async () => {
    await officer.get(reportPage);
    const res = await officer.postForm(`${reportPage}/contributions`, { 'body.zh': '', 'body.en': '', 'body.status': 'reviewed' });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /class="field-error" id="err-body"/);
    assert.match(html, /<option value="reviewed" selected="">/);
  });
});
