/**
 * Bounded cost per request (issue #9, ADR 0017), against a real HTTP server in a process of its own
 * (bounded-cost.server.ts), where a request that held the one JavaScript thread would hold up `/healthz` too. For each path that once stalled the server — a search
 * that matches a 100,000-character speech, a 5 MB form of tiny fields, a very long transcript — `/healthz` is polled
 * 20 times while that request runs again and again, and must answer every time within 100 ms.
 *
 * Timings are asserted here because the issue's acceptance states them; the rest of the suite asserts none. A
 * measurement over budget is taken again, up to three times (see healthzWhile).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SPEECHES_PER_PAGE } from '../src/modules/transcripts/index.js';
import { BODY_LIMITS, MAX_FORM_FIELDS } from '../src/web/body-limits.js';

const HEALTHZ_BUDGET_MS = 100;
const SLOW_PATH_BUDGET_MS = 100;
const POLLS = 20;

let server: ChildProcess;
let base = '';
let denseSlug = '';
let longSlug = '';
let longSpeechIds: number[] = [];
const LONG_SPEECHES = SPEECHES_PER_PAGE * 2.5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long one request takes, its body read. */
async function timed(path: string, init?: RequestInit): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, init);
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

/**
 * Runs `slow` over and over while polling /healthz POLLS times, one poll after another; returns every poll and every
 * run of `slow` (each overlapped some poll: the loop runs until the polls are done).
 */
async function measureOnce(slow: () => Promise<{ ms: number; status: number }>): Promise<{ healthz: number[]; runs: { ms: number; status: number }[] }> {
  let polling = true;
  const runs: { ms: number; status: number }[] = [];
  const loop = (async () => {
    while (polling) runs.push(await slow());
  })();
  const healthz: number[] = [];
  for (let i = 0; i < POLLS; i++) {
    await sleep(i % 4); // land the polls at different moments of the slow request
    const poll = await timed('/healthz');
    assert.equal(poll.status, 200);
    healthz.push(poll.ms);
  }
  polling = false;
  await loop;
  return { healthz, runs };
}

const longest = (values: number[]) => Math.round(Math.max(...values));

/** How many times a measurement may be taken: the first one within every budget counts. */
const ATTEMPTS = 3;

/**
 * measureOnce() up to ATTEMPTS times, returning the first measurement within both budgets (or the last one). A busy
 * machine (CI runners, parallel test files) can deschedule either process for a moment; a request that really holds
 * the server's thread (the old snippet builder held it for seconds) is over budget on every attempt.
 */
async function healthzWhile(
  slow: () => Promise<{ ms: number; status: number }>,
  slowBudget = Number.POSITIVE_INFINITY,
): Promise<{ healthz: number[]; runs: { ms: number; status: number }[] }> {
  let measured = await measureOnce(slow);
  for (
    let attempt = 1;
    attempt < ATTEMPTS && (longest(measured.healthz) >= HEALTHZ_BUDGET_MS || longest(measured.runs.map((r) => r.ms)) >= slowBudget);
    attempt++
  ) {
    measured = await measureOnce(slow);
  }
  return measured;
}

/**
 * Posts a large body on a connection of its own (a server that refuses a body early closes the connection, which a
 * pooled client would reuse): in one piece with its Content-Length, or streamed in chunks without one. Resolves when
 * the answer arrives, or with status 0 when the server closed the connection before answering (refused all the same).
 */
function postLarge(path: string, headers: Record<string, string>, body: Uint8Array | Uint8Array[]): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (status: number) => {
      if (done) return;
      done = true;
      resolve({ ms: performance.now() - started, status });
    };
    const chunks = Array.isArray(body) ? body : [body];
    const req = request(
      `${base}${path}`,
      { method: 'POST', agent: false, headers: Array.isArray(body) ? headers : { ...headers, 'content-length': String(body.byteLength) } },
      (res) => {
        res.resume();
        res.on('end', () => finish(res.statusCode ?? 0));
      },
    );
    req.on('error', () => finish(0));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

before(async () => {
  server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./bounded-cost.server.ts', import.meta.url)), String(LONG_SPEECHES)], {
    env: { ...process.env, LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: server.stdout as NodeJS.ReadableStream }), 'line')) as [string];
  const ready = JSON.parse(line) as { port: number; denseSlug: string; longSlug: string; longSpeechIds: number[] };
  ({ denseSlug, longSlug, longSpeechIds } = ready);
  base = `http://127.0.0.1:${ready.port}`;
  // Warm up: the first requests compile code and fill caches, which is not what is measured.
  for (let i = 0; i < 3; i++)
    for (const path of ['/healthz', '/transcripts/search?q=資訊公開', `/transcripts/${encodeURIComponent(longSlug)}`]) await timed(path);
});

