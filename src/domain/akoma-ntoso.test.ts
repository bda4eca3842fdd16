/** Unit tests of the Akoma Ntoso debate export: well-formedness, escaping, ids, speaker references, sections. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AKN_NAMESPACE, akomaNtosoDebate, xmlEscape, type AknTranscript } from './akoma-ntoso.js';
import { parseTranscriptMarkdown, resolveSpeakerName, slugifySpeaker } from './transcript-markdown.js';

interface Element {
  name: string;
  attrs: Map<string, string>;
  children: Element[];
  text: string;
}

/**
 * A minimal XML checker for our own output: tags balance, one root, attributes quoted and unique, only the five
 * predefined entities or numeric references, no stray `<` or `&`. Returns the element tree.
 */
function parseXml(xml: string): Element {
  let s = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const root: Element = { name: '#document', attrs: new Map(), children: [], text: '' };
  const stack: Element[] = [root];
  const checkText = (text: string) => {
    const amp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(text);
    assert.equal(amp, null, `bare & in ${JSON.stringify(text.slice(0, 40))}`);
  };
  const unescape = (text: string) =>
    text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '');
  while (s.length > 0) {
    const lt = s.indexOf('<');
    const text = lt === -1 ? s : s.slice(0, lt);
    checkText(text);
    const top = stack[stack.length - 1];
    assert.ok(top);
    top.text += unescape(text);
    if (lt === -1) break;
    s = s.slice(lt);
    const m = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>/.exec(s);
    assert.ok(m, `malformed tag at ${JSON.stringify(s.slice(0, 60))}`);
    const [whole, closing, name = '', attrText = '', selfClosing] = m;
    s = s.slice(whole.length);
    if (closing) {
      const open = stack.pop();
      assert.equal(open?.name, name, `</${name}> closes <${open?.name}>`);
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of attrText.matchAll(/([A-Za-z_][\w.:-]*)="([^"]*)"/g)) {
      const key = a[1] ?? '';
      assert.ok(!attrs.has(key), `duplicate attribute ${key}`);
      checkText(a[2] ?? '');
      attrs.set(key, unescape(a[2] ?? ''));
    }
    const el: Element = { name, attrs, children: [], text: '' };
    top.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  assert.equal(stack.length, 1, `unclosed <${stack[stack.length - 1]?.name}>`);
  assert.equal(root.children.length, 1, 'one root element');
  const doc = root.children[0];
  assert.ok(doc);
  return doc;
}

function all(el: Element, name: string): Element[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}

const sample: AknTranscript = {
  title: '「開放政府」第1次會議 & <討論>',
  heldOn: '2024-03-15',
  language: 'zh-TW',
  uri: '/akn/tw/debate/2024-03-15/7',
  exportedOn: '2024-04-01',
  speakers: [
    { slug: '王大明', name: '王大明' },
    { slug: 'audrey-tang', name: 'Audrey "AT" Tang' },
  ],
  speeches: [
    { id: 11, speakerSlug: '王大明', speakerLabel: '王大明召集人', kind: 'speech', body: '第一段。\n\n第二段 <script>alert("x")</script> & 之後' },
    { id: 12, speakerSlug: 'audrey-tang', speakerLabel: '問', kind: 'question', body: '第一行\n第二行' },
    { id: 13, speakerSlug: null, speakerLabel: null, kind: 'narrative', body: '（與會者皆無意見）' },
    { id: 14, speakerSlug: '王大明', speakerLabel: '王大明召集人', kind: 'answer', body: '好。', section: '臨時動議' },
    { id: 15, speakerSlug: null, speakerLabel: '來賓', kind: 'other', body: "it's fine", section: '臨時動議' },
  ],
};

test('the test’s XML checker rejects what it should', () => {
  assert.throws(() => parseXml('<a><b></a></b>'));
  assert.throws(() => parseXml('<a>x & y</a>'));
  assert.throws(() => parseXml('<a x=1/>'));
  assert.throws(() => parseXml('<a/><b/>'));
  assert.throws(() => parseXml('<a><b></a>'));
  assert.equal(parseXml('<a x="&amp;"><b/>t&lt;</a>').text, 't<');
});

