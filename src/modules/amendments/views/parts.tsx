/** Pieces the amendments pages share: an amendment's summary with its before/after, an editorial correction's, the adoption. */
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { commitmentPath } from '../../../web/paths.js';
import { DefinitionList, formatDate, formatDateTime } from '../../../web/ui/index.js';
import type { PresentedAmendment, PresentedCorrection } from '../amendments.api.js';
import type { Adoption } from '../amendments.queries.js';
import { DiffTable } from './diff-table.js';

export function AdoptionFacts(props: { ctx: PageContext; adoption: Adoption }) {
  const { lang } = props.ctx;
  const a = props.adoption;
  return (
    <DefinitionList
      items={[
        { label: t(lang, 'amendments.adoption.authority'), value: pick(a.authority, lang) },
        { label: t(lang, 'amendments.adoption.adoptedOn'), value: <time datetime={a.adoptedOn}>{formatDate(a.adoptedOn, lang)}</time> },
        {
          label: t(lang, 'amendments.adoption.document'),
          value: <>{a.documentUrl ? <a href={a.documentUrl}>{a.documentReference || a.documentUrl}</a> : a.documentReference}</>,
        },
      ]}
    />
  );
}

export function AmendmentSummary(props: { ctx: PageContext; plan: ActionPlan; amendment: PresentedAmendment; heading: 'h1' | 'h2' | 'h3'; link: boolean }) {
  const { lang } = props.ctx;
  const a = props.amendment;
  const title = t(lang, 'amendments.amendment.title', { id: a.id, number: a.commitmentNumber });
  const Heading = props.heading;
  return (
    <article class="amendment" id={`a${a.id}`}>
      <Heading>{props.link ? <a href={href(lang, a.url)}>{title}</a> : title}</Heading>
      <DefinitionList
        items={[
          {
            label: t(lang, 'amendments.commitment'),
            value: <a href={href(lang, commitmentPath(props.plan, { number: a.commitmentNumber }))}>{a.commitmentNumber}</a>,
          },
          { label: t(lang, 'amendments.status'), value: <strong>{t(lang, `amendments.status.${a.status}`)}</strong> },
          { label: t(lang, 'amendments.reason'), value: a.reason },
          { label: t(lang, 'amendments.proposedBy'), value: a.proposedBy === '' ? t(lang, 'people.formerParticipant') : a.proposedBy },
          { label: t(lang, 'amendments.proposedOn'), value: formatDateTime(new Date(a.proposedAt), lang) },
          a.meeting && {
            label: t(lang, 'amendments.meeting'),
            value: (
              <a href={href(lang, a.meeting.url)}>
                {formatDate(a.meeting.heldOn, lang)} {pick(a.meeting.title, lang)}
              </a>
            ),
          },
          a.resolution && { label: t(lang, 'amendments.resolution'), value: <a href={href(lang, a.resolution.url)}>{a.resolution.number}</a> },
          a.planVersion !== null && { label: t(lang, 'amendments.inVersion'), value: String(a.planVersion) },
        ]}
      />
      <DiffTable entity={a.milestoneId === null ? 'commitment' : 'milestone'} changes={a.changes} lang={lang} officialOnly />
    </article>
  );
}

export function CorrectionSummary(props: { ctx: PageContext; correction: PresentedCorrection }) {
  const { lang } = props.ctx;
  const x = props.correction;
  return (
    <article class="editorial-correction" id={`e${x.id}`}>
      <h3>
        {t(lang, 'amendments.correction.title', { number: x.commitmentNumber })} · <span class="badge">{t(lang, 'commitment.editorial')}</span>
      </h3>
      <DefinitionList
        items={[
          x.note !== '' && { label: t(lang, 'amendments.correction.note'), value: x.note },
          { label: t(lang, 'amendments.correction.by'), value: x.correctedBy === '' ? t(lang, 'people.formerParticipant') : x.correctedBy },
          { label: t(lang, 'amendments.proposedOn'), value: formatDateTime(new Date(x.at), lang) },
        ]}
      />
      <DiffTable entity={x.milestoneId === null ? 'commitment' : 'milestone'} changes={x.changes} lang={lang} officialOnly />
    </article>
  );
}
