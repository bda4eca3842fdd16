import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cjkPhrase, highlight, indexTermPositions, indexTerms, MAX_WORD_LENGTH, normalizeForSearch, queryPlan, type Snippet } from './cjk-search.js';

/** True when every term of the query is among the body's index terms: what `search_terms @> terms` decides. */
const candidate = (body: string, q: string) => {
  const terms = new Set(indexTerms(body));
  return queryPlan(q)?.terms.every((t) => terms.has(t)) ?? false;
};
/** A snippet as a string with the marks shown as [..], ellipses as …. */
const show = (s: Snippet) => `${s.truncatedStart ? '…' : ''}${s.snippet.map((x) => (x.mark ? `[${x.text}]` : x.text)).join('')}${s.truncatedEnd ? '…' : ''}`;

describe('index terms', () => {
  test('a CJK run gives its overlapping bigrams, distinct and sorted', () => {
    assert.deepEqual(indexTerms('落實政府資訊公開法'), ['公開', '實政', '府資', '政府', '落實', '訊公', '資訊', '開法']);
    assert.deepEqual(indexTerms('公開公開'), ['公開', '開公']);
  });

  test('a one-character run is kept as a unigram', () => {
    assert.deepEqual(indexTerms('好'), ['好']);
    assert.deepEqual(indexTerms('是，好。'), ['好', '是']);
  });

  test('bigrams never cross punctuation or spaces between runs', () => {
    assert.deepEqual(indexTerms('公開、開放'), ['公開', '開放']);
    assert.deepEqual(indexTerms('公開 開放'), ['公開', '開放']);
    assert.ok(!indexTerms('公開、開放').includes('開開'));
  });

  test('CJK after digits is its own run: 109年度 is 109 + 年度', () => {
    assert.deepEqual(indexTerms('109年度'), ['109', '年度']);
    assert.deepEqual(indexTerms('第3次會議'), ['3', '會議', '次會', '第']);
    assert.deepEqual(indexTerms('2024年OGP峰會'), ['2024', 'ogp', '峰會', '年']);
  });

  test('mixed Chinese and English: lowercased words plus bigrams', () => {
    assert.deepEqual(indexTerms('OGP 行動方案 Action Plan'), ['action', 'ogp', 'plan', '動方', '方案', '行動']);
  });

  test('NFKC: full-width Latin and digits become ASCII, half-width katakana full-width, ㍻ 平成', () => {
    assert.deepEqual(indexTerms('ＯＧＰ'), ['ogp']);
    assert.deepEqual(indexTerms('１０９年'), ['109', '年']);
    assert.deepEqual(indexTerms('ｶﾀｶﾅ'), indexTerms('カタカナ'));
    assert.deepEqual(indexTerms('㍻'), ['平成']);
    assert.equal(normalizeForSearch('ＯＧＰ Ａｃｔｉｏｎ'), 'ogp action');
  });

  test('Japanese, Korean and Bopomofo are CJK; the prolonged sound mark stays in its run', () => {
    assert.deepEqual(indexTerms('データ'), ['デー', 'ータ']);
    assert.deepEqual(indexTerms('ひらがな'), ['がな', 'ひら', 'らが']);
    assert.deepEqual(indexTerms('한국어'), ['국어', '한국']);
    assert.deepEqual(indexTerms('ㄅㄆㄇ'), ['ㄅㄆ', 'ㄆㄇ']);
  });

  test('emoji, punctuation and symbols are ignored', () => {
    assert.deepEqual(indexTerms('👍 「資訊」！？ (OGP) — #open_gov… ☺'), ['gov', 'ogp', 'open', '資訊']);
    assert.deepEqual(indexTerms('。、！'), []);
    assert.deepEqual(indexTerms(''), []);
  });

  test('Latin words split at punctuation, keep accents and case-fold', () => {
    assert.deepEqual(indexTerms("OGP's e-Participation"), ['e', 'ogp', 'participation', 's']);
    assert.deepEqual(indexTerms('Café CAFÉ'), ['café']);
    assert.deepEqual(indexTerms('Cafe\u0301'), ['café'], 'NFKC composes e + combining acute');
  });

  test('very long words are cut to a bounded term', () => {
    const hash = 'a'.repeat(200);
    assert.deepEqual(indexTerms(hash), ['a'.repeat(MAX_WORD_LENGTH)]);
    assert.ok(candidate(`x ${hash} y`, hash), 'the query is cut the same way, so it still finds it');
  });
});