after(async () => {
  server.stdin?.end();
  await once(server, 'exit');
});

describe('a search that matches a 100,000-character speech', () => {
  test('answers within 100 ms, with bounded snippets, and /healthz within 100 ms meanwhile', async () => {
    const page = await timed('/transcripts/search?q=資訊公開');
    assert.equal(page.status, 200);
    const marks = page.body.match(/<mark>/g)?.length ?? 0;
    assert.ok(marks > 0 && marks <= 30, `${marks} marks`);
    assert.ok(page.body.length < 100_000, `the page is ${page.body.length} characters: the speech is not shown whole`);

    const { healthz, runs } = await healthzWhile(() => timed('/transcripts/search?q=資訊公開'), SLOW_PATH_BUDGET_MS);
    assert.ok(runs.every((r) => r.status === 200));
    assert.ok(longest(healthz) < HEALTHZ_BUDGET_MS, `/healthz waited up to ${longest(healthz)} ms`);
    assert.ok(longest(runs.map((r) => r.ms)) < SLOW_PATH_BUDGET_MS, `the search took up to ${longest(runs.map((r) => r.ms))} ms over ${runs.length} runs`);
  });

  test('the API search answers within 100 ms too', async () => {
    const { healthz, runs } = await healthzWhile(() => timed(`/api/v1/search/speeches?q=${encodeURIComponent('資訊公開')}`), SLOW_PATH_BUDGET_MS);
    assert.ok(runs.every((r) => r.status === 200));
    assert.ok(longest(healthz) < HEALTHZ_BUDGET_MS, `/healthz waited up to ${longest(healthz)} ms`);
    assert.ok(longest(runs.map((r) => r.ms)) < SLOW_PATH_BUDGET_MS, `the search took up to ${longest(runs.map((r) => r.ms))} ms`);
  });
});

describe('a 5 MB form of tiny fields, sent anonymously', () => {
  const manyFields = new TextEncoder().encode('a=1&'.repeat(1_250_000)); // 5,000,000 bytes, 1,250,000 fields
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  test('to a page is refused (413) within 100 ms, and /healthz answers within 100 ms meanwhile', async () => {
    const { healthz, runs } = await healthzWhile(() => postLarge('/', form, manyFields), SLOW_PATH_BUDGET_MS);
    // Refused on its Content-Length, before the body is read: the client may see the connection close while it writes.
    assert.ok(
      runs.every((r) => r.status === 413 || r.status === 0) && runs.some((r) => r.status === 413),
      `statuses ${[...new Set(runs.map((r) => r.status))].join(', ')}`,
    );
    assert.ok(longest(runs.map((r) => r.ms)) < SLOW_PATH_BUDGET_MS, `refused after up to ${longest(runs.map((r) => r.ms))} ms`);
    assert.ok(longest(healthz) < HEALTHZ_BUDGET_MS, `/healthz waited up to ${longest(healthz)} ms`);
  });

  test('without a Content-Length (streamed) is refused once past the limit', async () => {
    const chunk = new TextEncoder().encode('a=1&'.repeat(16_384));
    const { healthz, runs } = await healthzWhile(
      () =>
        postLarge(
          '/en/login',
          form,
          Array.from({ length: 80 }, () => chunk),
        ),
      SLOW_PATH_BUDGET_MS,
    );
    assert.ok(
      runs.every((r) => r.status === 413 || r.status === 0) && runs.some((r) => r.status === 413),
      `statuses ${[...new Set(runs.map((r) => r.status))].join(', ')}`,
    );
    assert.ok(longest(runs.map((r) => r.ms)) < SLOW_PATH_BUDGET_MS, `refused after up to ${longest(runs.map((r) => r.ms))} ms`);
    assert.ok(longest(healthz) < HEALTHZ_BUDGET_MS, `/healthz waited up to ${longest(healthz)} ms`);
  });

  test('to the transcript import, which may be 5 MB, is refused for its field count within 100 ms', async () => {
    // A CSRF cookie and field make the CSRF check read the form, as it would for a real visitor.
    const headers = { ...form, cookie: 'cocreate_csrf=abc' };
    const body = new Uint8Array([...new TextEncoder().encode('_csrf=abc&'), ...manyFields]);
    const { healthz, runs } = await healthzWhile(() => postLarge('/transcripts/import', headers, body), SLOW_PATH_BUDGET_MS);
    assert.ok(
      runs.every((r) => r.status === 413),
      `statuses ${[...new Set(runs.map((r) => r.status))].join(', ')}`,
    );
    assert.ok(longest(runs.map((r) => r.ms)) < SLOW_PATH_BUDGET_MS, `refused after up to ${longest(runs.map((r) => r.ms))} ms`);
    assert.ok(longest(healthz) < HEALTHZ_BUDGET_MS, `/healthz waited up to ${longest(healthz)} ms`);
  });

  test('the limits are per route: a form of ordinary size still reaches its route', async () => {
    const fields = new URLSearchParams({ _csrf: 'abc', email: 'nobody@example.org', password: 'x' });
    const ordinary = await timed('/login', { method: 'POST', headers: { ...form, cookie: 'cocreate_csrf=abc' }, body: fields });
    assert.notEqual(ordinary.status, 413);
    assert.notEqual(ordinary.status, 403, 'the CSRF token was read from the form');
    const encode = (text: string) => new TextEncoder().encode(text);
    const justTooMany = await postLarge('/login', { ...form, cookie: 'cocreate_csrf=abc' }, encode(`_csrf=abc&${'a=1&'.repeat(MAX_FORM_FIELDS)}`));
    assert.equal(justTooMany.status, 413);
    const formData = new FormData();
    formData.append('_csrf', 'abc');
    const encoded = new Response(formData);
    const elsewhere = await postLarge(
      '/login',
      { 'content-type': encoded.headers.get('content-type') ?? '', cookie: 'cocreate_csrf=abc' },
      new Uint8Array(await encoded.arrayBuffer()),
    );
    assert.equal(elsewhere.status, 415, 'multipart only where files are uploaded');
    const bigJson = await postLarge(
      '/api/v1/agencies',
      { 'content-type': 'application/json' },
      encode(JSON.stringify({ pad: 'x'.repeat(BODY_LIMITS.standard + 1024) })),
    );
    assert.equal(bigJson.status, 413, 'JSON beyond the standard limit');
  });
});