describe('Akoma Ntoso debate export', () => {
  const xml = akomaNtosoDebate(sample);
  const doc = parseXml(xml);

  test('is well-formed, in the AKN 3.0 namespace, with a debate and its FRBR identification', () => {
    assert.equal(doc.name, 'akomaNtoso');
    assert.equal(doc.attrs.get('xmlns'), AKN_NAMESPACE);
    const debate = doc.children[0];
    assert.equal(debate?.name, 'debate');
    assert.deepEqual(
      debate?.children.map((c) => c.name),
      ['meta', 'preface', 'debateBody'],
    );
    for (const frbr of ['FRBRWork', 'FRBRExpression', 'FRBRManifestation']) assert.equal(all(doc, frbr).length, 1, frbr);
    assert.deepEqual(
      all(doc, 'FRBRdate').map((d) => d.attrs.get('date')),
      ['2024-03-15', '2024-03-15', '2024-04-01'],
    );
    assert.equal(all(doc, 'FRBRlanguage')[0]?.attrs.get('language'), 'zho');
    assert.equal(all(doc, 'FRBRuri')[0]?.attrs.get('value'), '/akn/tw/debate/2024-03-15/7');
    assert.equal(all(doc, 'docDate')[0]?.attrs.get('date'), '2024-03-15');
    assert.equal(all(doc, 'docTitle')[0]?.text, sample.title);
  });

  test('escapes markup, ampersands and quotes everywhere', () => {
    assert.ok(!xml.includes('<script'));
    assert.ok(xml.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 之後'));
    assert.ok(xml.includes('showAs="Audrey &quot;AT&quot; Tang"'));
    assert.ok(xml.includes('<heading>「開放政府」第1次會議 &amp; &lt;討論&gt;</heading>'));
    assert.equal(xmlEscape(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    assert.equal(xmlEscape('a\u0000b\u0007c'), 'abc', 'characters XML cannot carry are dropped');
  });

  test('speeches keep their kind, eId s<id>, one <p> per paragraph, <br/> for line breaks', () => {
    const kinds = ['speech', 'question', 'narrative', 'answer', 'other'];
    const speeches = kinds.flatMap((k) => all(doc, k));
    assert.deepEqual(speeches.map((s) => s.attrs.get('eId')).sort(), ['s11', 's12', 's13', 's14', 's15']);
    const first = all(doc, 'speech')[0];
    assert.equal(first?.children.filter((c) => c.name === 'p').length, 2);
    assert.equal(all(doc, 'from')[0]?.text, '王大明召集人');
    assert.equal(all(doc, 'question')[0]?.children.find((c) => c.name === 'p')?.children[0]?.name, 'br');
    const narrative = all(doc, 'narrative')[0];
    assert.equal(narrative?.attrs.has('by'), false);
    assert.equal(all(narrative ?? doc, 'from').length, 0);
  });

  test('every `by` points at a TLCPerson in the references; unknown speakers get an empty `by` as in SayIt', () => {
    const people = new Set(all(doc, 'TLCPerson').map((p) => p.attrs.get('eId')));
    assert.deepEqual([...people], ['王大明', 'audrey-tang']);
    assert.equal(all(doc, 'TLCPerson')[0]?.attrs.get('href'), '/ontology/person/王大明');
    const bys = ['speech', 'question', 'answer', 'other'].flatMap((k) => all(doc, k)).map((s) => s.attrs.get('by') ?? '');
    for (const by of bys.filter((b) => b !== '')) assert.ok(people.has(by.slice(1)), by);
    assert.deepEqual(bys, ['#王大明', '#audrey-tang', '#王大明', '']);
    const sources = new Set(all(doc, 'TLCOrganization').map((o) => `#${o.attrs.get('eId')}`));
    for (const el of [...all(doc, 'identification'), ...all(doc, 'references')]) assert.ok(sources.has(el.attrs.get('source') ?? ''));
  });

  test('sections become nested debateSections with their headings', () => {
    const outer = all(doc, 'debateSection')[0];
    assert.equal(outer?.attrs.get('eId'), 'dbsect_1');
    const inner = outer?.children.filter((c) => c.name === 'debateSection') ?? [];
    assert.equal(inner.length, 1);
    assert.equal(inner[0]?.attrs.get('eId'), 'dbsect_1__dbsect_1');
    assert.equal(inner[0]?.children[0]?.text, '臨時動議');
    assert.deepEqual(
      inner[0]?.children.slice(1).map((c) => c.attrs.get('eId')),
      ['s14', 's15'],
    );
  });

  test('without a date or title: no docDate, no heading, the export date as FRBR date; English expression', () => {
    const x = parseXml(
      akomaNtosoDebate({
        ...sample,
        title: '',
        heldOn: null,
        language: 'en',
        speeches: [{ id: 1, speakerSlug: null, speakerLabel: null, kind: 'speech', body: '' }],
      }),
    );
    assert.equal(all(x, 'docDate').length, 0);
    assert.equal(all(x, 'heading').length, 0);
    assert.equal(all(x, 'FRBRdate')[0]?.attrs.get('date'), '2024-04-01');
    assert.equal(all(x, 'FRBRlanguage')[0]?.attrs.get('language'), 'eng');
    assert.equal(all(x, 'speech')[0]?.children.filter((c) => c.name === 'p').length, 1, 'an empty speech still has a <p>');
  });

  test('a whole imported transcript exports one element per turn', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const r = parseTranscriptMarkdown(readFileSync(join(here, '../../test/fixtures/transcripts/meeting.md'), 'utf8'));
    assert.ok(r.ok);
    const t = r.transcript;
    const speakers = new Map<string, { slug: string; name: string }>();
    const speeches = t.turns.map((turn, i) => {
      const name = turn.speakerLabel === null ? null : resolveSpeakerName(turn.speakerLabel);
      const slug = name === null ? null : slugifySpeaker(name);
      if (name !== null && slug !== null) speakers.set(slug, { slug, name });
      return { id: i + 1, speakerSlug: slug, speakerLabel: turn.speakerLabel, kind: turn.kind, body: turn.body, section: turn.section };
    });
    const x = parseXml(
      akomaNtosoDebate({ title: t.title, heldOn: t.heldOn, language: 'zh-TW', uri: '/akn/tw/debate/2024-03-15/1', speakers: [...speakers.values()], speeches }),
    );
    const count = ['speech', 'question', 'answer', 'narrative', 'other'].reduce((n, k) => n + all(x, k).length, 0);
    assert.equal(count, t.turns.length);
    assert.deepEqual(
      all(x, 'TLCPerson').map((p) => p.attrs.get('showAs')),
      ['王大明', '李小華', '問', '答', '陳建國', '環境部'],
    );
  });
});
