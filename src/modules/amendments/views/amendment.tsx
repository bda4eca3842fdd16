/** One amendment: its summary and before/after; for the secretariat, the agenda and the decision forms. */
import type { ForumMeeting, Resolution } from '../../../domain/forum.js';
import { pick } from '../../../domain/localized.js';
import type { ActionPlan, Commitment } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { commitmentCrumbs, CsrfField, ErrorSummary, SelectField, VersionField, formatDate, type FieldErrors } from '../../../web/ui/index.js';
import type { PresentedAmendment } from '../amendments.api.js';
import { amendmentDecidePath, amendmentSchedulePath, commitmentChangesPath } from '../amendments.paths.js';
import { AmendmentSummary } from './parts.js';

export function AmendmentPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  commitment: Commitment;
  amendment: PresentedAmendment;
  /** The secretariat's forms: the plan's meetings (to schedule) and the resolutions of the meeting it is on (to decide). */
  manage: { meetings: ForumMeeting[]; resolutions: Resolution[] } | null;
  errors?: FieldErrors;
  conflict?: boolean;
}) {
  const { ctx, plan, commitment, amendment: a } = props;
  const { lang } = ctx;
  const errors = props.errors ?? {};
  const title = t(lang, 'amendments.amendment.title', { id: a.id, number: a.commitmentNumber });
  const undecided = a.status === 'proposed' || a.status === 'scheduled';
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        ...commitmentCrumbs(lang, plan, commitment),
        { label: t(lang, 'amendments.changes.link'), path: commitmentChangesPath(plan, commitment) },
        { label: title },
      ]}
    >
      <ErrorSummary errors={errors} lang={lang} conflict={props.conflict} />
      <AmendmentSummary ctx={ctx} plan={plan} amendment={a} heading="h1" link={false} />
      {props.manage && undecided ? (
        <section aria-labelledby="s-schedule">
          <h2 id="s-schedule">{t(lang, 'amendments.schedule.heading')}</h2>
          <form method="post" action={href(lang, amendmentSchedulePath(plan, a))} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <VersionField version={a.version} />
            <SelectField
              name="meetingId"
              label={t(lang, 'amendments.schedule.meeting')}
              value={a.meeting?.id ?? null}
              includeEmpty
              required
              options={[...props.manage.meetings]
                .sort((x, y) => y.heldOn.localeCompare(x.heldOn))
                .map((m) => ({ value: String(m.id), label: `${formatDate(m.heldOn, lang)} ${pick(m.title, lang)}` }))}
              errors={errors}
              lang={lang}
            />
            <button type="submit" class="button">
              {t(lang, 'amendments.schedule.submit')}
            </button>
          </form>
        </section>
      ) : null}
      {props.manage && a.status === 'scheduled' ? (
        <section aria-labelledby="s-decide">
          <h2 id="s-decide">{t(lang, 'amendments.decide.heading')}</h2>
          <form method="post" action={href(lang, amendmentDecidePath(plan, a))} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <VersionField version={a.version} />
            <SelectField
              name="resolutionId"
              label={t(lang, 'amendments.decide.resolution')}
              value={null}
              includeEmpty
              required
              options={props.manage.resolutions.map((r) => ({ value: String(r.id), label: `${r.number} ${pick(r.body, lang).slice(0, 80)}` }))}
              errors={errors}
              lang={lang}
            />
            <SelectField
              name="outcome"
              label={t(lang, 'amendments.decide.outcome')}
              value="applied"
              required
              options={(['applied', 'rejected'] as const).map((o) => ({ value: o, label: t(lang, `amendments.outcome.${o}`) }))}
              errors={errors}
              lang={lang}
            />
            <button type="submit" class="button">
              {t(lang, 'amendments.decide.submit')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
