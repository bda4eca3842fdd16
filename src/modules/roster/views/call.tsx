/**
 * A call for nominations: its seats, eligibility, dates, how the seats are chosen (who may vote, how a tie is
 * decided, or the panel), the accepted nominations, and once published the counts, the turnout and the seats.
 */
import { pick } from '../../../domain/localized.js';
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { callActionPath, forumRosterPath, nominationActionPath } from '../../../web/paths.js';
import { DataTable, DefinitionList, DemoNotice, Notice, Paragraphs, Text, formatDateTime, formatPeriod, listSeparator } from '../../../web/ui/index.js';
import { callPhase, resultDue, turnout, type Nomination, type NominationCall } from '../roster.model.js';
import { callsCrumbs, formatShare, PersonName } from './parts.js';

/** What the person just did, said once on the page they come back to. */
export const CALL_NOTICES = ['nominated', 'self-nominated', 'voted'] as const;
export type CallNotice = (typeof CALL_NOTICES)[number];
const noticeMessage = { nominated: 'roster.nominate.sent', 'self-nominated': 'roster.nominate.selfDone', voted: 'roster.ballot.done' } as const;

export interface CallPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  call: NominationCall;
  today: string;
  /** Accepted nominations only. */
  nominations: Nomination[];
  people: Map<number, PublicPerson>;
  notice: CallNotice | undefined;
  canManage: boolean;
  canModerate: boolean;
}

