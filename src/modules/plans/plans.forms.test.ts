/** The plans form codecs: what a form starts with, what the schema receives, and what a re-shown form keeps. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newCommitmentDefaults } from '../../domain/plan.js';
import { parseOrThrow } from '../../web/validation.js';
import { commitmentForm, milestoneForm, planForm } from './plans.forms.js';
import { commitmentInput, milestoneInput, withVersion } from './plans.schemas.js';

const plan = { periodStart: '2021-01-01', periodEnd: '2024-08-31' };

test('empty forms start from the domain defaults, with nothing chosen', () => {
  const empty = commitmentForm.empty(plan);
  assert.equal(empty.status, newCommitmentDefaults().status);
  assert.equal(empty.areaId, '', 'no area chosen: the select shows "choose"');
  assert.equal(empty.leadAgencyId, '');
  assert.deepEqual([empty.startDate, empty.endDate], [plan.periodStart, plan.periodEnd]);
  assert.equal(planForm.empty().memberId, '');
  assert.equal(planForm.empty().status, 'drafting');
});

test('the commitment form as the schema input: lists, SDG targets, links, and "none" for empty optional fields', () => {
  const body = {
    areaId: '3',
    number: '1-9',
    title: { zh: '標題', en: '', status: 'draft' },
    startDate: '2021-09-01',
    endDate: '2022-08-31',
    leadAgencyId: '4',
    coAgencyIds: ['', '5', '6'],
    ogpValues: [''],
    origin: 'joint',
    sdgTargets: '16.6，16.7 16.10',
    links: 'Site https://example.org/a\nhttps://example.org/b\n',
    ogpId: '',
    budgetAmount: '  ',
    budgetCurrency: 'TWD',
    version: '2',
  };
  const input = parseOrThrow(withVersion(commitmentInput), commitmentForm.input(body), 'en');
  assert.deepEqual(input.coAgencyIds, [5, 6]);
  assert.deepEqual(input.ogpValues, [], 'only the hidden empty value: none ticked');
  assert.deepEqual(input.sdgTargets, ['16.6', '16.7', '16.10']);
  assert.deepEqual(input.links, [
    { title: 'Site', url: 'https://example.org/a' },
    { title: '', url: 'https://example.org/b' },
  ]);
  assert.equal(input.ogpId, null, "the service gets null, never a form's empty string");
  assert.equal(input.budgetAmount, null);
  assert.equal(input.budgetCurrency, 'TWD');
  // A field the form did not send (locked for an agency officer) is not part of the input.
  const partial = commitmentForm.input({ title: { zh: 'x' }, version: '2' });
  assert.deepEqual(Object.keys(partial).sort(), ['title', 'version']);
});

test('a re-shown commitment form keeps what was typed, and what was not sent keeps what was shown', () => {
  const shown = commitmentForm.values({
    ...newCommitmentDefaults(),
    id: 1,
    planId: 1,
    areaId: 2,
    number: '1-1',
    startDate: '2021-09-01',
    endDate: '2022-08-31',
    leadAgencyId: 4,
    origin: 'government',
    isDemo: false,
    version: 7,
    coAgencyIds: [5],
    sdgTargets: ['16.6'],
  });
  const again = commitmentForm.posted({ number: '1-x', budgetAmount: 'lots', title: { zh: '新', en: 'New' }, coAgencyIds: ['', '6'] }, shown);
  assert.equal(again.number, '1-x');
  assert.equal(again.budgetAmount, 'lots', 'an amount that does not parse is shown as typed');
  assert.deepEqual(again.title, { zh: '新', en: 'New', status: shown.title.status });
  assert.deepEqual(again.coAgencyIds, ['6']);
  assert.equal(again.areaId, '2', 'a locked field, not sent, keeps the stored value');
  assert.equal(again.sdgTargets, '16.6');
  assert.equal(again.version, 7);
});

test('the milestone form: an empty position means "after the others", an empty weight "count equally"', () => {
  const input = parseOrThrow(
    milestoneInput,
    milestoneForm.input({ deliverable: { zh: '交付' }, startDate: '2021-09-01', endDate: '2021-12-31', position: '', weight: '' }),
    'en',
  );
  assert.equal(input.position, undefined);
  assert.equal(input.weight, null);
  const empty = milestoneForm.empty({ startDate: '2021-09-01', endDate: '2022-08-31' }, 4);
  assert.deepEqual([empty.position, empty.weight, empty.startDate], ['4', '', '2021-09-01']);
});
