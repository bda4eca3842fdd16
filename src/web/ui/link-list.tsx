import { href } from '../context.js';
import { t, type MessageKey } from '../i18n.js';
import type { PageSlot, PageSlots, Section } from '../sections.js';
import type { Lang } from '../../domain/localized.js';

/** Related links (a commitment's, a meeting's): each under its title, or its address when it has none. */
export function LinkList(props: { links: readonly { title: string; url: string }[] }) {
  return (
    <ul>
      {props.links.map((l) => (
        <li>
          <a href={l.url} rel="noopener">
            {l.title || l.url}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A page's section of related links, left out when there are none. */
export function LinksSection(props: { title: string; links: readonly { title: string; url: string }[] }) {
  if (props.links.length === 0) return null;
  return (
    <section aria-labelledby="s-links">
      <h2 id="s-links">{props.title}</h2>
      <LinkList links={props.links} />
    </section>
  );
}

/** List items of links to pages of this site, for a list another page owns (a plan's "Following the plan"). */
export function SiteLinkItems(props: { links: readonly { path: string; label: string }[]; lang: Lang }) {
  return (
    <>
      {props.links.map((l) => (
        <li>
          <a href={href(props.lang, l.path)}>{l.label}</a>
        </li>
      ))}
    </>
  );
}

/** A section of list items of links, each a path and the message of its label, made from the slot's page data (a plan's "Following the plan"). */
export function linkItemsSection<S extends PageSlot>(
  section: { slot: S; order: number; id: string },
  links: (data: PageSlots[S]) => readonly { path: string; label: MessageKey }[],
): Section<S> {
  return {
    ...section,
    render: (c, data) => {
      const lang = c.get('lang');
      return Promise.resolve({ section: <SiteLinkItems links={links(data).map((l) => ({ path: l.path, label: t(lang, l.label) }))} lang={lang} /> });
    },
  };
}
