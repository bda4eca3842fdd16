/** The page frame: landmarks, skip link, language switch, sign-in state. */
import type { Child } from 'hono/jsx';
import { href, type PageContext } from './context.js';
import { t } from './i18n.js';

export interface Crumb {
  label: string;
  path?: string;
}

/** OpenGraph's locale names (language_TERRITORY). */
const OG_LOCALE = { 'zh-TW': 'zh_TW', en: 'en_US' } as const;

/** The unread count as the header says it: at most 99, then "99+". */
const unreadLabel = (count: number): string => (count > 99 ? '99+' : String(count));

export function Layout(props: {
  ctx: PageContext;
  title: string;
  crumbs?: Crumb[];
  children?: Child;
  description?: string;
  feeds?: { title: string; path: string }[];
}) {
  const { ctx } = props;
  const { lang } = ctx;
  const other = lang === 'en' ? 'zh-TW' : 'en';
  const otherPath = href(other, ctx.path) + ctx.search;
  const pageTitle = `${props.title} · ${t(lang, 'site.name')}`;
  // Absolute when the site's public address is configured (COCREATE_PUBLIC_URL), else this site's path.
  const canonical = `${ctx.publicOrigin ?? ''}${href(lang, ctx.path)}${ctx.search}`;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="canonical" href={canonical} />
        <link rel="alternate" hreflang="zh-TW" href={href('zh-TW', ctx.path) + ctx.search} />
        <link rel="alternate" hreflang="en" href={href('en', ctx.path) + ctx.search} />
        <link rel="alternate" hreflang="x-default" href={href('zh-TW', ctx.path) + ctx.search} />
        <meta property="og:site_name" content={t(lang, 'site.name')} />
        <meta property="og:title" content={props.title} />
        <meta property="og:type" content="website" />
        <meta property="og:locale" content={OG_LOCALE[lang]} />
        <meta property="og:locale:alternate" content={OG_LOCALE[other]} />
        {props.description ? <meta property="og:description" content={props.description} /> : null}
        {ctx.publicOrigin ? <meta property="og:url" content={canonical} /> : null}
        {(props.feeds ?? []).map((f) => (
          <link rel="alternate" type="application/atom+xml" title={f.title} href={href(lang, f.path)} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t(lang, 'nav.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={href(lang, '/')}>
              {t(lang, 'site.name')}
            </a>
            <nav aria-label={t(lang, 'nav.main')} class="main-nav">
              <ul>
                <li>
                  <a href={href(lang, '/')}>{t(lang, 'nav.home')}</a>
                </li>
                <li>
                  <a href={href(lang, '/agencies')}>{t(lang, 'agencies.title')}</a>
                </li>
                <li>
                  <a href={href(lang, '/transcripts')}>{t(lang, 'nav.transcripts')}</a>
                </li>
                <li>
                  <a href="/api/v1/openapi.json">{t(lang, 'nav.api')}</a>
                </li>
                <li>
                  <a href={otherPath} hreflang={other} lang={other}>
                    {t(other, `lang.${other}`)}
                  </a>
                </li>
                {ctx.actor && ctx.unreadNotifications !== undefined ? (
                  <li>
                    <a
                      href={href(lang, '/notifications')}
                      aria-label={t(lang, 'notifications.nav.label', { count: unreadLabel(ctx.unreadNotifications) })}
                      aria-current={ctx.path === '/notifications' ? 'page' : undefined}
                    >
                      {ctx.unreadNotifications > 0
                        ? t(lang, 'notifications.nav.count', { count: unreadLabel(ctx.unreadNotifications) })
                        : t(lang, 'notifications.nav')}
                    </a>
                  </li>
                ) : null}
                {ctx.actor ? (
                  <li class="account">
                    <a href={href(lang, '/account')}>{t(lang, 'accounts.nav.account')}</a>{' '}
                    <span>({t(lang, 'nav.signedInAs', { name: ctx.actor.displayName })})</span>
                    <form method="post" action={href(lang, '/logout')} class="inline-form">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <button type="submit" class="link-button">
                        {t(lang, 'nav.signOut')}
                      </button>
                    </form>
                  </li>
                ) : (
                  <>
                    <li>
                      <a href={href(lang, `/login?next=${encodeURIComponent(href(lang, ctx.path))}`)}>{t(lang, 'nav.signIn')}</a>
                    </li>
                    <li>
                      <a href={href(lang, '/signup')}>{t(lang, 'accounts.nav.signUp')}</a>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </div>
        </header>
        {props.crumbs && props.crumbs.length > 0 ? (
          <nav aria-label={t(lang, 'nav.breadcrumb')} class="wrap breadcrumbs">
            <ol>
              {props.crumbs.map((crumb, i) => (
                <li>
                  {crumb.path && i < (props.crumbs?.length ?? 0) - 1 ? (
                    <a href={href(lang, crumb.path)}>{crumb.label}</a>
                  ) : (
                    <span aria-current={i === (props.crumbs?.length ?? 0) - 1 ? 'page' : undefined}>{crumb.label}</span>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              <a href={href(lang, '/data')}>{t(lang, 'footer.openData')}</a> · <a href={href(lang, '/privacy')}>{t(lang, 'accounts.nav.privacy')}</a> ·{' '}
              {t(lang, 'footer.source')}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
