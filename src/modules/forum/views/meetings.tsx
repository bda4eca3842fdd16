/** The plan's forum meetings: date, kind, title, attendance by sector, civil society's share, resolutions made. */
import { civilSocietyShare, type ForumMeeting } from '../../../domain/forum.js';
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { meetingPath, newMeetingPath, resolutionsPath } from '../../../web/paths.js';
import { DataTable, Text, formatDate, planCrumbs } from '../../../web/ui/index.js';
import { formatShare } from './parts.js';

export function MeetingsPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  meetings: ForumMeeting[];
  resolutionCounts: Map<number, number>;
  canManage: boolean;
}) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const title = t(lang, 'forum.meetings');
  return (
    <Layout ctx={ctx} title={`${title} · ${pick(plan.title, lang)}`} crumbs={[...planCrumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'forum.intro')}</p>
      <p class="actions">
        {props.canManage ? (
          <a class="button" href={href(lang, newMeetingPath(plan))}>
            {t(lang, 'meeting.new')}
          </a>
        ) : null}
        <a href={href(lang, resolutionsPath(plan))}>{t(lang, 'forum.resolutions')}</a>
      </p>
      <DataTable<ForumMeeting>
        caption={t(lang, 'forum.meetings.caption', { count: props.meetings.length })}
        rows={props.meetings}
        empty={t(lang, 'forum.noMeetings')}
        columns={[
          { header: t(lang, 'meeting.heldOn'), numeric: true, cell: (m) => <time datetime={m.heldOn}>{formatDate(m.heldOn, lang)}</time> },
          { header: t(lang, 'meeting.kind'), cell: (m) => t(lang, `meeting.kind.${m.kind}`) },
          {
            header: t(lang, 'meeting.title'),
            rowHeader: true,
            cell: (m) => (
              <a href={href(lang, meetingPath(plan, m))}>
                <Text value={m.title} lang={lang} />
              </a>
            ),
          },
          { header: t(lang, 'meeting.attendance.government'), numeric: true, cell: (m) => m.attendance.government },
          { header: t(lang, 'meeting.attendance.civilSociety'), numeric: true, cell: (m) => m.attendance.civilSociety },
          { header: t(lang, 'meeting.attendance.other'), numeric: true, cell: (m) => m.attendance.other },
          { header: t(lang, 'meeting.civilSocietyShare'), numeric: true, cell: (m) => formatShare(civilSocietyShare(m.attendance), lang) },
          { header: t(lang, 'meeting.resolutionCount'), numeric: true, cell: (m) => props.resolutionCounts.get(m.id) ?? 0 },
        ]}
      />
    </Layout>
  );
}
