/** HTML pages of notifications in both languages: the list, read marks, mail settings, unsubscribe, the follow buttons' posts. */
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { UnauthenticatedError } from '../../errors.js';
import { href, pageContext, sameOriginPath, type AppContext, type AppEnv } from '../../web/context.js';
import { handleForm, positiveInt } from '../../web/form-handler.js';
import { nestForm, readForm } from '../../web/forms.js';
import { parseOrThrow } from '../../web/validation.js';
import { notificationSettingsPath, notificationsPath } from './notifications.paths.js';
import { followForm, markReadForm, settingsInput } from './notifications.schemas.js';
import * as service from './notifications.service.js';
import { NotificationsPage } from './views/notifications.js';
import { SettingsPage, type SettingsValues } from './views/settings.js';
import { UnsubscribePage } from './views/unsubscribe.js';

const deps = (c: AppContext) => ({ db: c.get('services').db, now: c.get('services').now });

/**
 * The unread count in the header: one indexed COUNT (capped) per signed-in page view; visitors and posts cost nothing
 * (a post redirects, or shows its form again without the count).
 */
export const unreadCountMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const actor = c.get('actor');
  if (actor && (c.req.method === 'GET' || c.req.method === 'HEAD')) c.set('unreadNotifications', await service.unreadCount(c.get('services').db, actor.id));
  await next();
};

/** The one-click unsubscribe route, with and without the /en prefix: exempt from CSRF (see csrfExemptPosts in web/module.ts). */
export const UNSUBSCRIBE_POST = /^(\/en)?\/unsubscribe\/[A-Za-z0-9_-]{1,200}\/?$/;

export function notificationsPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  app.get('/notifications', async (c) => {
    const page = positiveInt(c.req.query('page')) ?? 1;
    const list = await service.ownNotifications(deps(c).db, c.get('actor'), page);
    return c.html(<NotificationsPage ctx={pageContext(c)} items={list.items} page={list.page} pages={list.pages} total={list.total} />);
  });

  app.post('/notifications/read', async (c) => {
    const input = parseOrThrow(markReadForm, nestForm(await readForm(c)), c.get('lang'));
    await service.markRead(deps(c), c.get('actor'), input.id);
    return c.redirect(href(c.get('lang'), notificationsPath()), 303);
  });

  // ---- mail settings ----
  const renderSettings = (c: AppContext, values: SettingsValues, errors: Record<string, string> = {}, status: 200 | 400 = 200) =>
    c.html(<SettingsPage ctx={pageContext(c)} values={values} errors={errors} saved={status === 200 && c.req.query('saved') === '1'} />, status);

  app.get('/notifications/settings', async (c) => {
    const settings = await service.ownSettings(deps(c).db, c.get('actor'));
    return renderSettings(c, { email: settings.email, lang: settings.lang });
  });
  app.post('/notifications/settings', async (c) => {
    if (!c.get('actor')) throw new UnauthenticatedError();
    return handleForm(c, {
      schema: settingsInput,
      run: (input) => service.updateSettings(deps(c), c.get('actor'), input),
      redirectTo: () => notificationSettingsPath(true),
      render: (state) =>
        Promise.resolve(
          renderSettings(
            c,
            { email: typeof state.body.email === 'string' ? state.body.email : '', lang: typeof state.body.lang === 'string' ? state.body.lang : '' },
            state.errors,
            400,
          ),
        ),
    });
  });

  // ---- one-click unsubscribe: GET asks (mail scanners fetch links), POST acts ----
  app.get('/unsubscribe/:token', async (c) => {
    const token = c.req.param('token');
    const valid = await service.unsubscribeTokenValid(deps(c).db, token);
    return c.html(<UnsubscribePage ctx={pageContext(c)} token={token} state={valid ? 'ask' : 'invalid'} />, valid ? 200 : 404);
  });
  // No CSRF token here (UNSUBSCRIBE_POST): a mail client posts `List-Unsubscribe=One-Click` (RFC 8058) with no
  // cookie. The token in the path is the only credential and nothing reads the session, so a forged post can do no
  // more than the link's holder could: stop the mail of the account the link was mailed to.
  app.post('/unsubscribe/:token', async (c) => {
    const token = c.req.param('token');
    const done = await service.unsubscribe(deps(c), token);
    return c.html(<UnsubscribePage ctx={pageContext(c)} token={token} state={done ? 'done' : 'invalid'} />, done ? 200 : 404);
  });

  // ---- the follow buttons ----
  const followPost =
    (c: AppContext, run: (target: { type: (typeof followForm.shape.target_type.options)[number]; id: number }) => Promise<void>) => async () => {
      const input = parseOrThrow(followForm, nestForm(await readForm(c)), c.get('lang'));
      await run({ type: input.target_type, id: input.target_id });
      return c.redirect(sameOriginPath(input.return_to), 303);
    };
  app.post('/follow', (c) => followPost(c, (target) => service.followTarget(deps(c), c.get('actor'), target))());
  app.post('/unfollow', (c) => followPost(c, (target) => service.unfollowTarget(deps(c), c.get('actor'), target))());

  return app;
}
