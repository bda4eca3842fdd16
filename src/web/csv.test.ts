import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { toCsv } from './csv.js';

// Characters that matter to CSV and to spreadsheets' formulas, and some that do not.
const ALPHABET = ['a', '中', ',', '"', '\n', '\r', '\t', '=', '+', '-', '@', "'", ' ', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '0'];

function randomCell(random: () => number): string | number {
  if (random() < 0.2) return Math.round((random() - 0.5) * 1000);
  let text = '';
  const length = Math.floor(random() * 6);
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return text;
}

test('toCsv writes the same bytes as csv-stringify with escape_formulas, for every kind of cell', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let run = 0; run < 2000; run++) {
    const rows = Array.from({ length: 1 + Math.floor(random() * 4) }, () => Array.from({ length: 1 + Math.floor(random() * 5) }, () => randomCell(random)));
    assert.equal(toCsv(rows), stringify(rows, { escape_formulas: true }), JSON.stringify(rows));
  }
});

test('toCsv neutralises formulas and quotes what needs quoting', () => {
  assert.equal(toCsv([['=1+1', -3, '-3', 'a,b', 'say "hi"', '']]), `'=1+1,-3,'-3,"a,b","say ""hi""",\n`);
});
