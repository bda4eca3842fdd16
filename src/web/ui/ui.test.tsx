/** The UI kit's markup: what screen readers, keyboard users, the stylesheet and the form handlers rely on. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageContext } from '../context.js';
import { AgencyLink, DataTable, DefinitionList, DeleteAction, FormPage, InputField, Notice, Pager, VersionedAction } from './index.js';

// hono/jsx elements render to a string; awaiting first also covers a component that turns async one day.
const render = async (element: unknown) => String(await element);
const ctx = (lang: PageContext['lang']): PageContext => ({ lang, actor: null, csrfToken: 'tok123', path: '/', search: '' });

interface Row {
  code: string;
  count: number;
}
const rows: Row[] = [
  { code: 'A<1>', count: 3 },
  { code: 'B', count: 12 },
];

test('DataTable: caption, scoped headers, row headers, numeric cells, a named focusable scroll wrapper', async () => {
  const html = await render(
    <DataTable<Row>
      caption="Agencies"
      columns={[{ header: 'Code', cell: (r) => r.code, rowHeader: true }, { header: 'Commitments', cell: (r) => r.count, numeric: true }, null]}
      rows={rows}
      rowAttributes={(r) => ({ id: `row-${r.count}` })}
    />,
  );
  assert.match(html, /^<div class="table-scroll" role="group" tabindex="0" aria-label="Agencies">/);
  assert.match(html, /<caption>Agencies<\/caption>/);
  assert.equal((html.match(/<th scope="col"/g) ?? []).length, 2, 'the null column is left out');
  assert.match(html, /<th scope="col" class="num">Commitments<\/th>/);
  assert.match(html, /<tr id="row-3"><th scope="row">A&lt;1&gt;<\/th><td class="num">3<\/td><\/tr>/, 'cell text is escaped');
  assert.match(html, /<td class="num">12<\/td>/);
});

test('DataTable: labelled by a heading, a hidden caption, and the empty state', async () => {
  const byHeading = await render(<DataTable<Row> labelledBy="s-list" columns={[{ header: 'Code', cell: (r) => r.code }]} rows={rows} />);
  assert.match(byHeading, /<div class="table-scroll" role="group" tabindex="0" aria-labelledby="s-list"><table aria-labelledby="s-list">/);
  assert.doesNotMatch(byHeading, /<caption/);
  const hidden = await render(<DataTable<Row> caption="All" hideCaption columns={[{ header: 'Code', cell: (r) => r.code, nowrap: true }]} rows={rows} />);
  assert.match(hidden, /<caption class="visually-hidden">All<\/caption>/);
  assert.match(hidden, /<td class="nowrap">B<\/td>/);
  const empty = await render(<DataTable<Row> caption="All" columns={[{ header: 'Code', cell: (r) => r.code }]} rows={[]} empty="Nothing yet." />);
  assert.equal(empty, '<p>Nothing yet.</p>');
  const emptyTable = await render(<DataTable<Row> caption="All" columns={[{ header: 'Code', cell: (r) => r.code }]} rows={[]} />);
  assert.match(emptyTable, /<tbody><\/tbody>/, 'without an empty message the table stays, with no rows');
});

test('VersionedAction and DeleteAction post the version and the CSRF token to a path in the page language', async () => {
  const action = await render(<VersionedAction ctx={ctx('en')} action="/plans/p/x/submit" version={7} label="Submit" help="Sends it." helpId="h1" />);
  assert.match(action, /^<form method="post" action="\/en\/plans\/p\/x\/submit" class="inline-form">/);
  assert.match(action, /<input type="hidden" name="_csrf" value="tok123"\/>/);
  assert.match(action, /<input type="hidden" name="version" value="7"\/>/);
  assert.match(action, /<p class="help" id="h1">Sends it.<\/p><button type="submit" class="button" aria-describedby="h1">Submit<\/button>/);
  const del = await render(<DeleteAction ctx={ctx('zh-TW')} action="/plans/p/areas/3/delete" version={2} label="刪除" />);
  assert.match(del, /action="\/plans\/p\/areas\/3\/delete" class="delete-form"/);
  assert.match(del, /<p class="help">永久刪除；此動作會記錄在修改紀錄中。<\/p>/);
  assert.match(del, /class="button button-danger">刪除<\/button>/);
  const noVersion = await render(<VersionedAction ctx={ctx('en')} action="/x/revise" label="Revise" tone="secondary" />);
  assert.doesNotMatch(noVersion, /name="version"/);
  assert.match(noVersion, /class="button button-secondary"/);
});

test('FormPage: title as heading and last crumb, error summary, version, fields, cancel in the page language', async () => {
  const html = await render(
    <FormPage
      ctx={ctx('en')}
      title="Edit area"
      crumbs={[{ label: 'Home', path: '/' }]}
      action="/plans/p/areas/1/edit"
      cancel="/plans/p"
      submitLabel="Save"
      errors={{ position: 'Must be a whole number' }}
      conflict
      version={4}
    >
      <InputField name="position" label="Position" value="abc" errors={{ position: 'Must be a whole number' }} lang="en" required />
    </FormPage>,
  );
  assert.match(html, /<title>Edit area · /);
  assert.match(html, /<h1>Edit area<\/h1>/);
  assert.match(html, /<div class="error-summary" role="alert"[^>]*>.*Someone else saved.*<a href="#f-position">Must be a whole number<\/a>/s);
  assert.match(html, /<form method="post" action="\/en\/plans\/p\/areas\/1\/edit" novalidate="">/);
  assert.match(html, /name="version" value="4"/);
  // The message sits beside the field, the field keeps what was typed and points at its message.
  assert.match(
    html,
    /<p class="field-error" id="err-position">Must be a whole number<\/p><input id="f-position" name="position" aria-invalid="true" aria-describedby="err-position" type="text" value="abc"/,
  );
  assert.match(html, /<a href="\/en\/plans\/p">Cancel<\/a>/);
  assert.match(html, /<li><a href="\/en\/">Home<\/a><\/li><li><span aria-current="page">Edit area<\/span><\/li>/);
});

test('Pager, Notice, AgencyLink, DefinitionList', async () => {
  assert.equal(await render(<Pager lang="en" page={1} pages={1} pathFor={(p) => `/x?page=${p}`} />), '');
  const pager = await render(<Pager lang="en" page={2} pages={3} pathFor={(p) => `/x?page=${p}`} />);
  assert.match(pager, /href="\/en\/x\?page=1" rel="prev"/);
  assert.match(pager, /href="\/en\/x\?page=3" rel="next"/);
  assert.equal(await render(<Notice>Hi</Notice>), '<p class="notice">Hi</p>', 'the default keeps the notice markup pages had');
  assert.equal(
    await render(
      <Notice tone="success" role="status" as="div">
        Done
      </Notice>,
    ),
    '<div class="notice notice-success" role="status">Done</div>',
  );
  assert.equal(
    await render(<AgencyLink agency={{ code: 'A15', name: { zh: '國發會', en: 'NDC', status: 'reviewed' } }} lang="en" />),
    '<a href="/en/agencies/A15">NDC</a>',
  );
  assert.equal(await render(<AgencyLink agency={undefined} lang="en" />), '—');
  const dl = await render(<DefinitionList items={[{ label: 'Period', value: '2021–2024' }, false, { label: 'Status', value: 'Adopted' }]} />);
  assert.equal(dl, '<dl class="meta"><dt>Period</dt><dd>2021–2024</dd><dt>Status</dt><dd>Adopted</dd></dl>');
});
