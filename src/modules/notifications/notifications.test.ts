/**
 * Notifications through real HTTP against a real database: follows (buttons and API), notify()'s fan-out, the
 * outbox's dispatcher against an in-process SMTP server (and a closed port), the daily digest, one-click unsubscribe
 * (RFC 8058), the header's unread count and the list in both languages, and the erasure of a deleted account's data.
 */
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { startMailCapture, type MailCapture } from '../../../test/mail-capture.js';
import { addUser, Client, json, PASSWORD, setupForTest, type TestContext } from '../../../test/helpers.js';
import { createApp, type App } from '../../app.js';
import { smtpMailer, type Mailer } from '../../web/mail.js';
import { modules } from '../index.js';
import { notificationsModule } from './index.js';
import { backoffMs, dispatchOutbox, enqueueDigests, MAX_ATTEMPTS } from './notifications.outbox.js';
import type { NotificationEvent } from './notifications.model.js';
import * as q from './notifications.queries.js';
import { follow, notify } from './notifications.service.js';

const withNotifications = modules.some((m) => m.name === 'notifications') ? modules : [...modules, notificationsModule];
const ORIGIN = 'https://cocreate.example.org';

/** The app with this module mounted (until src/modules/index.ts lists it), over the test's database and clock. */
function appOf(ctx: TestContext, mailer?: Mailer): App {
  return createApp({
    services: {
      db: ctx.database.db,
      sessionSecret: 'test-secret-0123456789abcdef0123456789',
      secureCookies: false,
      now: () => ctx.clock.now,
      config: { publicUrl: undefined },
      ...(mailer ? { mailer } : {}),
    },
    modules: withNotifications,
    logger: pino({ level: 'silent' }),
  });
}

async function signedInTo(app: App, email: string): Promise<Client> {
  const client = new Client(app);
  await client.signIn(email);
  return client;
}

const event = (over: Partial<NotificationEvent> = {}): NotificationEvent => ({
  kind: 'input.replied',
  actorId: null,
  planId: 1,
  targets: [{ type: 'consultation', id: 7 }],
  path: '/plans/tw-2021-2024/consultations/7',
  title: { zh: '新回應：1-4 開放資料', en: 'New response: 1-4 open data' },
  ...over,
});

async function notifyNow(ctx: TestContext, e: NotificationEvent): Promise<void> {
  await ctx.database.db.transaction().execute((trx) => notify(trx, e, ctx.clock.now));
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let capture: MailCapture;
before(async () => {
  capture = await startMailCapture();
});
after(() => capture.close());

describe('follows', () => {
  test('the buttons and the API follow and unfollow, idempotently; visitors and bad input are refused', async (t) => {
    const ctx = await setupForTest(t);
    const app = appOf(ctx);
    await addUser(ctx, 'fan@example.org', 'public');
    const fan = await signedInTo(app, 'fan@example.org');

    const followed = await fan.postForm('/en/follow', { target_type: 'commitment', target_id: '3', return_to: '/en/plans/tw-2021-2024' });
    assert.equal(followed.status, 303);
    assert.equal(followed.headers.get('location'), '/en/plans/tw-2021-2024');
    assert.equal((await fan.postForm('/follow', { target_type: 'commitment', target_id: '3', return_to: '/' })).status, 303, 'again: idempotent');
    assert.equal((await fan.api('PUT', '/api/v1/follows/input/12')).status, 200);
    const list = await json<{ items: { targetType: string; targetId: number }[] }>(await fan.api('GET', '/api/v1/follows'));
    assert.deepEqual(list.items.map((f) => `${f.targetType}:${f.targetId}`).sort(), ['commitment:3', 'input:12']);

    assert.equal((await fan.postForm('/unfollow', { target_type: 'commitment', target_id: '3', return_to: '/' })).status, 303);
    assert.equal((await fan.api('DELETE', '/api/v1/follows/input/12')).status, 204);
    assert.equal((await fan.api('DELETE', '/api/v1/follows/input/12')).status, 204, 'again: idempotent');
    assert.deepEqual((await json<{ items: unknown[] }>(await fan.api('GET', '/api/v1/follows'))).items, []);

    // Not a page of this site, an unknown type, no CSRF token, a visitor.
    for (const return_to of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)']) {
      const refused = await fan.postForm('/follow', { target_type: 'plan', target_id: '1', return_to });
      assert.equal(refused.status, 400, return_to);
      assert.match(await refused.text(), /不是本網站的頁面/);
    }
    assert.equal((await fan.api('PUT', '/api/v1/follows/meeting/1')).status, 400);
    assert.equal((await fan.postForm('/follow', { target_type: 'plan', target_id: '1', return_to: '/' }, false)).status, 403);
    const visitor = new Client(app);
    assert.equal((await visitor.api('PUT', '/api/v1/follows/plan/1')).status, 401);
    assert.equal((await visitor.api('GET', '/api/v1/follows')).status, 401);
    const document = await json<{ paths: Record<string, unknown> }>(await app.request('/api/v1/openapi.json'));
    assert.ok(document.paths['/follows/{type}/{id}'] && document.paths['/follows']);
  });
});

