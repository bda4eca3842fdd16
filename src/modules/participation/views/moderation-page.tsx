/**
 * The moderators' page (and the admin's): reports waiting, grouped by input, with the input's words even when hidden;
 * appeals waiting; suspensions in force; the log of every act, 50 a page. Never public, never cached.
 */
import { pick, type Lang, type Localized } from '../../../domain/localized.js';
import type { PublicPerson } from '../../../domain/people.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, DataTable, Pager, formatDateTime, homeCrumbs } from '../../../web/ui/index.js';
import type { ModerationLogEntry, Suspension } from '../moderation.queries.js';
import type { ModerationOverview } from '../moderation.service.js';
import type { Input } from '../participation.model.js';
import { inputPath } from '../participation.paths.js';
import { AppealDecisionForm, DismissReportsForm, ModerateInputForm } from './moderation-forms.js';
import { liftSuspensionPath, ModeratedWords, moderationPath, newSuspensionPath } from './moderation-parts.js';
import { SuspensionFields } from './moderation-suspension.js';

type PlanRef = { slug: string; title: Localized };

export interface ModerationPageProps {
  ctx: PageContext;
  overview: ModerationOverview;
  plans: Map<number, PlanRef>;
  /** Accounts named on the page (authors, suspended accounts), as others may see them. */
  people: Map<number, PublicPerson>;
  /** The inputs the log's entries are about, for their links. */
  inputs: Map<number, Input>;
  /** What an act just did, said once after the redirect. */
  done?: string | undefined;
}

function AccountName(props: { id: number | null; people: Map<number, PublicPerson>; lang: Lang }) {
  if (props.id === null) return <>{t(props.lang, 'people.formerParticipant')}</>;
  const person = props.people.get(props.id);
  const name = person?.displayName ?? t(props.lang, 'people.formerParticipant');
  return <>{t(props.lang, 'participation.moderation.account', { id: props.id, name })}</>;
}

function InputLink(props: { input: Input | undefined; plans: Map<number, PlanRef>; lang: Lang; id: number }) {
  const plan = props.input ? props.plans.get(props.input.planId) : undefined;
  const label = t(props.lang, 'participation.moderation.inputCrumb', { id: props.id });
  if (!props.input || !plan) return <>{label}</>;
  return (
    <a href={href(props.lang, inputPath(plan, props.input))}>
      {label} · {pick(plan.title, props.lang)}
    </a>
  );
}

