/** The review's pure rules: which ratings a unit may carry, the legacy starred mark, the figures, the funding. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessmentProblems, commentsOpen, fundingProblems, governmentShare, isStarred, reviewFigures } from './review.js';

test('a Not verifiable unit takes no other rating and no OG value; each refused field is named', () => {
  const problems = assessmentProblems('action-plan-review', 'current', {
    ratings: { verifiability: 'not-verifiable', potential: 'modest', promising: 'no' },
    ogValues: ['civic-participation'],
  });
  assert.deepEqual(problems.map((p) => [p.field, p.key]).sort(), [
    ['ogValues', 'review.error.notVerifiable'],
    ['ratings.potential', 'review.error.notVerifiable'],
    ['ratings.promising', 'review.error.notVerifiable'],
  ]);
  assert.deepEqual(assessmentProblems('action-plan-review', 'current', { ratings: { verifiability: 'not-verifiable' }, ogValues: [] }), []);
});

test('values come from the dimension’s scale, and only the dimensions the report rates in its generation', () => {
  const fields = (kind: Parameters<typeof assessmentProblems>[0], set: Parameters<typeof assessmentProblems>[1], ratings: Record<string, string>) =>
    assessmentProblems(kind, set, { ratings, ogValues: [] }).map((p) => `${p.field}:${p.key}`);
  assert.deepEqual(fields('action-plan-review', 'current', { potential: 'huge' }), ['ratings.potential:review.error.notOnScale']);
  assert.deepEqual(fields('action-plan-review', 'current', { completion: 'complete' }), ['ratings.completion:review.error.dimensionNotRated']);
  assert.deepEqual(fields('results-report', 'legacy', { legacyEarlyResults: 'worsened', legacyCompletion: 'completed' }), []);
  assert.deepEqual(fields('results-report', 'legacy', { completion: 'complete' }), ['ratings.completion:review.error.dimensionNotRated']);
  assert.deepEqual(fields('cocreation-brief', 'current', { verifiability: 'verifiable' }), ['ratings.verifiability:review.error.dimensionNotRated']);
  assert.deepEqual(
    assessmentProblems('action-plan-review', 'current', { ratings: { verifiability: 'verifiable', ogLens: 'no' }, ogValues: ['inclusion'] }).map((p) => p.key),
    ['review.error.valuesWithoutLens'],
  );
});

test('starred: medium or high specificity, a core value, moderate or transformative impact, substantial or complete', () => {
  const design = { ratings: { specificity: 'high', potentialImpact: 'transformative' }, ogValues: ['access-to-information' as const] };
  assert.equal(isStarred(design, { legacyCompletion: 'completed' }), true);
  assert.equal(isStarred(design, { legacyCompletion: 'limited' }), false);
  assert.equal(isStarred({ ...design, ogValues: ['inclusion'] }, { legacyCompletion: 'completed' }), false, 'inclusion alone is not a core value');
  assert.equal(isStarred({ ...design, ratings: { specificity: 'low', potentialImpact: 'transformative' } }, { legacyCompletion: 'completed' }), false);
  assert.equal(isStarred({ ...design, ratings: { specificity: 'medium', potentialImpact: 'minor' } }, { legacyCompletion: 'substantial' }), false);
  assert.equal(isStarred(design, {}), undefined, 'unknown while the results are unrated');
});

test('figures count units by rating, in scale order', () => {
  const f = reviewFigures('action-plan-review', 'current', [
    { ratings: { verifiability: 'verifiable', ogLens: 'yes', potential: 'substantial', promising: 'yes' } },
    { ratings: { verifiability: 'verifiable', ogLens: 'yes', potential: 'modest' } },
    { ratings: { verifiability: 'not-verifiable' } },
    { ratings: {} },
  ]);
  assert.deepEqual([f.units, f.rated, f.verifiable, f.ogLens, f.substantialPotential, f.promising], [4, 3, 2, 2, 1, 1]);
  assert.deepEqual(f.distributions, [
    {
      dimension: 'potential',
      counts: [
        { value: 'unclear', count: 0 },
        { value: 'modest', count: 1 },
        { value: 'substantial', count: 1 },
      ],
    },
  ]);
});

test('funding shares may not pass 100 %; the government’s share is summed; comments close at their time', () => {
  assert.deepEqual(fundingProblems([{ sharePercent: 51 }, { sharePercent: 49 }]), []);
  assert.equal(fundingProblems([{ sharePercent: 51 }, { sharePercent: 49.5 }])[0]?.field, 'funding');
  assert.equal(
    governmentShare([
      { sector: 'government', sharePercent: 30 },
      { sector: 'civil-society', sharePercent: 51 },
      { sector: 'government', sharePercent: 19 },
    ]),
    49,
  );
  const closes = new Date('2026-12-06T16:00:00Z');
  assert.equal(commentsOpen({ state: 'comment', commentClosesAt: closes }, new Date('2026-12-06T15:59:59Z')), true);
  assert.equal(commentsOpen({ state: 'comment', commentClosesAt: closes }, closes), false);
  assert.equal(commentsOpen({ state: 'published', commentClosesAt: closes }, new Date('2026-12-01T00:00:00Z')), false);
});
