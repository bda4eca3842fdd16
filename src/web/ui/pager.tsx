/** Previous / next links around "page n of m"; nothing when everything fits on one page. */
import type { Lang } from '../../domain/localized.js';
import { href } from '../context.js';
import { t } from '../i18n.js';

export function Pager(props: { lang: Lang; page: number; pages: number; pathFor: (page: number) => string }) {
  const { lang, page, pages } = props;
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t(lang, 'pager.label')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(lang, props.pathFor(page - 1))} rel="prev">
              {t(lang, 'pager.previous')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{t(lang, 'pager.status', { page, pages })}</li>
        {page < pages ? (
          <li>
            <a href={href(lang, props.pathFor(page + 1))} rel="next">
              {t(lang, 'pager.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
