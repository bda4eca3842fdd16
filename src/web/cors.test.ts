/** CORS (ADR 0034): cross-origin reads of the API and the open data, no credentials, no allowance for writes. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, signedIn, setup, type TestContext } from '../../test/helpers.js';

let ctx: TestContext;
before(async () => {
  ctx = await setup();
});
after(() => ctx.close());

const ORIGIN = 'https://reader.example.net';
const from = (path: string, init: RequestInit = {}) =>
  ctx.app.request(path, { ...init, headers: { origin: ORIGIN, ...(init.headers as Record<string, string> | undefined) } });

describe('CORS', () => {
  test('GET and HEAD of the API and of /data/ allow any origin, without credentials, exposing the validators and Link', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/plans'],
      ['HEAD', '/api/v1/plans'],
      ['GET', '/api/v1/openapi.json'],
      ['GET', '/data/anything.json'],
      ['GET', '/data/schema/v1.json'],
      ['GET', '/en/data/anything.csv'],
    ] as const) {
      const res = await from(path, { method });
      assert.equal(res.headers.get('access-control-allow-origin'), '*', `${method} ${path}`);
      assert.equal(res.headers.get('access-control-allow-credentials'), null, `${method} ${path}: never with credentials`);
      const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(',');
      for (const name of ['ETag', 'Last-Modified', 'Link']) assert.ok(exposed.includes(name), `${method} ${path} exposes ${name}`);
    }
  });

  test('a preflight for a read is allowed; one for a write gets no allowance at all', async () => {
    const read = await from('/api/v1/plans', {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, if-none-match' },
    });
    assert.equal(read.status, 204);
    assert.equal(read.headers.get('access-control-allow-origin'), '*');
    assert.equal(read.headers.get('access-control-allow-methods'), 'GET,HEAD');
    assert.match(read.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await from('/api/v1/plans', {
        method: 'OPTIONS',
        headers: { 'access-control-request-method': method, 'access-control-request-headers': 'content-type, x-csrf-token' },
      });
      for (const name of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-allow-credentials'])
        assert.equal(res.headers.get(name), null, `${method} preflight: ${name}`);
    }
  });

  test('writes carry no CORS allowance, and the CSRF check is as before', async () => {
    await addUser(ctx, 'cors-secretariat@example.org', 'secretariat');
    const secretariat = await signedIn(ctx.app, 'cors-secretariat@example.org');
    const res = await secretariat.request('/api/v1/plans', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    assert.equal(res.status, 403, 'a cookie write without the CSRF token is refused');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  test('pages are not opened to other origins', async () => {
    for (const path of ['/', '/en', '/sitemap.xml', '/data', '/en/data'])
      assert.equal((await from(path)).headers.get('access-control-allow-origin'), null, path);
    const preflight = await from('/', { method: 'OPTIONS', headers: { 'access-control-request-method': 'GET' } });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  });
});
