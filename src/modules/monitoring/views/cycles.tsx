/** The plan's review cycles, and for the secretariat the form that generates them. */
import type { ForumMeeting } from '../../../domain/forum.js';
import { pick } from '../../../domain/localized.js';
import type { ReviewCycle } from '../../../domain/monitoring.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { boardPath, cycleEditPath, cyclesGeneratePath, meetingPath } from '../../../web/paths.js';
import { DataTable, ErrorSummary, InputField, Text, formatDate, formatPeriod, planCrumbs, type FieldErrors } from '../../../web/ui/index.js';
import type { CycleGenerateFormValues } from '../monitoring.forms.js';
import { PanelForm, cycleLabel } from './parts.js';

export function CyclesPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  cycles: ReviewCycle[];
  /** The forum meetings that reviewed each cycle, by cycle id. */
  reviewedAt: Map<number, ForumMeeting[]>;
  current: ReviewCycle | undefined;
  canManage: boolean;
  errors: FieldErrors;
  values: CycleGenerateFormValues;
}) {
  const { ctx, plan, errors } = props;
  const { lang } = ctx;
  const title = t(lang, 'cycle.listTitle');
  const isCurrent = (c: ReviewCycle) => props.current?.id === c.id;
  const number = { type: 'number', errors, lang };
  /** The meetings that reviewed it, else the planned review date. */
  const review = (c: ReviewCycle) => {
    const meetings = props.reviewedAt.get(c.id) ?? [];
    if (meetings.length > 0)
      return meetings.map((m) => (
        <a href={href(lang, meetingPath(plan, m))}>
          {formatDate(m.heldOn, lang)} <Text value={m.title} lang={lang} />
        </a>
      ));
    return c.reviewOn ? `${formatDate(c.reviewOn, lang)} (${t(lang, 'cycle.planned')})` : '—';
  };
  return (
    <Layout ctx={ctx} title={`${title} · ${pick(plan.title, lang)}`} crumbs={[...planCrumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      <p>{t(lang, 'cycle.intro')}</p>
      <DataTable<ReviewCycle>
        caption={title}
        rows={props.cycles}
        empty={t(lang, 'cycle.none')}
        rowAttributes={(c) => (isCurrent(c) ? { 'aria-current': 'true', class: 'current' } : {})}
        columns={[
          { header: t(lang, 'cycle.cycle'), rowHeader: true, cell: (c) => `${cycleLabel(c, lang)}${isCurrent(c) ? ` (${t(lang, 'cycle.current')})` : ''}` },
          { header: t(lang, 'cycle.period'), cell: (c) => formatPeriod(c.startsOn, c.endsOn, lang) },
          { header: t(lang, 'cycle.reportDue'), cell: (c) => formatDate(c.reportDue, lang) },
          { header: t(lang, 'cycle.reviewOn'), cell: review },
          props.canManage && {
            header: t(lang, 'board.title'),
            cell: (c) => (
              <>
                <a href={href(lang, boardPath(plan, c))}>{t(lang, 'board.open')}</a> ·{' '}
                <a href={href(lang, cycleEditPath(plan, c))} aria-label={`${t(lang, 'cycle.edit')}: ${cycleLabel(c, lang)}`}>
                  {t(lang, 'milestone.editShort')}
                </a>
              </>
            ),
          },
        ]}
      />
      {props.canManage ? (
        <PanelForm
          ctx={ctx}
          id="s-generate"
          title={t(lang, 'cycle.generate')}
          action={cyclesGeneratePath(plan)}
          submitLabel={t(lang, 'cycle.generateButton')}
          before={
            <>
              <p class="help">{t(lang, 'cycle.generateHelp')}</p>
              <ErrorSummary errors={errors} lang={lang} />
            </>
          }
        >
          <InputField {...number} name="intervalMonths" label={t(lang, 'cycle.intervalMonths')} value={props.values.intervalMonths} />
          <InputField {...number} name="dueAfterDays" label={t(lang, 'cycle.dueAfterDays')} value={props.values.dueAfterDays} />
          <InputField {...number} name="reviewAfterDays" label={t(lang, 'cycle.reviewAfterDays')} value={props.values.reviewAfterDays} />
        </PanelForm>
      ) : null}
    </Layout>
  );
}
