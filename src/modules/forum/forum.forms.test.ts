/** The forum's form codecs: what a form starts with, what the schema receives, and what a re-shown form keeps. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newMeetingDefaults, type ForumMeeting } from '../../domain/forum.js';
import { parseOrThrow } from '../../web/validation.js';
import { decisionForm, meetingForm, meetingReportsForm, resolutionForm } from './forum.forms.js';
import { decisionInput, meetingInput, meetingPatch, meetingReportsInput, resolutionInput, resolutionPatch } from './forum.schemas.js';

const meeting: ForumMeeting = {
  ...newMeetingDefaults(),
  id: 4,
  planId: 1,
  cycleId: 2,
  heldOn: '2021-05-31',
  title: { zh: '第一次會議', en: 'Meeting 1', status: 'reviewed' },
  attendance: { government: 15, civilSociety: 10, other: 2 },
  links: [{ title: 'Minutes', url: 'https://example.org/m.pdf' }],
  isDemo: false,
  version: 3,
};

test('an empty meeting form shows the defaults a new meeting gets, with no date and no cycle chosen', () => {
  const empty = meetingForm.empty();
  const defaults = newMeetingDefaults();
  assert.equal(empty.kind, defaults.kind);
  assert.deepEqual(empty.attendance, { government: '0', civilSociety: '0', other: '0' });
  assert.deepEqual([empty.heldOn, empty.cycleId, empty.links, empty.version], ['', '', '', undefined]);
  assert.deepEqual(resolutionForm.empty(), { number: '', body: { zh: '', en: '', status: 'missing' }, ownerAgencyId: '', dueOn: '' });
  assert.deepEqual(decisionForm.empty(5, 9), { meetingId: '9', status: '', note: { zh: '', en: '', status: 'missing' }, version: 5 });
  assert.equal(decisionForm.empty(5).meetingId, '', 'no meeting chosen');
});

test('a stored meeting as the form shows it, and back through the schema unchanged', () => {
  const values = meetingForm.values(meeting);
  assert.deepEqual(values.attendance, { government: '15', civilSociety: '10', other: '2' });
  assert.equal(values.cycleId, '2');
  assert.equal(values.links, 'Minutes https://example.org/m.pdf');
  assert.equal(values.version, 3);
  // What the form would post: nested fields as text.
  const body = { ...values, version: '3' };
  const input = parseOrThrow(meetingPatch, meetingForm.input(body), 'en');
  assert.deepEqual(input.attendance, meeting.attendance);
  assert.equal(input.cycleId, 2);
  assert.deepEqual(input.links, meeting.links);
  assert.equal(input.heldOn, meeting.heldOn);
});

test('the meeting form as the schema input: links from lines, "none" for an empty cycle', () => {
  const input = parseOrThrow(
    meetingInput,
    meetingForm.input({
      heldOn: '2021-06-01',
      kind: 'working-group',
      title: { zh: '分組', en: '' },
      cycleId: '',
      links: 'Site https://example.org/a\n\nhttps://example.org/b\n',
    }),
    'en',
  );
  assert.equal(input.cycleId, null, 'the service gets null, never a form’s empty string');
  assert.deepEqual(input.links, [
    { title: 'Site', url: 'https://example.org/a' },
    { title: '', url: 'https://example.org/b' },
  ]);
});

test('a re-shown meeting form keeps what was typed, even where it does not parse; what was not sent keeps what was shown', () => {
  const shown = meetingForm.values(meeting);
  const again = meetingForm.posted(
    { heldOn: '2021-13-01', title: { zh: '改過', en: 'Changed', status: 'draft' }, attendance: { government: '-1' }, links: 'not-a-url', version: '1' },
    shown,
  );
  assert.equal(again.heldOn, '2021-13-01');
  assert.deepEqual(again.title, { zh: '改過', en: 'Changed', status: 'draft' });
  assert.deepEqual(again.attendance, { government: '-1', civilSociety: '10', other: '2' });
  assert.equal(again.links, 'not-a-url');
  assert.equal(again.kind, shown.kind);
  assert.equal(again.version, 3, 'the version stays the one the form was shown with');
});

test('resolutions: an empty number is left out (the next number, or the one kept), never an empty string', () => {
  const created = parseOrThrow(resolutionInput, { number: '', body: { zh: '請辦理。' }, ownerAgencyId: '', dueOn: '' }, 'en');
  assert.deepEqual([created.number, created.ownerAgencyId, created.dueOn], [undefined, null, null]);
  const edited = parseOrThrow(resolutionPatch, { number: '', version: '2' }, 'en');
  assert.equal(edited.number, undefined);
  const stored = resolutionForm.values({
    id: 1,
    planId: 1,
    meetingId: 4,
    number: '20210531-1',
    body: { zh: '請辦理。', en: '', status: 'missing' },
    ownerAgencyId: null,
    dueOn: null,
    status: 'keep-tracking',
    isDemo: false,
    version: 2,
  });
  assert.deepEqual([stored.number, stored.ownerAgencyId, stored.dueOn, stored.version], ['20210531-1', '', '', 2]);
  assert.equal(resolutionForm.posted({ dueOn: '2020-01-01' }, stored).dueOn, '2020-01-01');
  assert.equal(decisionForm.posted({ status: 'closed', meetingId: '4' }, decisionForm.empty(2)).status, 'closed');
  assert.equal(parseOrThrow(decisionInput, { meetingId: '4', status: 'closed', version: '2' }, 'en').meetingId, 4);
});

test('the report picker: ticked boxes and stories as the API’s list; shown again as posted, typed stories kept', () => {
  const body = {
    version: '3',
    reviewed: ['', '11'],
    showcased: ['', '12'],
    story: { '12': { zh: '協力', en: 'Together' }, '13': { en: 'Typed, not ticked' } },
  };
  const input = parseOrThrow(meetingReportsInput, meetingReportsForm.input(body), 'en');
  assert.deepEqual(input.reports, [
    { reportId: 11, showcased: false, story: undefined },
    { reportId: 12, showcased: true, story: { zh: '協力', en: 'Together' } },
  ]);
  const choices = meetingReportsForm.posted(body);
  assert.deepEqual(choices.get(11), { reviewed: true, showcased: false, story: { zh: '', en: '', status: 'missing' } });
  assert.deepEqual(choices.get(12)?.reviewed, true, 'a showcased report was reviewed');
  assert.equal(choices.get(13)?.reviewed, false);
  assert.equal(choices.get(13)?.story.en, 'Typed, not ticked');
  const stored = meetingReportsForm.values([{ reportId: 11, showcased: true, story: { zh: '故事', en: 'Story', status: 'reviewed' } }]);
  assert.deepEqual(stored.get(11), { reviewed: true, showcased: true, story: { zh: '故事', en: 'Story', status: 'reviewed' } });
});