describe('notify', () => {
  test('followers and named recipients are told once each; never the actor; deleted accounts get nothing; mail only for immediate', async (t) => {
    const ctx = await setupForTest(t, { mailer: capture.mailer });
    const app = appOf(ctx, capture.mailer);
    const ids: number[] = [];
    for (const name of ['immediate', 'daily', 'off', 'actor', 'author', 'gone']) ids.push(await addUser(ctx, `${name}@example.org`, 'public'));
    const [immediate = 0, daily = 0, off = 0, actor = 0, author = 0, gone = 0] = ids;
    const db = ctx.database.db;
    for (const id of [immediate, daily, off, actor, gone]) await db.transaction().execute((trx) => follow(trx, id, { type: 'consultation', id: 7 }));
    await db.transaction().execute((trx) => follow(trx, immediate, { type: 'input', id: 99 }));
    await q.upsertSettings(db, immediate, { email: 'immediate', lang: 'en' }, ctx.clock.now);
    await q.upsertSettings(db, off, { email: 'off' }, ctx.clock.now);
    // The account deleted through its own page (which erases this module's data too).
    const goneClient = await signedInTo(app, 'gone@example.org');
    await goneClient.get('/account/delete');
    assert.equal((await goneClient.postForm('/account/delete', { password: PASSWORD })).status, 303);

    await notifyNow(
      ctx,
      event({
        actorId: actor,
        targets: [
          { type: 'consultation', id: 7 },
          { type: 'input', id: 99 },
        ],
        recipients: [author, gone, actor],
      }),
    );
    const rows = await db.selectFrom('notifications').select(['user_id', 'kind', 'path']).execute();
    assert.deepEqual(
      rows.map((r) => r.user_id).sort((a, b) => a - b),
      [immediate, daily, off, author].sort((a, b) => a - b),
    );
    const outbox = await q.listOutbox(db);
    assert.equal(outbox.length, 1, 'one mail: the immediate follower');
    assert.equal(outbox[0]?.recipientUserId, immediate);
    assert.equal(outbox[0]?.payload.to, 'immediate@example.org');
    assert.equal(outbox[0]?.payload.subject, 'New response: 1-4 open data', 'the recipient’s language first');
    assert.match(outbox[0]?.payload.text ?? '', /新回應：1-4 開放資料/, 'then the other');

    // Nobody to tell: nothing written; a rolled-back write leaves no mail.
    await notifyNow(ctx, event({ targets: [{ type: 'plan', id: 424242 }] }));
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await notify(trx, event({ actorId: null }), ctx.clock.now);
        throw new Error('the write fails');
      }),
    );
    assert.equal((await q.listOutbox(db)).length, 1);
  });
});

