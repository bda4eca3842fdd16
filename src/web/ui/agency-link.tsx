/** A link to an agency's page under its name in the page's language; a dash when there is none. */
import type { Lang, Localized } from '../../domain/localized.js';
import { Text } from '../components.js';
import { href } from '../context.js';
import { agencyPath } from '../paths.js';

export function AgencyLink(props: { agency: { code: string; name: Localized } | undefined; lang: Lang; fallback?: string }) {
  if (!props.agency) return <>{props.fallback ?? '—'}</>;
  return (
    <a href={href(props.lang, agencyPath(props.agency))}>
      <Text value={props.agency.name} lang={props.lang} />
    </a>
  );
}