describe('query plans', () => {
  test('empty and whitespace-only queries have no plan', () => {
    assert.equal(queryPlan(''), null);
    assert.equal(queryPlan('   \t\n'), null);
    assert.equal(queryPlan('\u3000'), null, 'an ideographic space is whitespace after NFKC');
  });

  test('a CJK query is its bigrams and an exact needle', () => {
    assert.deepEqual(queryPlan('資訊公開'), { needle: '資訊公開', terms: ['公開', '訊公', '資訊'], fallback: false });
    assert.ok(candidate('落實政府資訊公開法', '資訊公開'));
    assert.ok(!candidate('落實政府資訊與公開法', '資訊公開'));
  });

  test('the whole query is one phrase; whitespace is collapsed; terms are the union of its runs', () => {
    assert.deepEqual(queryPlan('  OGP   行動方案\tAction Plan '), {
      needle: 'ogp 行動方案 action plan',
      terms: ['action', 'ogp', 'plan', '動方', '方案', '行動'],
      fallback: false,
    });
  });

  test('full-width Latin queries normalize to ASCII', () => {
    assert.deepEqual(queryPlan('ＯＧＰ'), { needle: 'ogp', terms: ['ogp'], fallback: false });
    assert.ok(candidate('the ogp process', 'ＯＧＰ'));
    assert.ok(candidate('ＯＧＰ的流程', 'ogp'));
  });

  test('term sets alone would match 公開放 for 公開、開放: the exact recheck in SQL is what rejects it', () => {
    assert.deepEqual(queryPlan('公開、開放')?.terms, ['公開', '開放']);
    assert.equal(queryPlan('公開、開放')?.needle, '公開、開放');
    assert.ok(candidate('政府資料公開放在網站上', '公開、開放'), 'same terms, different text');
    assert.ok(!'政府資料公開放在網站上'.includes('公開、開放'));
  });

  test('a one-character CJK query has no term and falls back to a scan', () => {
    assert.deepEqual(queryPlan('年'), { needle: '年', terms: [], fallback: true });
    assert.deepEqual(queryPlan(' 公 開 '), { needle: '公 開', terms: [], fallback: true });
  });

  test('one-character CJK runs next to other terms add nothing (the body may hold them inside a bigram)', () => {
    assert.deepEqual(queryPlan('109年'), { needle: '109年', terms: ['109'], fallback: false });
    assert.ok(candidate('109年度計畫', '109年'));
    assert.ok(candidate('第3次會議', '第3次'));
  });

  test('punctuation-only queries fall back to a scan of the exact text', () => {
    assert.deepEqual(queryPlan('！？'), { needle: '!?', terms: [], fallback: true });
    assert.deepEqual(queryPlan('👍'), { needle: '👍', terms: [], fallback: true });
  });

  test('a one-letter Latin word is a whole-word term, not a fallback', () => {
    assert.deepEqual(queryPlan('A'), { needle: 'a', terms: ['a'], fallback: false });
  });

  test('Latin words match whole words only (documented rule)', () => {
    assert.ok(candidate('Open Government Partnership', 'government'));
    assert.ok(!candidate('Open Government Partnership', 'gov'), 'a word prefix is not a term');
    assert.ok(!candidate('109年度', '9年度'), 'numbers too');
  });
});

