import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicCommitmentStatus } from './public-status.js';

const entries = (...statuses: ('not-started' | 'in-progress' | 'completed' | 'delayed' | 'withdrawn')[]) => statuses.map((status) => ({ status }));

test('the public status follows the latest submitted report, whatever was set by hand', () => {
  // The case issue #10 names: set by hand to "in progress", reported complete.
  assert.equal(publicCommitmentStatus('in-progress', entries('completed', 'completed')), 'completed');
  assert.equal(publicCommitmentStatus('completed', entries('completed', 'in-progress')), 'in-progress', 'a hand-set "completed" does not outrun the report');
  assert.equal(publicCommitmentStatus('not-started', entries('delayed', 'not-started')), 'in-progress', 'delayed work is still work in progress');
  assert.equal(publicCommitmentStatus('in-progress', entries('not-started', 'not-started')), 'not-started');
  // Withdrawn milestones do not hold a commitment back from being complete.
  assert.equal(publicCommitmentStatus('in-progress', entries('completed', 'withdrawn')), 'completed');
});

test('without a submitted report the public status is "not started"', () => {
  assert.equal(publicCommitmentStatus('in-progress', null), 'not-started');
  assert.equal(publicCommitmentStatus('completed', null), 'not-started');
  assert.equal(publicCommitmentStatus('in-progress', []), 'not-started', 'a report with no milestone entries reports nothing begun');
});

test('the hand-set status explains a withdrawal, which no report can say', () => {
  assert.equal(publicCommitmentStatus('withdrawn', entries('completed')), 'withdrawn');
  assert.equal(publicCommitmentStatus('withdrawn', null), 'withdrawn');
});