describe('the outbox', () => {
  test('dispatch sends each mail once with a stable Message-ID and the unsubscribe headers, and marks it sent', async (t) => {
    const ctx = await setupForTest(t);
    const user = await addUser(ctx, 'reader@example.org', 'public');
    const db = ctx.database.db;
    await db.transaction().execute((trx) => follow(trx, user, { type: 'consultation', id: 7 }));
    await q.upsertSettings(db, user, { email: 'immediate', lang: 'zh' }, ctx.clock.now);
    await notifyNow(ctx, event());
    await notifyNow(ctx, event({ kind: 'input.responded' }));
    const deps = { db, mailer: capture.mailer, now: () => ctx.clock.now, origin: ORIGIN };
    const first = await dispatchOutbox(deps, 10);
    assert.deepEqual(first, { claimed: 2, sent: 2, failed: 0 });
    const mails = capture.to('reader@example.org');
    assert.equal(mails.length, 2);
    const ids = (await q.listOutbox(db, user)).map((r) => r.id);
    for (const [i, mail] of mails.entries()) {
      const head = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
      assert.match(head, new RegExp(`^Message-ID: <outbox-${ids[i]}@cocreate\\.example\\.org>`, 'im'));
      assert.match(head, /^List-Unsubscribe: <https:\/\/cocreate\.example\.org\/unsubscribe\/[A-Za-z0-9_-]+>/im);
      assert.match(head, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
      assert.equal(mail.subject, '新回應：1-4 開放資料');
      assert.match(mail.text, /https:\/\/cocreate\.example\.org\/plans\/tw-2021-2024\/consultations\/7/);
      assert.match(mail.text, /https:\/\/cocreate\.example\.org\/en\/plans\/tw-2021-2024\/consultations\/7/);
    }
    assert.ok((await q.listOutbox(db, user)).every((r) => r.sentAt !== null && r.claimedUntil === null));
    assert.deepEqual(await dispatchOutbox(deps, 10), { claimed: 0, sent: 0, failed: 0 }, 'a second tick sends nothing');
    assert.equal(capture.to('reader@example.org').length, 2);
  });

  test('a mail server that is down: the dispatcher never throws, retries with backoff, gives up after 8 attempts', async (t) => {
    const ctx = await setupForTest(t);
    const user = await addUser(ctx, 'unlucky@example.org', 'public');
    const db = ctx.database.db;
    await q.upsertSettings(db, user, { email: 'immediate' }, ctx.clock.now);
    await notifyNow(ctx, event({ recipients: [user] }));
    const down = smtpMailer(`smtp://127.0.0.1:${await closedPort()}`, 'Cocreate <no-reply@example.org>');
    const deps = { db, mailer: down, now: () => ctx.clock.now, origin: ORIGIN };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      assert.deepEqual(await dispatchOutbox(deps, 10), { claimed: 1, sent: 0, failed: 1 }, `attempt ${attempt}`);
      const [row] = await q.listOutbox(db, user);
      assert.equal(row?.attempts, attempt);
      assert.ok(row?.lastError);
      assert.equal(row?.nextAttemptAt.getTime(), ctx.clock.now.getTime() + backoffMs(attempt));
      assert.deepEqual(await dispatchOutbox(deps, 10), { claimed: 0, sent: 0, failed: 0 }, 'not due before its backoff');
      ctx.clock.now = new Date(ctx.clock.now.getTime() + backoffMs(attempt));
    }
    const [row] = await q.listOutbox(db, user);
    assert.ok(row?.gaveUpAt, 'given up');
    assert.deepEqual(await dispatchOutbox({ ...deps, mailer: capture.mailer }, 10), { claimed: 0, sent: 0, failed: 0 });
    assert.equal(backoffMs(1), 60_000);
    assert.equal(backoffMs(2), 120_000);
  });

  test('a claim is skipped while it holds, and taken again once it expired (its process died mid-send)', async (t) => {
    const ctx = await setupForTest(t);
    const user = await addUser(ctx, 'claimed@example.org', 'public');
    const db = ctx.database.db;
    await q.upsertSettings(db, user, { email: 'immediate' }, ctx.clock.now);
    await notifyNow(ctx, event({ recipients: [user] }));
    const at = ctx.clock.now;
    const dead = await q.claimDue(db, at, new Date(at.getTime() + 60_000), 'a-process-that-dies', 10);
    assert.equal(dead.length, 1);
    const deps = { db, mailer: capture.mailer, now: () => ctx.clock.now, origin: ORIGIN };
    assert.equal((await dispatchOutbox(deps, 10)).claimed, 0, 'held by the other claim');
    ctx.clock.now = new Date(at.getTime() + 61_000);
    assert.deepEqual(await dispatchOutbox(deps, 10), { claimed: 1, sent: 1, failed: 0 });
    assert.equal(capture.to('claimed@example.org').length, 1);
    // The dead process's late mark does nothing: the row is no longer its.
    await q.markFailed(db, dead[0]?.id ?? 0, 'a-process-that-dies', { attempts: 5, nextAttemptAt: at, gaveUpAt: at, error: 'late' });
    const [row] = await q.listOutbox(db, user);
    assert.ok(row?.sentAt);
    assert.equal(row?.gaveUpAt, null);
  });

  test('the daily digest: after 08:00 in Taiwan, once a person a day, of what is new since the last one', async (t) => {
    const ctx = await setupForTest(t);
    const user = await addUser(ctx, 'digest@example.org', 'public');
    await addUser(ctx, 'quiet@example.org', 'public');
    const db = ctx.database.db;
    await db.transaction().execute((trx) => follow(trx, user, { type: 'consultation', id: 7 }));
    // 07:30 in Taipei: too early.
    ctx.clock.now = new Date('2026-11-22T23:30:00Z');
    await notifyNow(ctx, event());
    await notifyNow(ctx, event({ title: { zh: '第二則', en: 'Second' } }));
    const deps = { db, now: () => ctx.clock.now };
    assert.equal(await enqueueDigests(deps), 0);
    ctx.clock.now = new Date('2026-11-23T00:05:00Z');
    assert.equal(await enqueueDigests(deps), 1);
    assert.equal(await enqueueDigests(deps), 0, 'once a day');
    ctx.clock.now = new Date('2026-11-23T03:00:00Z');
    await notifyNow(ctx, event({ title: { zh: '第三則', en: 'Third' } }));
    assert.equal(await enqueueDigests(deps), 0, 'what comes later that day waits for tomorrow');
    const [digest] = await q.listOutbox(db, user);
    assert.equal(digest?.dedupeKey, `digest:${user}:2026-11-23`);
    assert.match(digest?.payload.subject ?? '', /2 則新通知 \/ 2 new notifications/);
    ctx.clock.now = new Date('2026-11-24T01:00:00Z');
    assert.equal(await enqueueDigests(deps), 1, 'the next day, the new one');
    const digests = await q.listOutbox(db, user);
    assert.equal(digests[1]?.dedupeKey, `digest:${user}:2026-11-24`);
    assert.match(digests[1]?.payload.text ?? '', /第三則/);
    assert.doesNotMatch(digests[1]?.payload.text ?? '', /第二則/);
    await dispatchOutbox({ ...deps, mailer: capture.mailer, origin: ORIGIN }, 10);
    assert.equal(capture.to('digest@example.org').length, 2);
  });
});

