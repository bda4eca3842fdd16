/**
 * Accounts anyone can open, through real HTTP against a real database, with the mail the app really sends captured
 * by an SMTP server in this process: sign-up and confirmation, the unconfirmed account, an address already
 * registered, the honeypot, the limits, password reset, the profile, and deleting an account.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, json, PASSWORD, setup, signedIn, type TestContext } from '../../../test/helpers.js';
import { publicPeople } from './accounts.queries.js';
import { linkIn, startMailCapture, type CapturedMail, type MailCapture } from '../../../test/mail-capture.js';

let ctx: TestContext;
let mail: MailCapture;

before(async () => {
  mail = await startMailCapture();
  ctx = await setup({ mailer: mail.mailer });
});
after(async () => {
  await ctx.close();
  await mail.close();
});

/** Each test speaks from its own address, so the limits of one never reach another. */
let nextAddress = 1;
const newClient = () => new Client(ctx.app, { remoteAddress: `198.51.100.${nextAddress++}` });

const NEW_PASSWORD = 'a brand new passphrase for tests';

interface SignUpFields {
  email: string;
  password?: string;
  displayName?: string;
  stakeholderGroup?: string;
  [field: string]: string | string[] | undefined;
}

/** Fills in the sign-up form as a person would (the consent box ticked) and posts it. */
async function signUp(client: Client, fields: SignUpFields, prefix = ''): Promise<Response> {
  await client.get(`${prefix}/signup`);
  const form: Record<string, string | string[]> = {
    password: PASSWORD,
    displayName: 'New Person',
    organisation: '',
    stakeholderGroup: 'civil-society',
    region: '',
    profilePublic: '',
    consent: ['', 'yes'],
    website: '',
  };
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form[name] = value;
  return client.postForm(`${prefix}/signup`, form);
}

/** The one message sent to `address` since `before` messages had gone to it. */
function onlyNewMail(address: string, before: number): CapturedMail {
  const sent = mail.to(address).slice(before);
  assert.equal(sent.length, 1, `one message to ${address}, got ${sent.length}`);
  return sent[0] as CapturedMail;
}

const pathOf = (link: string) => new URL(link).pathname;

const userRow = (email: string) => ctx.database.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

