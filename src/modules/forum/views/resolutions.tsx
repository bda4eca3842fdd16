/** The plan's resolutions, filtered by status and owner agency. */
import { RESOLUTION_STATUSES, type ResolutionStatus } from '../../../domain/forum.js';
import { pick } from '../../../domain/localized.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { resolutionsPath } from '../../../web/paths.js';
import { SelectField } from '../../../web/ui/index.js';
import { ResolutionsTable, meetingsCrumbs, type ResolutionRow } from './parts.js';

export interface ResolutionFilters {
  status?: ResolutionStatus | undefined;
  agency?: number | undefined;
}

export function ResolutionsPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  rows: ResolutionRow[];
  total: number;
  agencies: Map<number, Agency>;
  ownerAgencies: Agency[];
  filters: ResolutionFilters;
  canManage: boolean;
}) {
  const { ctx, plan, filters } = props;
  const { lang } = ctx;
  const title = t(lang, 'forum.resolutions');
  const filtered = filters.status !== undefined || filters.agency !== undefined;
  /** Filters have no messages, and "any" is the empty choice. */
  const filter = { errors: {}, lang, includeEmpty: true };
  const statuses = RESOLUTION_STATUSES.map((s) => ({ value: s, label: t(lang, `resolution.status.${s}`) }));
  const owners = props.ownerAgencies.map((a) => ({ value: String(a.id), label: pick(a.name, lang) }));
  return (
    <Layout ctx={ctx} title={`${title} · ${pick(plan.title, lang)}`} crumbs={[...meetingsCrumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'forum.resolutions.intro')}</p>
      <form method="get" action={href(lang, resolutionsPath(plan))} class="filters" aria-label={t(lang, 'resolution.filter')}>
        <SelectField {...filter} name="status" label={t(lang, 'resolution.status')} value={filters.status} options={statuses} />
        <SelectField {...filter} name="agency" label={t(lang, 'resolution.owner')} value={filters.agency} options={owners} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t(lang, 'plan.filter.apply')}
          </button>
          {filtered ? <a href={href(lang, resolutionsPath(plan))}>{t(lang, 'plan.filter.reset')}</a> : null}
        </div>
      </form>
      <p role="status">{t(lang, 'resolution.filter.count', { shown: props.rows.length, total: props.total })}</p>
      <ResolutionsTable
        ctx={ctx}
        plan={plan}
        caption={t(lang, 'forum.resolutions.caption')}
        rows={props.rows}
        empty={t(lang, 'resolution.filter.none')}
        agencies={props.agencies}
        canManage={props.canManage}
        showMeeting
      />
    </Layout>
  );
}