describe('pages', () => {
  test('unsubscribe: GET only asks; a one-click POST (RFC 8058) without CSRF turns mail off; so does the page’s button', async (t) => {
    const ctx = await setupForTest(t);
    const app = appOf(ctx);
    const user = await addUser(ctx, 'leaving@example.org', 'public');
    const db = ctx.database.db;
    await q.upsertSettings(db, user, { email: 'immediate' }, ctx.clock.now);
    await notifyNow(ctx, event({ recipients: [user] }));
    await notifyNow(ctx, event({ recipients: [user] }));
    const [first, second] = (await q.listOutbox(db, user)).map((r) => /\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(r.payload.text)?.[1] ?? '');
    assert.ok(first && second && first !== second);
    const setting = async () => (await q.settingsOf(db, [user])).get(user)?.email;

    const scanner = new Client(app);
    const page = await scanner.get(`/unsubscribe/${first}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /停止通知郵件/);
    assert.equal(await setting(), 'immediate', 'a GET changes nothing');

    // The mail client's one-click POST: no cookie, no token.
    const oneClick = await app.request(`/unsubscribe/${first}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.status, 200);
    assert.equal(await setting(), 'off');

    // The earlier mail's link still works, through the page's button (with its CSRF token).
    await q.upsertSettings(db, user, { email: 'daily' }, ctx.clock.now);
    const browser = new Client(app);
    await browser.get(`/en/unsubscribe/${second}`);
    const pressed = await browser.postForm(`/en/unsubscribe/${second}`, { 'List-Unsubscribe': 'One-Click' });
    assert.equal(pressed.status, 200);
    assert.match(await pressed.text(), /Notification e-mail is stopped/);
    assert.equal(await setting(), 'off');

    assert.equal(
      (
        await app.request('/unsubscribe/not-a-token-we-ever-mailed-1234', {
          method: 'POST',
          body: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
      404,
    );
    // The exemption is this route's alone: another post without a token is still refused.
    assert.equal(
      (await app.request('/notifications/read', { method: 'POST', body: 'id=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status,
      403,
    );
  });

  test('the header counts unread notifications for the signed-in only; the list in both languages; read marks', async (t) => {
    const ctx = await setupForTest(t);
    const app = appOf(ctx);
    const user = await addUser(ctx, 'reader@example.org', 'public');
    await addUser(ctx, 'other@example.org', 'public');
    for (let i = 0; i < 3; i++) await notifyNow(ctx, event({ recipients: [user], title: { zh: `第 ${i + 1} 則`, en: `Number ${i + 1}` } }));

    const anonymous = await (await app.request('/')).text();
    assert.doesNotMatch(anonymous, /href="\/notifications"/);

    const reader = await signedInTo(app, 'reader@example.org');
    const home = await (await reader.get('/')).text();
    assert.match(home, /<a href="\/notifications" aria-label="通知，3 則未讀">通知 \(3\)<\/a>/);
    const english = await (await reader.get('/en/')).text();
    assert.match(english, /<a href="\/en\/notifications" aria-label="Notifications, 3 unread">Notifications \(3\)<\/a>/);
    const other = await signedInTo(app, 'other@example.org');
    assert.match(await (await other.get('/')).text(), /<a href="\/notifications" aria-label="通知，0 則未讀">通知<\/a>/);

    const list = await (await reader.get('/notifications')).text();
    assert.match(list, /<h1>通知<\/h1>/);
    assert.equal(list.match(/>未讀</g)?.length, 3, 'unread said in words');
    assert.ok(list.indexOf('第 3 則') < list.indexOf('第 1 則'), 'newest first');
    const en = await (await reader.get('/en/notifications')).text();
    assert.match(en, /Number 2/);
    assert.match(en, /href="\/en\/plans\/tw-2021-2024\/consultations\/7"/);

    const [newest] = await q.listNotifications(ctx.database.db, user, { limit: 1, offset: 0 });
    assert.equal((await reader.postForm('/notifications/read', { id: String(newest?.id) })).status, 303);
    assert.match(await (await reader.get('/')).text(), /通知 \(2\)/);
    // Someone else's notification is not theirs to mark.
    assert.equal((await other.postForm('/notifications/read', {})).status, 303);
    assert.match(await (await reader.get('/')).text(), /通知 \(2\)/);
    assert.equal((await reader.postForm('/notifications/read', {})).status, 303);
    const after = await (await reader.get('/notifications')).text();
    assert.match(after, /通知<\/a>/);
    assert.equal(after.match(/>已讀</g)?.length, 3);
    assert.equal((await reader.postForm('/notifications/read', { id: 'x' })).status, 400);

    assert.equal((await new Client(app).get('/notifications')).status, 401);
  });

  test('the list pages 50 at a time', async (t) => {
    const ctx = await setupForTest(t);
    const app = appOf(ctx);
    const user = await addUser(ctx, 'busy@example.org', 'public');
    await q.insertNotifications(
      ctx.database.db,
      Array.from({ length: 51 }, (_, i) => ({
        userId: user,
        kind: 'input.created',
        planId: 1,
        title: { zh: `項目 ${i}`, en: `Item ${i}` },
        path: '/',
        createdAt: new Date(ctx.clock.now.getTime() + i * 1000),
      })),
    );
    const reader = await signedInTo(app, 'busy@example.org');
    const first = await (await reader.get('/en/notifications')).text();
    assert.match(first, /Page 1 of 2/);
    assert.match(first, /Item 50/);
    assert.doesNotMatch(first, /Item 0</);
    const second = await (await reader.get('/en/notifications?page=2')).text();
    assert.match(second, /Item 0</);
    assert.match(first, /Notifications \(51\)|Notifications \(99\+\)|Notifications \(100\)/);
  });

  test('mail settings: shown, saved, and a value not offered is a 400 naming the field', async (t) => {
    const ctx = await setupForTest(t);
    const app = appOf(ctx);
    const user = await addUser(ctx, 'settings@example.org', 'public');
    const client = await signedInTo(app, 'settings@example.org');
    const page = await (await client.get('/en/notifications/settings')).text();
    assert.match(page, /<option value="daily" selected="">/);
    const saved = await client.postForm('/en/notifications/settings', { email: 'immediate', lang: 'en' });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), '/en/notifications/settings?saved=1');
    assert.deepEqual((await q.settingsOf(ctx.database.db, [user])).get(user)?.email, 'immediate');
    const refused = await client.postForm('/notifications/settings', { email: 'hourly', lang: 'zh' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /id="err-email"/);
    assert.equal((await new Client(app).get('/notifications/settings')).status, 401);
  });
});
