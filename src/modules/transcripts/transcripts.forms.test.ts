/** The transcripts form codecs: what a form starts with, what a post shows again, and the typed input the service gets. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../errors.js';
import { emptyLocalized } from '../../domain/localized.js';
import { importForm, publishForm, searchForm, speakerForm } from './transcripts.forms.js';
import type { Speaker } from './transcripts.queries.js';

const refusal = (run: () => unknown): ValidationError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  assert.fail('expected a ValidationError');
};

test('the import form: blank fields are absent from the input, a blank language is the default, files are not text', () => {
  const posted = importForm.posted({
    markdown: '# 2021-01-01 T\n\n### A：\nhi',
    title: '  ',
    language: '',
    embargoWorkingDays: ' 5 ',
    meetingId: '',
    twin: ' other ',
    sourceUrl: '',
    heldOn: [new File(['x'], 'x.md'), '2021-02-03'],
  });
  assert.equal(posted.language, importForm.empty().language);
  assert.equal(posted.heldOn, '2021-02-03', 'the text value, not the file sent under the same name');
  const input = importForm.input(posted, 'en');
  assert.equal(input.title, undefined, "a blank title is absent, so the file's heading names the transcript");
  assert.equal(input.meetingId, undefined);
  assert.equal(input.embargoWorkingDays, 5);
  assert.equal(input.twin, 'other');
  const service = importForm.serviceInput(input, { planId: 7, twinId: 9 });
  assert.deepEqual([service.planId, service.twinId, service.sourceUrl, service.title], [7, 9, undefined, undefined]);
});

test('the import form refuses blank Markdown and a bad embargo beside their fields', () => {
  const error = refusal(() => importForm.input({ ...importForm.empty(), markdown: ' \n ', embargoWorkingDays: '61', meetingId: 'abc' }, 'en'));
  const errors = importForm.errors(error, 'en');
  assert.deepEqual(Object.keys(errors).sort(), ['embargoWorkingDays', 'markdown', 'meetingId']);
});

test('the uploaded file is read as UTF-8 or refused beside the file field', async () => {
  const file = importForm.file({ file: [new File([], 'empty.md'), new File(['# 2021-01-01 標題'], 'a.md')] });
  assert.ok(file, 'an empty file is no choice; the chosen one is found');
  assert.equal(await importForm.fileText(file), '# 2021-01-01 標題');
  const error = await importForm.fileText(new File([new Uint8Array([0x23, 0xff, 0xfe])], 'b.md')).then(
    () => assert.fail('expected a refusal'),
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof ValidationError);
  assert.deepEqual(Object.keys(importForm.errors(error, 'zh-TW')), ['file']);
});

test("the speaker form: stored values, then a post as the service's patch (aliases a line each, no blanks)", () => {
  const speaker: Speaker = {
    id: 1,
    slug: 'tang',
    name: '唐鳳',
    aliases: ['唐鳳召集人', 'Audrey'],
    userId: 3,
    affiliation: { ...emptyLocalized(), zh: '數位部' },
    colour: '#1b5e9e',
    version: 4,
  };
  const shown = speakerForm.values(speaker, 'tang@example.org');
  assert.equal(shown.aliases, '唐鳳召集人\nAudrey');
  assert.equal(shown.email, 'tang@example.org');
  const body = {
    name: ' 唐鳳 ',
    aliases: ' 唐鳳召集人 \r\n\r\nAudrey\n',
    email: ' TANG@Example.org ',
    affiliationZh: '數位部',
    affiliationEn: '',
    version: '4',
  };
  const values = speakerForm.posted(body);
  assert.equal(values.name, '唐鳳');
  assert.equal(values.aliases, body.aliases, 'the aliases are shown again as typed');
  const input = speakerForm.input(values, body, 'en');
  assert.deepEqual(input.aliases, ['唐鳳召集人', 'Audrey']);
  assert.equal(input.email, 'tang@example.org');
  assert.deepEqual(input.affiliation, { zh: '數位部', en: '', status: 'draft' });
  assert.equal(input.version, 4);
  assert.equal(
    speakerForm.input(speakerForm.posted({ ...body, email: '' }), { ...body, email: '' }, 'en').email,
    null,
    'no account: null, never an empty string',
  );
});

test('early publication needs a version; the reason is kept as typed', () => {
  const values = publishForm.posted({ reason: ' urgent ' });
  assert.equal(values.reason, ' urgent ');
  assert.deepEqual(publishForm.input(values, { version: '2' }, 'en'), { reason: ' urgent ', version: 2 });
  assert.deepEqual(Object.keys(refusal(() => publishForm.input(values, {}, 'en')).messages), ['version']);
});

test('search filters: a malformed date is explained; a meeting that cannot exist finds nothing', () => {
  const values = searchForm.posted((name) => ({ q: 'x'.repeat(300), from: '2021-02-30', meeting: 'abc' })[name as 'q' | 'from' | 'meeting']);
  assert.equal(values.q.length, 200);
  const { input, errors } = searchForm.input(values, 'en');
  assert.deepEqual(Object.keys(errors), ['from']);
  assert.equal(input.meetingId, null);
  assert.equal(input.speakerSlug, undefined);
  assert.equal(searchForm.input(searchForm.empty(), 'en').input.meetingId, undefined, 'no meeting asked: every meeting');
});