export function ModerationPage(props: ModerationPageProps) {
  const { ctx, overview, plans, people } = props;
  const { lang } = ctx;
  const title = t(lang, 'participation.moderation.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[...homeCrumbs(lang), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'participation.moderation.intro')}</p>
      {props.done ? (
        <p class="notice notice-success" role="status">
          {props.done}
        </p>
      ) : null}

      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t(lang, 'participation.moderation.reports', { count: overview.reports.length })}</h2>
        {overview.reports.length === 0 ? <p>{t(lang, 'participation.moderation.reports.none')}</p> : null}
        {overview.reports.map(({ input, reports }) => {
          const plan = plans.get(input.planId);
          if (!plan) return null;
          return (
            <article class="moderation-item" aria-labelledby={`report-${input.id}`}>
              <h3 id={`report-${input.id}`}>
                <InputLink input={input} plans={plans} lang={lang} id={input.id} />
              </h3>
              <p>
                {t(lang, 'participation.moderation.author')}: <AccountName id={input.authorId} people={people} lang={lang} />
              </p>
              <ModeratedWords input={input} lang={lang} />
              <ul class="moderation-reports">
                {reports.map((r) => (
                  <li>
                    {formatDateTime(r.createdAt, lang)} · {t(lang, `participation.moderation.reason.${r.reason}`)}
                    {r.note !== '' ? <>: {r.note}</> : null}
                  </li>
                ))}
              </ul>
              <ModerateInputForm ctx={ctx} plan={plan} input={input} />
              <DismissReportsForm ctx={ctx} plan={plan} input={input} />
            </article>
          );
        })}
      </section>

      <section aria-labelledby="appeals-heading">
        <h2 id="appeals-heading">{t(lang, 'participation.moderation.appeals', { count: overview.appeals.length })}</h2>
        {overview.appeals.length === 0 ? <p>{t(lang, 'participation.moderation.appeals.none')}</p> : null}
        {overview.appeals.map((input) => {
          const plan = plans.get(input.planId);
          if (!plan) return null;
          return (
            <article class="moderation-item" aria-labelledby={`appeal-${input.id}`}>
              <h3 id={`appeal-${input.id}`}>
                <InputLink input={input} plans={plans} lang={lang} id={input.id} />
              </h3>
              <p>
                {t(lang, 'participation.moderation.hiddenNotice', {
                  date: input.moderation.hiddenAt ? formatDateTime(input.moderation.hiddenAt, lang) : '',
                  reason: input.moderation.hiddenReason,
                })}
              </p>
              <ModeratedWords input={input} lang={lang} />
              <AppealDecisionForm ctx={ctx} plan={plan} input={input} open />
            </article>
          );
        })}
      </section>

      {overview.suspensions ? <Suspensions ctx={ctx} suspensions={overview.suspensions} people={people} /> : null}

      <section aria-labelledby="log-heading">
        <h2 id="log-heading">{t(lang, 'participation.moderation.log')}</h2>
        <DataTable<ModerationLogEntry>
          labelledBy="log-heading"
          rows={overview.log.items}
          empty={<p>{t(lang, 'participation.moderation.log.none')}</p>}
          columns={[
            { header: t(lang, 'participation.moderation.log.at'), nowrap: true, rowHeader: true, cell: (e) => formatDateTime(e.at, lang) },
            {
              header: t(lang, 'participation.moderation.log.moderator'),
              cell: (e) => (e.moderatorName === '' ? t(lang, 'people.formerParticipant') : e.moderatorName),
            },
            { header: t(lang, 'participation.moderation.log.act'), cell: (e) => t(lang, `participation.moderation.act.${e.act}`) },
            {
              header: t(lang, 'participation.moderation.log.subject'),
              cell: (e) =>
                e.inputId !== null ? (
                  <InputLink input={props.inputs.get(e.inputId)} plans={plans} lang={lang} id={e.inputId} />
                ) : e.userId !== null ? (
                  <AccountName id={e.userId} people={people} lang={lang} />
                ) : (
                  ''
                ),
            },
            { header: t(lang, 'participation.moderation.log.reason'), cell: (e) => e.reason },
          ]}
        />
        <Pager lang={lang} page={overview.log.page} pages={overview.log.pages} pathFor={moderationPath} />
      </section>
    </Layout>
  );
}

function Suspensions(props: { ctx: PageContext; suspensions: Suspension[]; people: Map<number, PublicPerson> }) {
  const { ctx, people } = props;
  const { lang } = ctx;
  return (
    <section aria-labelledby="suspensions-heading">
      <h2 id="suspensions-heading">{t(lang, 'participation.moderation.suspensions')}</h2>
      <DataTable<Suspension>
        labelledBy="suspensions-heading"
        rows={props.suspensions}
        empty={<p>{t(lang, 'participation.moderation.suspensions.none')}</p>}
        columns={[
          {
            header: t(lang, 'participation.moderation.suspension.account'),
            rowHeader: true,
            cell: (s) => <AccountName id={s.userId} people={people} lang={lang} />,
          },
          { header: t(lang, 'participation.moderation.suspension.until'), nowrap: true, cell: (s) => formatDateTime(s.endsAt, lang) },
          { header: t(lang, 'participation.moderation.suspension.reason'), cell: (s) => s.reason },
          {
            header: t(lang, 'participation.moderation.suspension.lift'),
            cell: (s) => (
              <form method="post" action={href(lang, liftSuspensionPath(s))} class="inline-form">
                <CsrfField token={ctx.csrfToken} />
                <button type="submit" class="button button-secondary">
                  {t(lang, 'participation.moderation.suspension.lift')}
                </button>
              </form>
            ),
          },
        ]}
      />
      <details class="moderation-action">
        <summary>{t(lang, 'participation.moderation.suspend')}</summary>
        <form method="post" action={href(lang, newSuspensionPath())} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <SuspensionFields lang={lang} values={{}} errors={{}} />
          <button type="submit" class="button button-danger">
            {t(lang, 'participation.moderation.suspend.submit')}
          </button>
        </form>
      </details>
    </section>
  );
}
