/** The signed-in person's notifications, newest first, 50 a page; unread ones say so in words and in bold. */
import { pick } from '../../../domain/localized.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, Notice, Pager, formatDateTime, homeCrumbs } from '../../../web/ui/index.js';
import type { Notification } from '../notifications.model.js';
import { notificationSettingsPath, notificationsPath, notificationsReadPath } from '../notifications.paths.js';

export function NotificationsPage(props: { ctx: PageContext; items: readonly Notification[]; page: number; pages: number; total: number }) {
  const { ctx } = props;
  const { lang } = ctx;
  const title = t(lang, 'notifications.title');
  const anyUnread = props.items.some((n) => n.readAt === null);
  return (
    <Layout ctx={ctx} title={title} crumbs={[...homeCrumbs(lang), { label: title }]}>
      <h1>{title}</h1>
      <p>{t(lang, 'notifications.intro')}</p>
      <p>
        <a href={href(lang, notificationSettingsPath())}>{t(lang, 'notifications.settingsLink')}</a>
      </p>
      {props.items.length === 0 ? (
        <Notice tone="info">{t(lang, 'notifications.none')}</Notice>
      ) : (
        <>
          {anyUnread ? (
            <form method="post" action={href(lang, notificationsReadPath)} class="inline-form">
              <CsrfField token={ctx.csrfToken} />
              <button type="submit">{t(lang, 'notifications.markAllRead')}</button>
            </form>
          ) : null}
          <h2 id="notifications-list">{t(lang, 'notifications.caption')}</h2>
          <ol class="notifications" aria-labelledby="notifications-list">
            {props.items.map((n) => {
              const text = pick({ ...n.title, status: 'reviewed' }, lang);
              const unread = n.readAt === null;
              return (
                <li class={unread ? 'notification unread' : 'notification'}>
                  <span class={`status status-${unread ? 'in-progress' : 'completed'}`}>{t(lang, unread ? 'notifications.unread' : 'notifications.read')}</span>{' '}
                  {unread ? (
                    <strong>
                      <a href={href(lang, n.path)}>{text}</a>
                    </strong>
                  ) : (
                    <a href={href(lang, n.path)}>{text}</a>
                  )}{' '}
                  <time datetime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, lang)}</time>
                  {unread ? (
                    <form method="post" action={href(lang, notificationsReadPath)} class="inline-form">
                      <CsrfField token={ctx.csrfToken} />
                      <input type="hidden" name="id" value={String(n.id)} />
                      <button type="submit" class="link-button" aria-label={t(lang, 'notifications.markRead.label', { title: text })}>
                        {t(lang, 'notifications.markRead')}
                      </button>
                    </form>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <Pager lang={lang} page={props.page} pages={props.pages} pathFor={(page) => notificationsPath(page)} />
        </>
      )}
    </Layout>
  );
}
