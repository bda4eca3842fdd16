/** HTML pages of working groups in both languages; the join, leave and consent buttons and the forms post back here. */
import { z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { pick } from '../../domain/localized.js';
import type { ActionPlan } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import { href, pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import { freshForm, handleDelete, handleEditForm, handleForm, positiveInt, requirePermission, type FormState } from '../../web/form-handler.js';
import { pageCache } from '../../web/page-cache.js';
import { workingGroupPath, workingGroupSurveyAnswersPath, workingGroupSurveyPath, workingGroupsPath } from '../../web/paths.js';
import type { SectionContribution } from '../../web/sections.js';
import { listStakeholderGroups, publicPeople } from '../accounts/index.js';
import { listMeetings } from '../forum/index.js';
import { FollowButton, isFollowing } from '../notifications/index.js';
import { PlanHistoryPage, idsIn, readPlanHistory, type EntityType } from '../history/index.js';
import { planBySlug, planQueries as planQ, type CommitmentPageData } from '../plans/index.js';
import { joinForm, surveyForm, workingGroupForm, yesNoForm, type SurveyFormValues, type WorkingGroupFormValues } from './workgroups.forms.js';
import type { WorkingGroup } from './workgroups.model.js';
import * as q from './workgroups.queries.js';
import { joinInput, listingInput, moderationInput, surveyInput, workingGroupInput, workingGroupPatch } from './workgroups.schemas.js';
import * as service from './workgroups.service.js';
import { CommitmentGroupsSection } from './views/commitment-section.js';
import { SurveyAnswersPage } from './views/survey-answers.js';
import { SurveyFormPage } from './views/survey-form.js';
import { WorkingGroupFormPage } from './views/working-group-form.js';
import { WorkingGroupPage } from './views/working-group.js';
import { WorkingGroupsPage } from './views/working-groups.js';

const db = (c: AppContext) => c.get('services').db;

/** The plan of the path and its group `:group` (404 when there is none of that slug in the plan). */
async function groupOf(c: AppContext): Promise<{ plan: ActionPlan; group: WorkingGroup }> {
  const plan = await planBySlug(c);
  const group = await q.findWorkingGroupBySlug(db(c), plan.id, c.req.param('group') ?? '');
  if (!group) throw new NotFoundError();
  return { plan, group };
}

const agencyMap = async (c: AppContext) => new Map((await planQ.listAgencies(db(c))).map((a) => [a.id, a]));

/** The plan's commitments by id: their numbers and titles, as group pages link them. */
async function commitmentsOf(c: AppContext, plan: ActionPlan) {
  const list = await planQ.listCommitmentSummaries(db(c), { planId: plan.id });
  return new Map(list.map((cm) => [cm.id, { id: cm.id, number: cm.number, title: cm.title }]));
}

const resourceOf = (g: WorkingGroup) => ({ planId: g.planId, workingGroupId: g.id });

/** A post with no fields but the CSRF token (leave): nothing else is taken. */
const noFields = z.object({}).strict();

/** What the working groups' history page lists; survey answers stay on the secretariat's own page. */
const WORKGROUPS_HISTORY_TYPES: readonly EntityType[] = ['working-group', 'working-group-membership'];

export function workgroupsPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  // ---- the plan's groups ----
  app.get('/plans/:slug/working-groups', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const groups = await q.listWorkingGroupRows(db(c), plan.id);
    const [people, agencies, commitments] = await Promise.all([service.peopleOfGroups(db(c), groups), agencyMap(c), commitmentsOf(c, plan)]);
    const actor = c.get('actor');
    return c.html(
      <WorkingGroupsPage
        ctx={pageContext(c)}
        plan={plan}
        groups={groups}
        people={people}
        agencies={agencies}
        commitments={commitments}
        canManage={can(actor, 'working-group.manage')}
        canAnswerSurvey={can(actor, 'working-group-survey.answer', { planId: plan.id })}
        canReadSurvey={can(actor, 'working-group-survey.manage', { planId: plan.id })}
      />,
    );
  });

  // ---- the history of the plan's groups and memberships (memberships: the secretariat only) ----
  app.get('/plans/:slug/working-groups/history', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const lang = c.get('lang');
    const entries = await readPlanHistory(db(c), c.get('actor'), plan.id, WORKGROUPS_HISTORY_TYPES);
    const [commitments, people] = await Promise.all([
      planQ.commitmentLabels(db(c), idsIn(entries, ['commitmentIds'])),
      publicPeople(db(c), idsIn(entries, ['userId'])),
    ]);
    const names = new Map<string, string>();
    for (const [id, cm] of commitments) names.set(`commitmentIds:${id}`, `${cm.number} ${pick(cm.title, lang)}`);
    for (const [id, person] of people) names.set(`userId:${id}`, person.displayName ?? t(lang, 'people.formerParticipant'));
    const title = t(lang, 'workgroups.title');
    return c.html(<PlanHistoryPage ctx={pageContext(c)} plan={plan} of={{ title, path: workingGroupsPath(plan) }} entries={entries} names={names} />);
  });

  // ---- a group's form ----
  const renderGroupForm = async (c: AppContext, plan: ActionPlan, group: WorkingGroup | null, values: WorkingGroupFormValues, state: FormState = freshForm) => {
    const [commitments, agencies] = await Promise.all([commitmentsOf(c, plan), planQ.listAgencies(db(c))]);
    return c.html(
      <WorkingGroupFormPage
        ctx={pageContext(c)}
        plan={plan}
        group={group}
        commitments={[...commitments.values()]}
        agencies={agencies}
        values={values}
        errors={state.errors}
        conflict={state.conflict}
        canManage={can(c.get('actor'), 'working-group.manage')}
      />,
      state.status,
    );
  };
  const groupEditPage = (c: AppContext, plan: ActionPlan, group: WorkingGroup) => ({
    form: workingGroupForm,
    reload: async () => (await q.findWorkingGroupById(db(c), group.id)) ?? group,
    render: (current: WorkingGroup, values: WorkingGroupFormValues, state: FormState) => renderGroupForm(c, plan, current, values, state),
  });

  app.get('/plans/:slug/working-groups/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'working-group.manage');
    return renderGroupForm(c, plan, null, workingGroupForm.empty());
  });
  app.post('/plans/:slug/working-groups/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: workingGroupInput,
      toInput: workingGroupForm.input,
      run: (input) => service.createWorkingGroup({ db: db(c) }, c.get('actor'), plan.id, input),
      redirectTo: (group) => workingGroupPath(plan, group),
      render: (state) => renderGroupForm(c, plan, null, workingGroupForm.posted(state.body, workingGroupForm.empty()), state),
    });
  });

  // ---- a group's page ----
  const renderGroupPage = async (c: AppContext, plan: ActionPlan, group: WorkingGroup, error?: string, status: 200 | 400 = 200) => {
    const actor = c.get('actor');
    const [view, agencies, commitments, stakeholderGroups, own, meetings] = await Promise.all([
      service.workingGroupView(db(c), group),
      agencyMap(c),
      commitmentsOf(c, plan),
      listStakeholderGroups(db(c)),
      service.ownMemberships(db(c), actor, [group.id]),
      listMeetings(db(c), plan.id),
    ]);
    const followTarget = { type: 'working-group', id: group.id } as const;
    const following = await isFollowing(db(c), actor, followTarget);
    let moderation;
    if (can(actor, 'membership.moderate', resourceOf(group))) {
      const hidden = (await q.listMembers(db(c), group.id)).filter((m) => m.listed && m.listingHidden);
      const people = await publicPeople(
        db(c),
        hidden.map((m) => m.userId),
      );
      moderation = { hidden: hidden.map((membership) => ({ membership, person: people.get(membership.userId) })) };
    }
    return c.html(
      <WorkingGroupPage
        ctx={pageContext(c)}
        plan={plan}
        view={view}
        agencies={agencies}
        commitments={commitments}
        stakeholderGroups={stakeholderGroups.map((g) => ({ value: g.code, label: pick(g.name, c.get('lang')) }))}
        membership={own.get(group.id)}
        error={error}
        canEdit={can(actor, 'working-group.edit', resourceOf(group))}
        moderation={moderation}
        meetings={meetings.filter((m) => m.workingGroupId === group.id)}
        follow={<FollowButton ctx={pageContext(c)} target={followTarget} following={following} returnTo={workingGroupPath(plan, group)} />}
      />,
      status,
    );
  };

  app.get('/plans/:slug/working-groups/:group', pageCache(), async (c) => {
    const { plan, group } = await groupOf(c);
    return renderGroupPage(c, plan, group);
  });

  app.get('/plans/:slug/working-groups/:group/edit', async (c) => {
    const { plan, group } = await groupOf(c);
    requirePermission(c, 'working-group.edit', resourceOf(group));
    return renderGroupForm(c, plan, group, workingGroupForm.values(group));
  });
  app.post('/plans/:slug/working-groups/:group/edit', async (c) => {
    const { plan, group } = await groupOf(c);
    return handleEditForm(c, {
      ...groupEditPage(c, plan, group),
      schema: workingGroupPatch,
      run: (input) => service.updateWorkingGroup({ db: db(c) }, c.get('actor'), group.id, input),
      redirectTo: (updated) => workingGroupPath(plan, updated),
    });
  });
  app.post('/plans/:slug/working-groups/:group/delete', async (c) => {
    const { plan, group } = await groupOf(c);
    return handleDelete(c, {
      ...groupEditPage(c, plan, group),
      run: (version) => service.deleteWorkingGroup({ db: db(c) }, c.get('actor'), group.id, version),
      redirectTo: workingGroupsPath(plan),
    });
  });

  // ---- one's own membership, and a moderator's take-down: one-button forms, shown again on the group's page when refused ----
  const membershipPost = <S extends z.ZodType, R>(
    c: AppContext,
    plan: ActionPlan,
    group: WorkingGroup,
    opts: { schema: S; toInput: (body: Record<string, unknown>) => Record<string, unknown>; run: (input: z.infer<S>) => Promise<R> },
  ) =>
    handleForm(c, {
      ...opts,
      run: (input) => service.inLanguage(c.get('lang'), () => opts.run(input)),
      redirectTo: () => workingGroupPath(plan, group),
      render: (state) => renderGroupPage(c, plan, group, Object.values(state.errors).join(' '), 400),
    });

  app.post('/plans/:slug/working-groups/:group/membership/join', async (c) => {
    const { plan, group } = await groupOf(c);
    return membershipPost(c, plan, group, {
      schema: joinInput,
      toInput: joinForm.input,
      run: (input) => service.joinWorkingGroup({ db: db(c) }, c.get('actor'), group.id, input),
    });
  });
  app.post('/plans/:slug/working-groups/:group/membership/leave', async (c) => {
    const { plan, group } = await groupOf(c);
    return membershipPost(c, plan, group, {
      schema: noFields,
      toInput: () => ({}),
      run: () => service.leaveWorkingGroup({ db: db(c) }, c.get('actor'), group.id),
    });
  });
  app.post('/plans/:slug/working-groups/:group/membership/listing', async (c) => {
    const { plan, group } = await groupOf(c);
    return membershipPost(c, plan, group, {
      schema: listingInput,
      toInput: yesNoForm('listed').input,
      run: (input) => service.setListing({ db: db(c) }, c.get('actor'), group.id, input),
    });
  });
  app.post('/plans/:slug/working-groups/:group/memberships/:userId/listing', async (c) => {
    const { plan, group } = await groupOf(c);
    const userId = positiveInt(c.req.param('userId'));
    if (userId === undefined) throw new NotFoundError();
    return membershipPost(c, plan, group, {
      schema: moderationInput,
      toInput: yesNoForm('hidden').input,
      run: (input) => service.moderateListing({ db: db(c) }, c.get('actor'), group.id, userId, input),
    });
  });

  // ---- the survey of forum members' willingness ----
  const renderSurveyForm = async (c: AppContext, plan: ActionPlan, values: SurveyFormValues, state: FormState = freshForm) =>
    c.html(
      <SurveyFormPage
        ctx={pageContext(c)}
        plan={plan}
        groups={await q.listWorkingGroupRows(db(c), plan.id)}
        values={values}
        errors={state.errors}
        saved={c.req.query('saved') === '1' && state.status === 200}
      />,
      state.status,
    );

  app.get('/plans/:slug/working-group-survey', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'working-group-survey.answer', { planId: plan.id });
    return renderSurveyForm(c, plan, surveyForm.values(await service.ownSurveyAnswers(db(c), c.get('actor'), plan.id)));
  });
  app.post('/plans/:slug/working-group-survey', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: surveyInput,
      toInput: surveyForm.input,
      run: (input) => service.answerSurvey({ db: db(c) }, c.get('actor'), plan.id, input),
      redirectTo: () => workingGroupSurveyPath(plan, true),
      render: (state) => renderSurveyForm(c, plan, surveyForm.posted(state.body), state),
    });
  });

  app.get('/plans/:slug/working-group-survey/answers', async (c) => {
    const plan = await planBySlug(c);
    const responses = await service.surveyResponses(db(c), c.get('actor'), plan.id);
    const groups = new Map((await q.listWorkingGroupRows(db(c), plan.id)).map((g) => [g.id, g]));
    const enrolled = c.req.query('enrolled');
    return c.html(
      <SurveyAnswersPage
        ctx={pageContext(c)}
        plan={plan}
        groups={groups}
        responses={responses}
        enrolled={enrolled !== undefined && /^\d{1,6}$/.test(enrolled) ? Number(enrolled) : undefined}
      />,
    );
  });
  app.post('/plans/:slug/working-group-survey/enrol', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: z.object({}).strict(),
      run: () => service.enrolWilling({ db: db(c) }, c.get('actor'), plan.id, {}),
      redirectTo: ({ added }) => workingGroupSurveyAnswersPath(plan, added.length),
      // Nothing in the form can be wrong: a refusal is an authorization error, answered before this.
      render: () => Promise.resolve(c.redirect(href(c.get('lang'), workingGroupSurveyAnswersPath(plan)), 303)),
    });
  });

  return app;
}

/** The section of a commitment's page: its working group(s), with the join button (a sign-in link for visitors). */
export const commitmentGroupsSection: SectionContribution = {
  slot: 'commitment',
  order: 30,
  id: 'workgroups.commitment',
  render: async (c, data: CommitmentPageData) => {
    const groups = await q.listWorkingGroupsOfCommitment(db(c), data.commitment.id);
    const actor = c.get('actor');
    const ids = groups.map((g) => g.id);
    const [own, people] = await Promise.all([service.ownMemberships(db(c), actor, ids), service.peopleOfGroups(db(c), groups)]);
    return {
      section: (
        <CommitmentGroupsSection
          ctx={pageContext(c)}
          plan={data.plan}
          commitment={data.commitment}
          groups={groups.map((group) => ({ group, membership: own.get(group.id) }))}
          people={people}
          agencies={new Map(data.agencies.map((a) => [a.id, a]))}
        />
      ),
    };
  },
};
