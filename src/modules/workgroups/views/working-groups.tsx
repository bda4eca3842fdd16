/** A plan's working groups: name, commitments, chair, co-chair, members, open or closed. */
import { pick, type Localized } from '../../../domain/localized.js';
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { newWorkingGroupPath, workingGroupPath, workingGroupsHistoryPath, workingGroupSurveyAnswersPath, workingGroupSurveyPath } from '../../../web/paths.js';
import { DataTable, DemoNotice, Text, planCrumbs } from '../../../web/ui/index.js';
import type { WorkingGroup } from '../workgroups.model.js';
import { ChairText, CoChairText, CommitmentLinks, OpenStatus } from './parts.js';

export function WorkingGroupsPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  groups: WorkingGroup[];
  people: Map<number, PublicPerson>;
  agencies: Map<number, Agency>;
  commitments: Map<number, { number: string; title: Localized }>;
  canManage: boolean;
  canAnswerSurvey: boolean;
  canReadSurvey: boolean;
}) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const title = t(lang, 'workgroups.title');
  const person = (id: number | null) => (id === null ? undefined : props.people.get(id));
  return (
    <Layout ctx={ctx} title={`${title} · ${pick(plan.title, lang)}`} crumbs={[...planCrumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'workgroups.intro')}</p>
      {props.groups.some((g) => g.isDemo) ? <DemoNotice lang={lang} message={t(lang, 'workgroups.demoNotice')} /> : null}
      {props.canManage || props.canAnswerSurvey || props.canReadSurvey ? (
        <p class="actions">
          {props.canManage ? (
            <a class="button" href={href(lang, newWorkingGroupPath(plan))}>
              {t(lang, 'workgroups.new')}
            </a>
          ) : null}
          {props.canAnswerSurvey ? <a href={href(lang, workingGroupSurveyPath(plan))}>{t(lang, 'workgroups.survey.link')}</a> : null}
          {props.canReadSurvey ? <a href={href(lang, workingGroupSurveyAnswersPath(plan))}>{t(lang, 'workgroups.survey.answers.link')}</a> : null}
        </p>
      ) : null}
      <DataTable<WorkingGroup>
        caption={t(lang, 'workgroups.caption', { count: props.groups.length })}
        rows={props.groups}
        empty={t(lang, 'workgroups.none')}
        columns={[
          {
            header: t(lang, 'workgroups.name'),
            rowHeader: true,
            cell: (g) => (
              <a href={href(lang, workingGroupPath(plan, g))}>
                <Text value={g.name} lang={lang} />
              </a>
            ),
          },
          {
            header: t(lang, 'workgroups.commitments'),
            nowrap: true,
            cell: (g) => <CommitmentLinks plan={plan} ids={g.commitmentIds} numbers={props.commitments} lang={lang} />,
          },
          { header: t(lang, 'workgroups.chair'), cell: (g) => <ChairText group={g} person={person(g.chair.userId)} agencies={props.agencies} lang={lang} /> },
          { header: t(lang, 'workgroups.coChair'), cell: (g) => <CoChairText group={g} person={person(g.coChair.userId)} lang={lang} /> },
          { header: t(lang, 'workgroups.members'), numeric: true, cell: (g) => g.memberCount },
          { header: t(lang, 'workgroups.status'), cell: (g) => <OpenStatus open={g.open} lang={lang} /> },
        ]}
      />
      <p>
        <a href={href(lang, workingGroupsHistoryPath(plan))}>{t(lang, 'workgroups.historyLink')}</a>
      </p>
    </Layout>
  );
}
