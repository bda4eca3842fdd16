import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allows, type ActionRule, type Actor } from './authorization.js';
import { diffFields } from './history.js';
import { mergeLocalized, normalizeLocalized, pick } from './localized.js';
import { allowedPlanTransitions, canTransitionPlan, checkCommitmentContent, checkCommitmentDates, checkMilestoneDates, PLAN_STATUSES } from './plan.js';

describe('plan status transitions', () => {
  const expected: Record<string, string[]> = {
    drafting: ['consultation'],
    consultation: ['drafting', 'adopted'],
    adopted: ['implementing'],
    implementing: ['closed'],
    closed: [],
  };
  for (const from of PLAN_STATUSES)
    for (const to of PLAN_STATUSES)
      test(`${from} → ${to}`, () => {
        assert.equal(canTransitionPlan(from, to), from === to || (expected[from] ?? []).includes(to));
      });
  test('allowed list matches', () => assert.deepEqual([...allowedPlanTransitions('consultation')], ['drafting', 'adopted']));
});

describe('dates nest: plan ⊇ commitment ⊇ milestone', () => {
  const plan = { periodStart: '2021-01-01', periodEnd: '2024-05-31' };
  const commitment = { startDate: '2021-01-01', endDate: '2022-12-31' };
  test('inside is fine', () => {
    assert.deepEqual(checkCommitmentDates(commitment, plan), []);
    assert.deepEqual(checkMilestoneDates({ startDate: '2021-01-01', endDate: '2021-12-31' }, commitment), []);
    assert.deepEqual(checkMilestoneDates({ startDate: '2022-12-31', endDate: '2022-12-31' }, commitment), []);
  });
  const milestoneCases: { name: string; startDate: string; endDate: string; problems: [field: string, key: string][] }[] = [
    {
      name: 'a milestone ending after its commitment names endDate',
      startDate: '2022-01-01',
      endDate: '2023-01-01',
      problems: [['endDate', 'error.outsideCommitment']],
    },
    {
      name: 'a milestone starting before its commitment names startDate',
      startDate: '2020-12-31',
      endDate: '2021-06-30',
      problems: [['startDate', 'error.outsideCommitment']],
    },
    { name: 'end before start', startDate: '2022-02-01', endDate: '2022-01-01', problems: [['endDate', 'error.endBeforeStart']] },
  ];
  for (const { name, startDate, endDate, problems } of milestoneCases)
    test(name, () => {
      assert.deepEqual(
        checkMilestoneDates({ startDate, endDate }, commitment).map((p) => [p.field, p.key]),
        problems,
      );
    });
  test('a commitment outside the plan names both ends', () => {
    const problems = checkCommitmentDates({ startDate: '2020-06-01', endDate: '2024-06-01' }, plan);
    assert.deepEqual(problems.map((p) => p.field).sort(), ['endDate', 'startDate']);
  });
});

describe('commitment content', () => {
  const brief = (zh: string, en = 'x') => normalizeLocalized({ zh, en });
  test('inclusion alone is not enough', () => {
    assert.deepEqual(
      checkCommitmentContent({ ogpValues: ['inclusion'], briefDescription: brief('a') }).map((p) => p.field),
      ['ogpValues'],
    );
    assert.deepEqual(checkCommitmentContent({ ogpValues: ['inclusion', 'civic-participation'], briefDescription: brief('a') }), []);
  });
  test('brief description counts characters, not bytes', () => {
    assert.deepEqual(checkCommitmentContent({ ogpValues: [], briefDescription: brief('資'.repeat(140)) }), []);
    assert.deepEqual(
      checkCommitmentContent({ ogpValues: [], briefDescription: brief('資'.repeat(141)) }).map((p) => p.field),
      ['briefDescription.zh'],
    );
  });
});

describe('localized text', () => {
  test('one side empty is a missing translation whatever was asked', () => {
    assert.equal(normalizeLocalized({ zh: '標題', en: '', status: 'reviewed' }).status, 'missing');
    assert.equal(normalizeLocalized({ zh: '標題', en: 'Title', status: 'reviewed' }).status, 'reviewed');
    assert.equal(normalizeLocalized({ zh: '標題', en: 'Title' }).status, 'draft');
  });
  test('editing one side makes a reviewed pair a draft again', () => {
    const reviewed = normalizeLocalized({ zh: '標題', en: 'Title', status: 'reviewed' });
    assert.equal(mergeLocalized(reviewed, { en: 'New title' }).status, 'draft');
    assert.equal(mergeLocalized(reviewed, { en: 'New title', status: 'reviewed' }).status, 'reviewed');
    assert.equal(mergeLocalized(reviewed, { zh: '標題' }).status, 'reviewed');
    assert.deepEqual(mergeLocalized(reviewed, { en: 'New' }), { zh: '標題', en: 'New', status: 'draft' });
  });
  test('pick falls back to the other language', () => {
    const onlyZh = normalizeLocalized({ zh: '標題', en: '' });
    assert.equal(pick(onlyZh, 'en'), '標題');
    assert.equal(pick(onlyZh, 'zh-TW'), '標題');
  });
});

describe('history diff', () => {
  test('only changed fields, ignoring bookkeeping and key order', () => {
    const before = { id: 1, version: 1, title: { zh: 'a', en: 'b', status: 'draft' }, n: 1 };
    const after = { id: 1, version: 2, title: { en: 'b', zh: 'a', status: 'draft' }, n: 2 };
    assert.deepEqual(diffFields(before, after), [{ field: 'n', before: 1, after: 2 }]);
  });
  test('create lists every field with null before', () => {
    assert.deepEqual(diffFields(null, { id: 3, a: 'x' }), [{ field: 'a', before: null, after: 'x' }]);
  });
});

describe('authorization rules', () => {
  const officer: Actor = { id: 7, displayName: 'o', role: 'agency-officer', agencyIds: [10] };
  const rule: ActionRule = { roles: ['admin'], when: { roles: ['agency-officer'], relations: ['lead-agency', 'author'] } };
  test('a role listed always may; another only in a listed relation', () => {
    assert.equal(allows(rule, { ...officer, role: 'admin' }), true);
    assert.equal(allows(rule, officer, { leadAgencyId: 10 }), true);
    assert.equal(allows(rule, officer, { leadAgencyId: 11 }), false);
    assert.equal(allows(rule, officer, { coAgencyIds: [10] }), false);
    assert.equal(allows(rule, officer, { authorId: 7 }), true);
    assert.equal(allows(rule, officer, { authorId: 8 }), false);
    assert.equal(allows(rule, { ...officer, role: 'public' }, { authorId: 7 }), false);
  });
  test('nobody may do what has no rule, and anonymous may do nothing', () => {
    assert.equal(allows(undefined, { ...officer, role: 'admin' }), false);
    assert.equal(allows({ roles: ['admin', 'secretariat', 'agency-officer', 'public'] }, null), false);
  });
});