export function CallPage(props: CallPageProps) {
  const { ctx, plan, call, people, nominations } = props;
  const { lang } = ctx;
  const phase = callPhase(call, props.today);
  const published = call.resultPublishedAt !== null;
  const election = call.method === 'election';
  const name = (n: Nomination) => <PersonName person={people.get(n.nomineeId)} lang={lang} />;
  const names = (ids: readonly number[]) =>
    ids
      .map((id) => nominations.find((n) => n.id === id))
      .map((n) => (n ? (people.get(n.nomineeId)?.displayName ?? t(lang, 'people.formerParticipant')) : ''))
      .join(listSeparator(lang));
  return (
    <Layout ctx={ctx} title={pick(call.title, lang)} crumbs={[...callsCrumbs(lang, plan), { label: pick(call.title, lang) }]}>
      <h1>
        <Text value={call.title} lang={lang} />
      </h1>
      {call.isDemo ? <DemoNotice lang={lang} message={t(lang, 'roster.demoNotice')} /> : null}
      {props.notice ? (
        <Notice tone="success" role="status">
          {t(lang, noticeMessage[props.notice])}
        </Notice>
      ) : null}
      <p class="actions">
        {phase === 'nominating' ? (
          <a class="button" href={href(lang, callActionPath(plan, call, 'nominate'))}>
            {t(lang, 'roster.nominate.link')}
          </a>
        ) : null}
        {phase === 'voting' ? (
          <a class="button" href={href(lang, callActionPath(plan, call, 'ballot'))}>
            {t(lang, 'roster.ballot.link')}
          </a>
        ) : null}
        {props.canManage && !published ? <a href={href(lang, callActionPath(plan, call, 'edit'))}>{t(lang, 'roster.call.edit')}</a> : null}
        {props.canManage && resultDue(call, props.today) ? (
          <a class="button" href={href(lang, callActionPath(plan, call, 'result'))}>
            {t(lang, 'roster.result.publish')}
          </a>
        ) : null}
      </p>
      <DefinitionList
        items={[
          { label: t(lang, 'roster.call.phase'), value: t(lang, `roster.call.phase.${phase}`) },
          { label: t(lang, 'roster.call.seats'), value: call.seats },
          { label: t(lang, 'roster.call.nominations'), value: formatPeriod(call.nominationsOpenOn, call.nominationsCloseOn, lang) },
          { label: t(lang, 'roster.call.method'), value: t(lang, `roster.call.method.${call.method}`) },
          election &&
            call.votingOpensOn !== null &&
            call.votingClosesOn !== null && { label: t(lang, 'roster.call.voting'), value: formatPeriod(call.votingOpensOn, call.votingClosesOn, lang) },
          election && call.tieRule !== null && { label: t(lang, 'roster.call.tieRule'), value: t(lang, `roster.call.tieRule.${call.tieRule}`) },
          !election && { label: t(lang, 'roster.call.panel'), value: <Text value={call.panel} lang={lang} /> },
          { label: t(lang, 'roster.call.term'), value: formatPeriod(call.termStartsOn, call.termEndsOn, lang) },
        ]}
      />
      <section aria-labelledby="s-eligibility">
        <h2 id="s-eligibility">{t(lang, 'roster.call.eligibility')}</h2>
        <Paragraphs value={call.eligibility} lang={lang} />
        {election ? <Notice tone="info">{t(lang, 'roster.call.electorate', { seats: call.seats })}</Notice> : null}
      </section>
      <section aria-labelledby="s-nominees">
        <h2 id="s-nominees">{t(lang, 'roster.call.accepted')}</h2>
        <DataTable<Nomination>
          caption={t(lang, 'roster.call.accepted.caption', { count: nominations.length })}
          hideCaption
          rows={nominations}
          empty={t(lang, 'roster.call.accepted.none')}
          columns={[
            { header: t(lang, 'roster.nomination.nominee'), rowHeader: true, cell: name },
            { header: t(lang, 'roster.nomination.how'), cell: (n) => t(lang, n.selfNominated ? 'roster.nomination.self' : 'roster.nomination.byOther') },
            {
              header: t(lang, 'roster.nomination.statement'),
              cell: (n) =>
                n.hiddenReason ? (
                  <em>{t(lang, 'roster.nomination.hidden', { reason: pick(n.hiddenReason, lang) })}</em>
                ) : (
                  <Paragraphs value={n.statement} lang={lang} />
                ),
            },
            published && election && { header: t(lang, 'roster.nomination.votes'), numeric: true, cell: (n) => n.votes ?? 0 },
            published && { header: t(lang, 'roster.nomination.selected'), cell: (n) => t(lang, n.selected ? 'roster.yes' : 'roster.no') },
            published && !election && { header: t(lang, 'roster.nomination.reason'), cell: (n) => <Text value={n.selectionReason} lang={lang} /> },
            props.canModerate && {
              header: t(lang, 'roster.actions'),
              cell: (n) => <a href={href(lang, nominationActionPath(plan, n, 'moderate'))}>{t(lang, 'roster.nomination.moderate')}</a>,
            },
          ]}
        />
      </section>
      {published && call.resultPublishedAt ? (
        <section aria-labelledby="s-result">
          <h2 id="s-result">{t(lang, 'roster.result.title')}</h2>
          <DefinitionList
            items={[
              {
                label: t(lang, 'roster.result.publishedAt'),
                value: <time datetime={call.resultPublishedAt.toISOString()}>{formatDateTime(call.resultPublishedAt, lang)}</time>,
              },
              election && {
                label: t(lang, 'roster.result.turnout'),
                value: t(lang, 'roster.result.turnoutValue', {
                  ballots: call.ballotsCast,
                  eligible: call.eligibleVoters ?? '—',
                  share: formatShare(turnout(call.ballotsCast, call.eligibleVoters)),
                }),
              },
              call.tieBreak !== null && {
                label: t(lang, 'roster.result.tie'),
                value: (
                  <>
                    {t(lang, 'roster.result.tieValue', { tied: names(call.tieBreak.tied), chosen: names(call.tieBreak.chosen) })}{' '}
                    <Text value={call.tieBreak.record} lang={lang} />
                  </>
                ),
              },
              call.resultNote !== null && { label: t(lang, 'roster.result.note'), value: <Text value={call.resultNote} lang={lang} /> },
            ]}
          />
          <p>
            <a href={href(lang, forumRosterPath(plan))}>{t(lang, 'roster.result.seats')}</a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
}
