/** Pieces the forum's pages share: breadcrumbs, meeting labels and links, resolution status, due dates, the resolutions table. */
import type { ForumMeeting, Resolution, ResolutionStatus } from '../../../domain/forum.js';
import { pick, type Lang, type Localized } from '../../../domain/localized.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { meetingPath, meetingsPath, resolutionAnchor, resolutionDecidePath, resolutionEditPath, resolutionsPath } from '../../../web/paths.js';
import { AgencyLink, DataTable, Text, formatDate, planCrumbs, type Crumb, type FieldErrors } from '../../../web/ui/index.js';

export const meetingsCrumbs = (lang: Lang, plan: ActionPlan): Crumb[] => [
  ...planCrumbs(lang, plan),
  { label: t(lang, 'forum.meetings'), path: meetingsPath(plan) },
];
export const meetingCrumbs = (lang: Lang, plan: ActionPlan, meeting: ForumMeeting): Crumb[] => [
  ...meetingsCrumbs(lang, plan),
  { label: meetingLabel(meeting, lang), path: meetingPath(plan, meeting) },
];
export const resolutionsCrumbs = (lang: Lang, plan: ActionPlan): Crumb[] => [
  ...meetingsCrumbs(lang, plan),
  { label: t(lang, 'forum.resolutions'), path: resolutionsPath(plan) },
];

export const meetingLabel = (m: Pick<ForumMeeting, 'heldOn' | 'title'>, lang: Lang) => `${formatDate(m.heldOn, lang)} ${pick(m.title, lang)}`;

/** A meeting named by its date and title, linked to its page; nothing for a meeting a lookup did not find. */
export function MeetingLink(props: { plan: ActionPlan; meeting: Pick<ForumMeeting, 'id' | 'heldOn' | 'title'> | undefined; lang: Lang }) {
  if (!props.meeting) return null;
  return <a href={href(props.lang, meetingPath(props.plan, props.meeting))}>{meetingLabel(props.meeting, props.lang)}</a>;
}

export function formatShare(share: number | null, lang: Lang): string {
  return share === null ? t(lang, 'forum.none') : `${Math.round(share * 100)}%`;
}

export function ResolutionStatusText(props: { status: ResolutionStatus; lang: Lang }) {
  return <span class={`status status-${props.status === 'closed' ? 'completed' : 'in-progress'}`}>{t(props.lang, `resolution.status.${props.status}`)}</span>;
}

/** Text in the page's language, or "none" where both languages are empty. */
export function OptionalText(props: { value: Localized; lang: Lang }) {
  return pick(props.value, props.lang) ? <Text value={props.value} lang={props.lang} /> : <>{t(props.lang, 'forum.none')}</>;
}

/** A decision's note after its status, when it has one. */
export function DecisionNote(props: { note: Localized; lang: Lang }) {
  return pick(props.note, props.lang) ? (
    <>
      {t(props.lang, 'forum.noteSeparator')}
      <Text value={props.note} lang={props.lang} />
    </>
  ) : null;
}

export function OwnerAgency(props: { id: number | null; agencies: Map<number, Agency>; lang: Lang }) {
  return <AgencyLink agency={props.id === null ? undefined : props.agencies.get(props.id)} lang={props.lang} fallback={t(props.lang, 'forum.none')} />;
}

/** A due date, with a badge when it is past while the resolution is still open. */
export function DueDate(props: { dueOn: string | null; overdue: boolean; lang: Lang }) {
  if (props.dueOn === null) return <>{t(props.lang, 'forum.none')}</>;
  return (
    <>
      <time datetime={props.dueOn}>{formatDate(props.dueOn, props.lang)}</time>
      {props.overdue ? (
        <>
          {' '}
          <span class="badge badge-missing">{t(props.lang, 'resolution.overdue')}</span>
        </>
      ) : null}
    </>
  );
}

export interface ResolutionRow {
  resolution: Resolution;
  overdue: boolean;
  meeting?: ForumMeeting | undefined;
}

/** Resolutions with their owner, due date and status; with the meeting that made them on the plan's list; edit links for the secretariat. */
export function ResolutionsTable(props: {
  ctx: PageContext;
  plan: ActionPlan;
  caption: string;
  rows: ResolutionRow[];
  /** Said instead of the table when there are no rows. */
  empty: string;
  agencies: Map<number, Agency>;
  canManage: boolean;
  showMeeting?: boolean;
}) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  return (
    <DataTable<ResolutionRow>
      caption={props.caption}
      rows={props.rows}
      empty={props.empty}
      rowAttributes={({ resolution: r }) => ({ id: resolutionAnchor(r) })}
      columns={[
        { header: t(lang, 'resolution.number'), rowHeader: true, numeric: true, cell: ({ resolution: r }) => r.number },
        { header: t(lang, 'resolution.body'), cell: ({ resolution: r }) => <Text value={r.body} lang={lang} /> },
        props.showMeeting && { header: t(lang, 'resolution.madeAt'), cell: ({ meeting }) => <MeetingLink plan={plan} meeting={meeting} lang={lang} /> },
        { header: t(lang, 'resolution.owner'), cell: ({ resolution: r }) => <OwnerAgency id={r.ownerAgencyId} agencies={props.agencies} lang={lang} /> },
        { header: t(lang, 'resolution.dueOn'), cell: ({ resolution: r, overdue }) => <DueDate dueOn={r.dueOn} overdue={overdue} lang={lang} /> },
        { header: t(lang, 'resolution.status'), cell: ({ resolution: r }) => <ResolutionStatusText status={r.status} lang={lang} /> },
        props.canManage && {
          header: <span class="visually-hidden">{t(lang, 'forum.actions')}</span>,
          cell: ({ resolution: r }) => (
            <>
              <a href={href(lang, resolutionEditPath(plan, r))} aria-label={`${t(lang, 'resolution.edit')}: ${r.number}`}>
                {t(lang, 'resolution.editShort')}
              </a>{' '}
              <DecideLink plan={plan} resolution={r} lang={lang} />
            </>
          ),
        },
      ]}
    />
  );
}

/** The secretariat's link to record a decision on a resolution (at a given meeting, when `at` is given). */
export function DecideLink(props: { plan: ActionPlan; resolution: Resolution; at?: ForumMeeting; lang: Lang }) {
  const { lang, resolution: r } = props;
  return (
    <a href={href(lang, resolutionDecidePath(props.plan, r, props.at))} aria-label={`${t(lang, 'resolution.decide')}: ${r.number}`}>
      {t(lang, 'resolution.decide')}
    </a>
  );
}

/** The message beside a group of controls that is not one of the kit's fields (a radio group, the report picker). */
export function GroupError(props: { name: string; errors: FieldErrors; id?: string; role?: 'alert' }) {
  const message = props.errors[props.name];
  return message ? (
    <p class="field-error" id={props.id} role={props.role}>
      {message}
    </p>
  ) : null;
}
