import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogsForTest, t } from './i18n.js';

test('both catalogs have every key, none empty', () => {
  const en = Object.keys(catalogsForTest.en).sort();
  const zh = Object.keys(catalogsForTest['zh-TW']).sort();
  assert.deepEqual(zh, en);
  for (const [lang, catalog] of Object.entries(catalogsForTest))
    for (const [key, value] of Object.entries(catalog)) assert.ok(value.trim() !== '', `${lang} ${key} is empty`);
});

test('placeholders match between languages', () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(catalogsForTest.en) as (keyof typeof catalogsForTest.en)[])
    assert.deepEqual(names(catalogsForTest['zh-TW'][key]), names(catalogsForTest.en[key]), key);
});

test('parameters are filled in', () => {
  assert.equal(t('en', 'error.tooLong', { max: 140 }), 'At most 140 characters.');
  assert.equal(t('zh-TW', 'error.tooLong', { max: 140 }), '最多 140 字。');
});