describe('sign-up and confirmation', () => {
  test('sign-up → the mailed link → a button confirms → sign in', async () => {
    const client = newClient();
    const res = await signUp(client, { email: 'New.Person@Example.org', displayName: 'Lin Mei-hua', organisation: 'Open Culture Foundation', region: 'north' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/signup/sent');
    assert.match(await (await client.get('/signup/sent')).text(), /請查看您的電子郵件/);

    const row = await userRow('new.person@example.org');
    assert.ok(row, 'the address is stored in lower case');
    assert.deepEqual(
      [row.role, row.email_confirmed_at, row.display_name, row.organisation, row.region, row.profile_public],
      ['public', null, 'Lin Mei-hua', 'Open Culture Foundation', 'north', false],
    );
    const tokens = await ctx.database.db.selectFrom('email_tokens').selectAll().where('user_id', '=', row.id).execute();
    assert.equal(tokens.length, 1);
    assert.equal(tokens[0]?.purpose, 'confirm');
    assert.equal((tokens[0]?.expires_at.getTime() ?? 0) - (tokens[0]?.created_at.getTime() ?? 0), 48 * 3600_000);

    const message = onlyNewMail('new.person@example.org', 0);
    assert.match(message.subject, /請確認您的電子郵件地址 \/ Confirm your e-mail address/);
    assert.match(message.text, /Lin Mei-hua 您好/);
    const link = linkIn(message, '/confirm/');
    assert.match(link, /^http:\/\/localhost\/confirm\/[A-Za-z0-9_-]{43}$/, 'an absolute link, to the page in the language of the sign-up');
    assert.ok(!tokens.some((t) => link.includes(t.token_hash)), 'only a hash of the token is stored');

    // Opening the link (as a mail scanner would) confirms nothing.
    const page = await client.get(pathOf(link));
    assert.equal(page.status, 200);
    assert.match(await page.text(), /確認我的地址/);
    assert.equal((await userRow('new.person@example.org'))?.email_confirmed_at, null);
    // The button needs the form's CSRF token.
    assert.equal((await client.postForm(pathOf(link), {}, false)).status, 403);

    const confirmed = await client.postForm(pathOf(link), {});
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get('location'), '/login?notice=confirmed');
    assert.match(await (await client.get('/login?notice=confirmed')).text(), /您的電子郵件地址已確認/);
    assert.ok((await userRow('new.person@example.org'))?.email_confirmed_at);

    assert.equal((await client.signIn('new.person@example.org')).status, 303);
    const session = await json<{ user: { displayName: string; role: string; grants: unknown[] } | null }>(await client.request('/api/v1/session'));
    assert.deepEqual(session.user && [session.user.displayName, session.user.role, session.user.grants], ['Lin Mei-hua', 'public', []]);

    const again = await newClient().get(pathOf(link));
    assert.equal(again.status, 400);
    assert.match(await again.text(), /這個連結已經使用過/);
  });

  test('the English form mails English first, with links to the English pages', async () => {
    const client = newClient();
    assert.equal((await signUp(client, { email: 'english@example.org' }, '/en')).headers.get('location'), '/en/signup/sent');
    const message = onlyNewMail('english@example.org', 0);
    assert.match(message.subject, /^Confirm your e-mail address \/ /);
    assert.match(message.text, /^Hello New Person,/);
    assert.match(linkIn(message, '/en/confirm/'), /^http:\/\/localhost\/en\/confirm\//);
  });

  test('an unconfirmed account cannot sign in; the page says so only after the right password, and offers a new link', async () => {
    const client = newClient();
    await signUp(client, { email: 'waiting@example.org' });
    await client.get('/en/login');
    const wrong = await client.postForm('/en/login', { email: 'waiting@example.org', password: 'not the password at all' });
    assert.equal(wrong.status, 400);
    const wrongText = await wrong.text();
    assert.match(wrongText, /The e-mail or password is not correct/);
    assert.doesNotMatch(wrongText, /not been confirmed/);

    const right = await client.postForm('/en/login', { email: 'waiting@example.org', password: PASSWORD });
    assert.equal(right.status, 403);
    assert.ok(!right.headers.getSetCookie().some((c) => c.startsWith('cocreate_session=')), 'no session');
    assert.match(await right.text(), /the e-mail address has not been confirmed yet/);

    const before = mail.to('waiting@example.org').length;
    const resent = await client.postForm('/en/signup/resend', { email: 'waiting@example.org' });
    assert.equal(resent.headers.get('location'), '/en/signup/resent');
    const fresh = onlyNewMail('waiting@example.org', before);
    const confirmed = await client.postForm(pathOf(linkIn(fresh, '/en/confirm/')), {});
    assert.equal(confirmed.status, 303);
    assert.equal((await client.signIn('waiting@example.org')).status, 303);
  });

  test('an address already registered: the same answer as a new one, nothing created, and its owner is told with a reset link', async () => {
    await addUser(ctx, 'taken@example.org', 'public');
    const users = async () => (await ctx.database.db.selectFrom('users').select('id').execute()).length;
    const count = await users();
    const fresh = await signUp(newClient(), { email: 'brand-new@example.org' });
    const taken = await signUp(newClient(), { email: 'Taken@example.org', displayName: 'Impostor' });
    assert.deepEqual([taken.status, taken.headers.get('location'), await taken.text()], [fresh.status, fresh.headers.get('location'), await fresh.text()]);
    assert.equal(await users(), count + 1, 'only the new address made an account');
    assert.equal((await userRow('taken@example.org'))?.display_name, 'taken', 'the account is untouched');

    const notice = onlyNewMail('taken@example.org', 0);
    assert.match(notice.subject, /有人嘗試以您的地址註冊/);
    assert.match(notice.text, /Someone tried to open a new account with this address/);
    const reset = linkIn(notice, '/password-reset/');
    assert.equal((await newClient().get(pathOf(reset))).status, 200, 'the reset link in the notice works');
  });

  test('a filled honeypot gets the same answer, and nothing is created or mailed', async () => {
    const res = await signUp(newClient(), { email: 'bot@example.org', website: 'https://spam.example' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/signup/sent');
    assert.equal(await userRow('bot@example.org'), undefined);
    assert.deepEqual(mail.to('bot@example.org'), []);
    const form = await (await newClient().get('/signup')).text();
    assert.match(
      form,
      /<div class="visually-hidden" aria-hidden="true"><label for="f-website">[^<]+<\/label><input id="f-website" type="text" name="website" value="" tabindex="-1" autocomplete="off"/,
    );
  });

  test('bad input: the form again with messages beside the fields, in the page language', async () => {
    const zh = await signUp(newClient(), { email: 'not-an-address', password: 'short', stakeholderGroup: 'martians', consent: '' });
    assert.equal(zh.status, 400);
    const zhText = await zh.text();
    for (const message of ['請輸入有效的電子郵件地址', '密碼至少需要 12 個字元', '請選擇一個利害關係人類別', '註冊前請同意隱私權聲明'])
      assert.match(zhText, new RegExp(message));
    const en = await signUp(newClient(), { email: 'someone@example.org', displayName: '  ', stakeholderGroup: 'martians' }, '/en');
    const enText = await en.text();
    assert.match(enText, /This field is required/);
    assert.match(enText, /Choose one of the stakeholder groups/);
    assert.match(enText, /value="someone@example.org"/, 'what was typed is kept');
    assert.equal(await userRow('someone@example.org'), undefined);
    // Two addresses in one: refused, so no mail could go to a second recipient.
    const two = await signUp(newClient(), { email: 'a@example.org,victim@example.org' }, '/en');
    assert.equal(two.status, 400);
    assert.match(await two.text(), /Enter a valid e-mail address/);
  });
});

describe('limits on sign-up and reset requests', () => {
  test('past ten sign-ups one client waits (429, Retry-After, when to retry); another client signs up', async () => {
    const busy = newClient();
    await busy.get('/signup');
    for (let i = 0; i < 10; i++) assert.equal((await busy.postForm('/signup', { email: `x${i}` })).status, 400);
    const limited = await signUp(busy, { email: 'eleventh@example.org' });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.match(await limited.text(), /嘗試次數過多，請於 60 秒後再試/);
    assert.equal(await userRow('eleventh@example.org'), undefined);
    assert.equal((await signUp(newClient(), { email: 'eleventh@example.org' })).status, 303, 'another address is not held up');
    const saved = ctx.clock.now;
    try {
      ctx.clock.now = new Date(saved.getTime() + 60_000);
      assert.equal((await signUp(busy, { email: 'twelfth@example.org' })).status, 303, 'once the wait is over');
    } finally {
      ctx.clock.now = saved;
    }
  });

  test('past five reset requests one client waits; another client asks and the mail goes out', async () => {
    await addUser(ctx, 'forgetful@example.org', 'public');
    const busy = newClient();
    await busy.get('/en/password-reset');
    for (let i = 0; i < 5; i++) assert.equal((await busy.postForm('/en/password-reset', { email: `nobody-${i}@example.org` })).status, 303);
    const limited = await busy.postForm('/en/password-reset', { email: 'forgetful@example.org' });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.match(await limited.text(), /Too many attempts. Try again in 60 seconds/);
    assert.deepEqual(mail.to('forgetful@example.org'), []);
    const other = newClient();
    await other.get('/en/password-reset');
    assert.equal((await other.postForm('/en/password-reset', { email: 'forgetful@example.org' })).status, 303);
    assert.equal(mail.to('forgetful@example.org').length, 1);
  });

  test('new confirmation links: past five from one client, a 429 page that says when to retry', async () => {
    const busy = newClient();
    await busy.get('/en/login');
    for (let i = 0; i < 5; i++) assert.equal((await busy.postForm('/en/signup/resend', { email: `someone-${i}@example.org` })).status, 303);
    const limited = await busy.postForm('/en/signup/resend', { email: 'someone@example.org' });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.match(await limited.text(), /Try again in 60 seconds/);
  });

  test('nobody can fill a mailbox: past three messages in a short time, mail to one address is held back quietly', async () => {
    await addUser(ctx, 'flooded@example.org', 'public');
    for (let i = 0; i < 5; i++) {
      const client = newClient();
      await client.get('/password-reset');
      assert.equal((await client.postForm('/password-reset', { email: 'flooded@example.org' })).headers.get('location'), '/password-reset/sent');
    }
    assert.equal(mail.to('flooded@example.org').length, 3);
  });
});

describe('password reset', () => {
  test('a reset link sets a new password once, ends every session, revokes the API tokens and confirms the address', async () => {
    const id = await addUser(ctx, 'reset-me@example.org', 'public');
    const stolen = newClient();
    assert.equal((await stolen.signIn('reset-me@example.org')).status, 303);
    const made = await stolen.api('POST', '/api/v1/tokens', { name: 'made with the old password' });
    assert.equal(made.status, 201);
    const { token } = await json<{ token: string }>(made);
    const asToken = () => ctx.app.request('/api/v1/session', { headers: { authorization: `Bearer ${token}` } });
    assert.ok((await json<{ user: unknown }>(await asToken())).user, 'the token works before the reset');
    // As if the address had never been confirmed: following the reset link confirms it.
    await ctx.database.db.updateTable('users').set({ email_confirmed_at: null }).where('id', '=', id).execute();

    const client = newClient();
    await client.get('/password-reset');
    assert.equal((await client.postForm('/password-reset', { email: 'reset-me@example.org' })).headers.get('location'), '/password-reset/sent');
    const message = onlyNewMail('reset-me@example.org', 0);
    assert.match(message.subject, /設定新密碼/);
    const link = pathOf(linkIn(message, '/password-reset/'));
    const form = await client.get(link);
    assert.equal(form.status, 200);
    assert.equal(form.headers.get('cache-control'), 'private, no-store');

    const short = await client.postForm(link, { password: 'too short' });
    assert.equal(short.status, 400);
    assert.match(await short.text(), /密碼至少需要 12 個字元/);

    const done = await client.postForm(link, { password: NEW_PASSWORD });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/login?notice=reset');
    assert.equal((await json<{ user: unknown }>(await stolen.request('/api/v1/session'))).user, null, 'the old session has ended');
    assert.equal((await asToken()).status, 401, 'the token made with the old password is revoked');
    assert.ok((await userRow('reset-me@example.org'))?.email_confirmed_at, 'the link reached the address: it is confirmed');
    assert.equal((await newClient().signIn('reset-me@example.org', PASSWORD)).status, 400, 'the old password no longer works');
    assert.equal((await newClient().signIn('reset-me@example.org', NEW_PASSWORD)).status, 303);

    const reused = await client.postForm(link, { password: 'yet another long passphrase' });
    assert.equal(reused.status, 400);
    assert.match(await reused.text(), /這個連結已經使用過/);
    assert.equal((await newClient().signIn('reset-me@example.org', NEW_PASSWORD)).status, 303, 'the used link changed nothing');
  });

  test('a reset link expires after an hour; an unknown link is a 404; an unknown address gets the same answer and no mail', async () => {
    await addUser(ctx, 'slow@example.org', 'public');
    const client = newClient();
    await client.get('/en/password-reset');
    await client.postForm('/en/password-reset', { email: 'slow@example.org' });
    const link = pathOf(linkIn(onlyNewMail('slow@example.org', 0), '/en/password-reset/'));
    const saved = ctx.clock.now;
    try {
      ctx.clock.now = new Date(saved.getTime() + 61 * 60_000);
      const expired = await client.get(link);
      assert.equal(expired.status, 400);
      assert.match(await expired.text(), /This link has expired/);
      assert.equal((await client.postForm(link, { password: NEW_PASSWORD })).status, 400);
    } finally {
      ctx.clock.now = saved;
    }
    assert.equal((await newClient().signIn('slow@example.org', PASSWORD)).status, 303, 'the password is unchanged');
    const unknown = await client.get('/en/password-reset/not-a-real-token');
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /This link is not valid/);

    const stranger = await client.postForm('/en/password-reset', { email: 'no-such-person@example.org' });
    assert.equal(stranger.headers.get('location'), '/en/password-reset/sent');
    assert.deepEqual(mail.to('no-such-person@example.org'), []);
  });
});

describe('the profile', () => {
  test('the owner edits it by page and by API; bad input gets field messages in both languages', async () => {
    const id = await addUser(ctx, 'profiled@example.org', 'public');
    const client = newClient();
    await client.signIn('profiled@example.org');
    const page = await (await client.get('/account')).text();
    assert.match(page, /profiled@example\.org/, 'the owner sees the address');

    const bad = await client.postForm('/account', { displayName: '', stakeholderGroup: 'martians', region: 'moon', profilePublic: '' });
    assert.equal(bad.status, 400);
    const badText = await bad.text();
    for (const message of ['此欄位為必填', '請選擇一個利害關係人類別', '請選擇一個地區，或不選']) assert.match(badText, new RegExp(message));
    const badEn = await (await client.postForm('/en/account', { displayName: 'x', stakeholderGroup: 'martians', region: '' })).text();
    assert.match(badEn, /Choose one of the stakeholder groups/);

    const saved = await client.postForm('/account', {
      displayName: 'Chen',
      organisation: 'g0v',
      stakeholderGroup: 'academia',
      region: 'south',
      profilePublic: ['', 'yes'],
    });
    assert.equal(saved.headers.get('location'), '/account?saved=1');
    assert.match(await (await client.get('/account?saved=1')).text(), /已儲存您的個人檔案/);

    const apiBad = await client.api('PATCH', '/api/v1/profile', { stakeholderGroup: 'martians', region: 'moon', profilePublic: 'yes' });
    assert.equal(apiBad.status, 400);
    const apiFields = (await json<{ fields: Record<string, string> }>(apiBad)).fields;
    assert.deepEqual(Object.keys(apiFields).sort(), ['profilePublic', 'region']);
    assert.equal(apiFields.region, 'Choose one of the regions, or none.');
    const apiBadZh = await client.api('PATCH', '/api/v1/profile?lang=zh-TW', { stakeholderGroup: 'martians' });
    assert.equal((await json<{ fields: Record<string, string> }>(apiBadZh)).fields.stakeholderGroup, '請選擇一個利害關係人類別。');
    assert.equal((await userRow('profiled@example.org'))?.stakeholder_group, 'academia', 'a refused edit writes nothing');

    const patched = await client.api('PATCH', '/api/v1/profile', { organisation: '', profilePublic: false });
    assert.equal(patched.status, 200);
    const profile = await json<Record<string, unknown>>(patched);
    assert.deepEqual(profile, {
      id,
      email: 'profiled@example.org',
      emailConfirmed: true,
      displayName: 'Chen',
      role: 'public',
      organisation: null,
      stakeholderGroup: 'academia',
      region: 'south',
      profilePublic: false,
    });
    assert.equal((await ctx.app.request('/api/v1/profile')).status, 401, 'nobody else reads it');
  });

  test('others see a profile only when it is public, and never the address', async () => {
    const id = await addUser(ctx, 'shy@example.org', 'public');
    await ctx.database.db
      .updateTable('users')
      .set({ organisation: 'Taiwan Youth Climate Coalition', stakeholder_group: 'youth', region: 'east' })
      .where('id', '=', id)
      .execute();
    const hidden = (await publicPeople(ctx.database.db, [id])).get(id);
    assert.deepEqual(hidden && [hidden.displayName, hidden.organisation, hidden.stakeholderGroup, hidden.region], ['shy', null, null, null]);
    await ctx.database.db.updateTable('users').set({ profile_public: true }).where('id', '=', id).execute();
    const shown = (await publicPeople(ctx.database.db, [id])).get(id);
    assert.deepEqual(shown && [shown.organisation, shown.stakeholderGroup, shown.region], ['Taiwan Youth Climate Coalition', 'youth', 'east']);
    assert.ok(!JSON.stringify(shown).includes('shy@example.org'));
    for (const path of ['/', '/en/', '/plans/tw-2021-2024', '/plans/tw-2021-2024/commitments/1-1/history', '/privacy', '/api/v1/plans']) {
      const text = await (await ctx.app.request(path)).text();
      assert.ok(!text.includes('@example.org'), `${path} shows no address`);
    }
  });
});

describe('deleting an account', () => {
  test('the person confirms with the password; their name becomes "former participant" in the history, page and API; personal data is gone', async () => {
    const id = await addUser(ctx, 'leaving@example.org', 'secretariat');
    await ctx.database.db
      .updateTable('users')
      .set({ display_name: 'Wang Leaving', organisation: 'NDC', region: 'north', profile_public: true })
      .where('id', '=', id)
      .execute();
    const client = newClient();
    await client.signIn('leaving@example.org');
    const commitment = await ctx.database.db
      .selectFrom('commitments')
      .select(['id', 'version'])
      .where('number', '=', '1-1')
      .where('plan_id', '=', ctx.planId)
      .executeTakeFirstOrThrow();
    const edited = await client.api('PATCH', `/api/v1/commitments/${commitment.id}`, {
      version: commitment.version,
      objective: { en: 'Edited before leaving' },
    });
    assert.equal(edited.status, 200, await edited.clone().text());
    const historyPath = '/plans/tw-2021-2024/commitments/1-1/history';
    assert.match(await (await ctx.app.request(historyPath)).text(), /Wang Leaving/);
    const tokenRes = await client.api('POST', '/api/v1/tokens', { name: 'my script' });
    assert.equal(tokenRes.status, 201);
    const { token } = await json<{ token: string }>(tokenRes);

    await client.get('/en/account/delete');
    const wrong = await client.postForm('/en/account/delete', { password: 'not my password at all' });
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /The password is not correct/);
    assert.equal((await userRow('leaving@example.org'))?.deleted_at, null, 'a wrong password deletes nothing');

    const deleted = await client.postForm('/en/account/delete', { password: PASSWORD });
    assert.equal(deleted.status, 303);
    assert.equal(deleted.headers.get('location'), '/en/account/deleted');
    assert.match(await (await client.get('/en/account/deleted')).text(), /Your personal data has been removed and you have been signed out/);
    assert.equal((await json<{ user: unknown }>(await client.request('/api/v1/session'))).user, null, 'signed out');

    const zhHistory = await (await ctx.app.request(historyPath)).text();
    assert.match(zhHistory, /前參與者/);
    assert.doesNotMatch(zhHistory, /Wang Leaving/);
    assert.match(await (await ctx.app.request(`/en${historyPath}`)).text(), /former participant/);
    const api = async (lang: string) =>
      (
        await json<{ items: { actorName: string; changes: { field: string }[] }[] }>(
          await ctx.app.request(`/api/v1/commitments/${commitment.id}/history?lang=${lang}`),
        )
      ).items;
    const entry = (await api('en')).find((h) => h.changes.some((c) => c.field === 'objective'));
    assert.equal(entry?.actorName, 'former participant', 'what changed stays, without the name');
    assert.ok((await api('zh-TW')).some((h) => h.actorName === '前參與者'));

    const counters = await ctx.database.db.selectFrom('sign_in_failures').select('key').execute();
    assert.ok(!counters.some((c) => c.key.includes('leaving@example.org')), 'no counter keeps the old address');
    assert.equal((await newClient().signIn('leaving@example.org')).status, 400, 'sign-in fails');
    assert.equal((await ctx.app.request('/api/v1/session', { headers: { authorization: `Bearer ${token}` } })).status, 401, 'tokens are revoked');
    const row = await ctx.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.email, row.display_name, row.organisation, row.stakeholder_group, row.region, row.profile_public],
      [`deleted-${id}@deleted.invalid`, '', null, null, null, false],
    );
    assert.ok(row.deleted_at);
    assert.ok(!row.password_hash.startsWith('$argon2'), 'no password can match');
    for (const table of ['sessions', 'api_tokens', 'email_tokens', 'role_grants', 'user_agencies'] as const) {
      const left = await ctx.database.db.selectFrom(table).select('user_id').where('user_id', '=', id).execute();
      assert.deepEqual(left, [], `${table} holds nothing of the account`);
    }
    const history = await ctx.database.db.selectFrom('history').select('actor_name').where('actor_id', '=', id).execute();
    assert.ok(history.length > 0 && history.every((h) => h.actor_name === ''));
    const person = (await publicPeople(ctx.database.db, [id])).get(id);
    assert.deepEqual(person && [person.displayName, person.deleted, person.organisation], [null, true, null]);
  });

  test('by API: DELETE /api/v1/profile with the password; a wrong one is a 400 in the language asked for', async () => {
    const id = await addUser(ctx, 'api-leaver@example.org', 'public');
    const client = await signedIn(ctx.app, 'api-leaver@example.org');
    const wrong = await client.api('DELETE', '/api/v1/profile?lang=zh-TW', { password: 'wrong password here' });
    assert.equal(wrong.status, 400);
    assert.equal((await json<{ fields: Record<string, string> }>(wrong)).fields.password, '密碼不正確。');
    assert.equal((await client.api('DELETE', '/api/v1/profile', {})).status, 400);
    assert.equal((await client.api('DELETE', '/api/v1/profile', { password: PASSWORD })).status, 204);
    const row = await ctx.database.db.selectFrom('users').select(['email', 'deleted_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.email, `deleted-${id}@deleted.invalid`);
    assert.equal((await client.api('DELETE', '/api/v1/profile', { password: PASSWORD })).status, 401, 'the session is gone');
    // The freed address may be used for a new account.
    assert.equal((await signUp(newClient(), { email: 'api-leaver@example.org' })).status, 303);
    assert.equal(mail.to('api-leaver@example.org').at(-1)?.subject.startsWith('請確認'), true);
  });

  test('the last administrator cannot delete their account', async () => {
    const own = await setup({ seed: false, mailer: mail.mailer });
    try {
      await addUser(own, 'only-admin@example.org', 'admin');
      const client = await signedIn(own.app, 'only-admin@example.org');
      const refused = await client.api('DELETE', '/api/v1/profile', { password: PASSWORD });
      assert.equal(refused.status, 400);
      assert.match((await json<{ fields: Record<string, string> }>(refused)).fields.password ?? '', /only administrator/);
      await addUser(own, 'second-admin@example.org', 'admin');
      assert.equal((await client.api('DELETE', '/api/v1/profile', { password: PASSWORD })).status, 204);
    } finally {
      await own.close();
    }
  });
});

describe('the privacy notice', () => {
  test('in both languages, linked from every page, saying what is kept and the rights under the Act', async () => {
    const zh = await (await ctx.app.request('/privacy')).text();
    for (const words of ['隱私權聲明', '個人資料保護法', '前參與者', '請求刪除', '電子郵件地址除您本人外']) assert.match(zh, new RegExp(words));
    const en = await (await ctx.app.request('/en/privacy')).text();
    for (const words of ['Privacy notice', 'Personal Data Protection Act', 'former participant', 'Article 3', 'never shown'])
      assert.match(en, new RegExp(words));
    assert.match(await (await ctx.app.request('/en/')).text(), /<a href="\/en\/privacy">Privacy<\/a>/);
    const home = await (await ctx.app.request('/')).text();
    assert.match(home, /<a href="\/signup">註冊<\/a>/);
  });
});