describe('a very long transcript', () => {
  test(`is read a page of ${SPEECHES_PER_PAGE} speeches at a time; permalinks name the page`, async () => {
    const first = await timed(`/transcripts/${encodeURIComponent(longSlug)}`);
    assert.equal(first.status, 200);
    assert.equal(first.body.match(/<article /g)?.length, SPEECHES_PER_PAGE);
    assert.match(first.body, /rel="next"/);
    const third = await timed(`/en/transcripts/${encodeURIComponent(longSlug)}?page=3`);
    assert.equal(third.body.match(/<article /g)?.length, SPEECHES_PER_PAGE / 2);
    const last = longSpeechIds[longSpeechIds.length - 1] ?? 0;
    assert.ok(third.body.includes(`id="s${last}"`), 'the last speech is on page 3');
    assert.ok(third.body.includes(`href="/en/transcripts/${encodeURIComponent(longSlug)}?page=3#s${last}"`), 'its permalink names page 3');
    assert.equal((await timed(`/transcripts/${encodeURIComponent(longSlug)}?page=4`)).status, 404);
    const redirect = await fetch(`${base}/speeches/${last}`, { redirect: 'manual' });
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers.get('location'), `/transcripts/${encodeURIComponent(longSlug)}?page=3#s${last}`);
    const search: unknown = await (await fetch(`${base}/api/v1/search/speeches?q=${encodeURIComponent(`第${LONG_SPEECHES}段`)}`)).json();
    assert.equal((search as { items: { permalink: string }[] }).items[0]?.permalink, `/transcripts/${encodeURIComponent(longSlug)}?page=3#s${last}`);
  });

  test('/healthz answers within 100 ms while its pages render', async () => {
    let page = 0;
    const { healthz, runs } = await healthzWhile(() => timed(`/transcripts/${encodeURIComponent(longSlug)}?page=${(page++ % 3) + 1}`));
    assert.ok(runs.every((r) => r.status === 200));
    assert.ok(longest(healthz) < HEALTHZ_BUDGET_MS, `/healthz waited up to ${longest(healthz)} ms`);
  });
});

test('the dense transcript itself is one page with its whole speech', async () => {
  const page = await timed(`/transcripts/${encodeURIComponent(denseSlug)}`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.body, /rel="next"/);
  assert.ok(page.body.includes('資訊公開'.repeat(1000)));
});