describe('highlight', () => {
  test('marks the substring 資訊公開 inside 落實政府資訊公開法', () => {
    const [s, ...rest] = highlight('落實政府資訊公開法', '資訊公開');
    assert.equal(rest.length, 0);
    assert.deepEqual(s, {
      snippet: [
        { text: '落實政府', mark: false },
        { text: '資訊公開', mark: true },
        { text: '法', mark: false },
      ],
      truncatedStart: false,
      truncatedEnd: false,
    });
  });

  test('case-insensitive, mapped back across full-width characters, several matches', () => {
    const body = 'ＯＧＰ的ogp與Ogp';
    const [s] = highlight(body, 'OGP');
    assert.ok(s);
    assert.deepEqual(s.snippet, [
      { text: 'ＯＧＰ', mark: true },
      { text: '的', mark: false },
      { text: 'ogp', mark: true },
      { text: '與', mark: false },
      { text: 'Ogp', mark: true },
    ]);
    assert.equal(s.snippet.map((x) => x.text).join(''), body, 'the segments are the original text');
  });

  test('a full-width needle marks the ASCII text and the other way round', () => {
    assert.equal(show(highlight('Action Plan 2', 'ＰＬＡＮ')[0] as Snippet), 'Action [Plan] 2');
    assert.equal(show(highlight('第２期ＡＣＴＩＯＮ ＰＬＡＮ', 'action plan')[0] as Snippet), '第２期[ＡＣＴＩＯＮ ＰＬＡＮ]');
  });

  test('a match inside a character NFKC expands marks the whole character', () => {
    assert.equal(show(highlight('㍻30年', '成30')[0] as Snippet), '[㍻30]年');
  });

  test('surrogate pairs and combining marks stay whole', () => {
    assert.equal(show(highlight('𠮷野家的Cafe\u0301', 'café')[0] as Snippet), '𠮷野家的[Cafe\u0301]');
    assert.equal(show(highlight('𠮷野家', '野')[0] as Snippet), '𠮷[野]家');
  });

  test('context and ellipses; nearby matches share a snippet; maxSnippets caps', () => {
    const body = '甲乙丙丁公開戊己庚辛壬癸子丑寅卯公開辰巳午未申酉公開戌亥';
    assert.deepEqual(highlight(body, '公開', { context: 2 }).map(show), ['…丙丁[公開]戊己…', '…寅卯[公開]辰巳…', '…申酉[公開]戌亥']);
    assert.deepEqual(highlight(body, '公開', { context: 2, maxSnippets: 2 }).map(show), ['…丙丁[公開]戊己…', '…寅卯[公開]辰巳…']);
    assert.deepEqual(highlight(body, '公開', { context: 6 }).map(show), ['甲乙丙丁[公開]戊己庚辛壬癸子丑寅卯[公開]辰巳午未申酉[公開]戌亥']);
  });

  test('whitespace next to an ellipsis is trimmed', () => {
    assert.deepEqual(highlight('one two three open data four five six', 'open data', { context: 6 }).map(show), ['…three [open data] four…']);
  });

  test('overlapping matches merge into one mark', () => {
    assert.deepEqual(highlight('哈哈哈哈哈', '哈哈').map(show), ['[哈哈][哈哈]哈']);
    assert.deepEqual(highlight('㍻成', '成').map(show), ['[㍻][成]'], '平成 then 成: two graphemes, two marks');
  });

  test('no match, no needle, empty body', () => {
    assert.deepEqual(highlight('abcdef', 'xyz', { context: 2 }).map(show), ['abcd…']);
    assert.deepEqual(highlight('abc', '  ').map(show), ['abc']);
    assert.deepEqual(highlight('', '公開'), []);
  });

  test('a snippet takes in nearby matches up to maxLength characters and maxMarks marks, then the next match starts another', () => {
    const body = '甲公開乙公開丙公開丁公開戊公開己';
    assert.deepEqual(highlight(body, '公開', { context: 1, maxLength: 7 }).map(show), ['甲[公開]乙[公開]…', '…丙[公開]丁[公開]…', '…戊[公開]己']);
    assert.deepEqual(highlight(body, '公開', { context: 1, maxMarks: 3 }).map(show), ['甲[公開]乙[公開]丙[公開]…', '…丁[公開]戊[公開]己']);
    assert.deepEqual(
      highlight(body, '公開', { context: 1, maxLength: 2, maxSnippets: 2 }).map(show),
      ['甲[公開]…', '…乙[公開]…'],
      'one match always shows whole',
    );
  });

  test('a 100,000-character speech that matches everywhere gives bounded snippets, quickly', () => {
    const body = '資訊公開'.repeat(25_000);
    const started = performance.now();
    const snippets = highlight(body, '資訊公開', { context: 60 });
    const elapsed = performance.now() - started;
    assert.equal(snippets.length, 3);
    const marks = snippets.flatMap((s) => s.snippet.filter((x) => x.mark));
    assert.ok(marks.length <= 30, `${marks.length} marks`);
    for (const s of snippets) assert.ok([...s.snippet.map((x) => x.text).join('')].length <= 160, show(s));
    assert.ok(
      snippets.every((s) => s.snippet.every((x) => x.text !== '資訊公開' || x.mark)),
      'no unmarked match is shown',
    );
    // A sanity bound only (the old builder took 3–21 s here); speed is measured in test/bounded-cost.timing.test.ts.
    assert.ok(elapsed < 2_000, `${Math.round(elapsed)} ms`);

    // Overlapping matches (㍻ normalizes to 平成, so 成平 matches across every pair) stay within the caps too.
    const overlapping = highlight('㍻'.repeat(60_000), '成平', { context: 60 });
    assert.ok(overlapping.length >= 1 && overlapping.length <= 3, `${overlapping.length} snippets`);
    for (const s of overlapping) assert.ok([...s.snippet.map((x) => x.text).join('')].length <= 160, show(s).slice(0, 80));

    const sparse = `${'政府'.repeat(49_995)}資訊公開的`;
    const [last] = highlight(sparse, '資訊公開', { context: 2 });
    assert.equal(last && show(last), '…政府[資訊公開]的', 'a match at the very end is found');
  });

  test('clusters are read as Intl.Segmenter reads them, in simple runs and around them', () => {
    const pieces = [
      '公',
      '開',
      'a',
      'Ａ',
      ' ',
      'e',
      '\u0301',
      '👍',
      '\u{1F3FD}',
      '🇹🇼',
      '\u200d',
      '👩',
      '\r',
      '\n',
      'ก',
      'ำ',
      'क',
      '्',
      'ष',
      '\u1100',
      '\u1161',
      '가',
      'ｶ',
      'ﾞ',
      '\u3099',
      '㍻',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (let round = 0; round < 300; round++) {
      const body = Array.from({ length: 200 }, () => pieces[next()]).join('');
      const needle = pieces[next()] ?? '';
      // With the caps out of the way, every match is marked and the marks are whole clusters.
      const [s] = highlight(body, needle, { context: 1e6, maxLength: 1e7, maxMarks: 1e7 });
      assert.ok(s);
      assert.equal(s.snippet.map((x) => x.text).join(''), body);
      const clusters = Array.from(segmenter.segment(body), (c) => c.index);
      let offset = 0;
      for (const x of s.snippet) {
        assert.ok(clusters.includes(offset), `segment boundary ${offset} is a cluster boundary in ${JSON.stringify(body)}`);
        offset += x.text.length;
      }
    }
  });

  test('segments are plain text: no HTML is built or escaped here', () => {
    const [s] = highlight('<b>OGP</b> & co', 'ogp');
    assert.ok(s);
    assert.deepEqual(s.snippet, [
      { text: '<b>', mark: false },
      { text: 'OGP', mark: true },
      { text: '</b> & co', mark: false },
    ]);
  });
});

describe('positions and phrases', () => {
  test('bigrams sit at consecutive positions within a run, and runs stand apart', () => {
    const terms = indexTermPositions('公開、開放 OGP 公開放');
    assert.deepEqual(Object.fromEntries(terms), { 公開: [0, 7], 開放: [2, 8], ogp: [4] });
    assert.deepEqual(indexTerms('公開、開放 OGP 公開放'), ['ogp', '公開', '開放']);
    assert.deepEqual(Object.fromEntries(indexTermPositions('好，109年度')), { 好: [0], 109: [2], 年度: [5] });
  });

  test('only a needle that is one CJK run of three or more characters is a phrase', () => {
    assert.deepEqual(cjkPhrase('資訊公開'), ['資訊', '訊公', '公開']);
    assert.deepEqual(cjkPhrase('公開公開'), ['公開', '開公', '公開']);
    for (const needle of ['公開', '好', '公開、開放', '109年度', 'ogp 行動方案', 'open data', '行動 方案']) assert.equal(cjkPhrase(needle), null, needle);
  });
});
