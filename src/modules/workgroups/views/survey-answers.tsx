/** The secretariat's view of the survey of willingness (not public), with the one action that adds the willing to their groups. */
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { workingGroupSurveyEnrolPath } from '../../../web/paths.js';
import { DataTable, Notice, VersionedAction, formatDateTime } from '../../../web/ui/index.js';
import type { WorkingGroup } from '../workgroups.model.js';
import type { SurveyResponseView } from '../workgroups.service.js';
import { PersonName, groupsCrumbs } from './parts.js';

export function SurveyAnswersPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  groups: Map<number, WorkingGroup>;
  responses: SurveyResponseView[];
  /** How many memberships the enrolment just added, when it did. */
  enrolled: number | undefined;
}) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const title = t(lang, 'workgroups.survey.answers');
  return (
    <Layout ctx={ctx} title={title} crumbs={[...groupsCrumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'workgroups.survey.answers.intro')}</p>
      {props.enrolled !== undefined ? (
        <Notice tone="success" role="status">
          {t(lang, 'workgroups.survey.enrolled', { count: props.enrolled })}
        </Notice>
      ) : null}
      <DataTable<SurveyResponseView>
        caption={t(lang, 'workgroups.survey.answers.caption', { count: props.responses.length })}
        rows={props.responses}
        empty={t(lang, 'workgroups.survey.answers.none')}
        columns={[
          { header: t(lang, 'workgroups.name'), cell: (r) => pick(props.groups.get(r.workingGroupId)?.name, lang) },
          { header: t(lang, 'workgroups.survey.respondent'), rowHeader: true, cell: (r) => <PersonName person={r.person} lang={lang} /> },
          { header: t(lang, 'workgroups.survey.answer'), cell: (r) => t(lang, `workgroups.survey.answer.${r.answer}`) },
          { header: t(lang, 'workgroups.survey.answeredAt'), nowrap: true, cell: (r) => formatDateTime(r.answeredAt, lang) },
          { header: t(lang, 'workgroups.survey.alreadyMember'), cell: (r) => (r.member ? t(lang, 'workgroups.survey.alreadyMember') : '') },
        ]}
      />
      {props.responses.length > 0 ? <VersionedAction ctx={ctx} action={workingGroupSurveyEnrolPath(plan)} label={t(lang, 'workgroups.survey.enrol')} /> : null}
    </Layout>
  );
}
