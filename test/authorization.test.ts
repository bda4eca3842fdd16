/** The authorization matrix as the modules register it (their manifests' policies): role × action × ownership. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { policyTable } from '../scripts/policy-table.js';
import {
  can,
  registeredActions,
  ROLES,
  type Action,
  type Actor,
  type ResourceOwnership,
  type Role,
  type RoleGrant,
  type ScopedRole,
} from '../src/domain/authorization.js';
import { modules } from '../src/modules/index.js';
import { lockedFieldsFor } from '../src/modules/plans/index.js';
import { createEngagement, putReviewer, updateOwnDeclaration } from '../src/modules/review/index.js';
import { systemActor } from '../src/domain/system-actor.js';
import { AppError } from '../src/errors.js';
import { addUser, setupForTest } from './helpers.js';
import { registerModules } from '../src/web/module.js';

registerModules(modules);

test('every action a module declares has a rule, and only declared actions have one', () => {
  const declared = modules.flatMap((m) => Object.keys(m.policy ?? {}));
  assert.deepEqual([...registeredActions()].sort(), [...new Set(declared)].sort());
  assert.ok(declared.includes('commitment.update') && declared.includes('report.write') && declared.includes('transcript.manage'));
});

describe('authorization matrix of the registered modules (role × action × ownership)', () => {
  const own = 10;
  const other = 20;
  const actor = (role: Role): Actor => ({ id: 1, displayName: role, role, agencyIds: role === 'agency-officer' ? [own] : [] });
  const editorOnly: Action[] = [
    'plan.create',
    'plan.update',
    'plan.delete',
    'area.create',
    'area.update',
    'area.delete',
    'commitment.create',
    'commitment.delete',
    'agency.create',
    'agency.update',
    // The open data import (API, /data/import form, issue #14).
    'opendata.import',
  ];
  const ownedByLead: Action[] = ['commitment.update', 'milestone.create', 'milestone.update', 'milestone.delete'];
  for (const role of ROLES) {
    for (const action of [...editorOnly, ...ownedByLead, 'user.create' as const]) {
      for (const lead of [own, other]) {
        const expected =
          action === 'user.create'
            ? role === 'admin'
            : role === 'admin' || role === 'secretariat'
              ? true
              : role === 'agency-officer' && ownedByLead.includes(action) && lead === own;
        test(`${role} ${action} on ${lead === own ? 'own' : "another's"} agency → ${expected ? 'allowed' : 'refused'}`, () => {
          assert.equal(can(actor(role), action, { leadAgencyId: lead }), expected);
        });
      }
    }
  }
  test('anonymous may do nothing', () => {
    for (const action of [...editorOnly, ...ownedByLead]) assert.equal(can(null, action, { leadAgencyId: own }), false);
  });
  test('officers cannot move a commitment', () => {
    assert.ok(lockedFieldsFor(actor('agency-officer')).includes('leadAgencyId'));
    assert.deepEqual(lockedFieldsFor(actor('secretariat')), []);
  });
});
describe('supporting agencies and the rest of the modules', () => {
  const officer = (agencyIds: number[]): Actor => ({ id: 1, displayName: 'o', role: 'agency-officer', agencyIds });
  test('a supporting agency contributes to a report but does not write it', () => {
    assert.equal(can(officer([5]), 'report.contribute', { leadAgencyId: 4, coAgencyIds: [5] }), true);
    assert.equal(can(officer([5]), 'report.write', { leadAgencyId: 4, coAgencyIds: [5] }), false);
    assert.equal(can(officer([4]), 'report.write', { leadAgencyId: 4 }), true);
  });
  test('only editors manage cycles, meetings, resolutions and transcripts; only the admin manages accounts', () => {
    const roles: Role[] = ['admin', 'secretariat', 'agency-officer', 'public'];
    const actor = (role: Role): Actor => ({ id: 1, displayName: role, role, agencyIds: [4] });
    for (const action of ['cycle.manage', 'board.view', 'meeting.manage', 'resolution.manage', 'transcript.manage', 'commitment.transfer'] as Action[])
      assert.deepEqual(
        roles.filter((r) => can(actor(r), action, { leadAgencyId: 4 })),
        ['admin', 'secretariat'],
        action,
      );
    for (const action of ['user.create', 'token.manageAny'] as Action[])
      assert.deepEqual(
        roles.filter((r) => can(actor(r), action)),
        ['admin'],
        action,
      );
  });
});

describe('adoption and change control (issue #14): who adopts, proposes, schedules, decides and corrects', () => {
  const roles: Role[] = ['admin', 'secretariat', 'agency-officer', 'public'];
  const actor = (role: Role, agencyIds: number[] = [4]): Actor => ({ id: 1, displayName: role, role, agencyIds });
  test('adoption, the agenda, the decision and editorial corrections: the secretariat and administrators only', () => {
    for (const action of ['plan.adopt', 'amendment.schedule', 'amendment.decide', 'amendment.editorial'] as Action[])
      assert.deepEqual(
        roles.filter((r) => can(actor(r), action, { leadAgencyId: 4, coAgencyIds: [4], planId: 1 })),
        ['admin', 'secretariat'],
        action,
      );
  });
  test('proposing an amendment: editors, and the officers of the commitment’s lead or supporting agencies', () => {
    assert.equal(can(actor('agency-officer', [4]), 'amendment.propose', { leadAgencyId: 4, coAgencyIds: [] }), true);
    assert.equal(can(actor('agency-officer', [5]), 'amendment.propose', { leadAgencyId: 4, coAgencyIds: [5] }), true);
    assert.equal(can(actor('agency-officer', [6]), 'amendment.propose', { leadAgencyId: 4, coAgencyIds: [5] }), false);
    assert.equal(can(actor('public'), 'amendment.propose', { leadAgencyId: 4 }), false);
    assert.equal(can(actor('secretariat', []), 'amendment.propose', { leadAgencyId: 4 }), true);
    assert.equal(can(null, 'amendment.propose', { leadAgencyId: 4 }), false);
  });
});

test('docs/authorization.md is the registered policy (node --import tsx scripts/policy-table.ts > docs/authorization.md)', () => {
  assert.equal(readFileSync(new URL('../docs/authorization.md', import.meta.url), 'utf8'), policyTable());
});

describe('scoped roles (issue #11): a forum seat, a working group’s chair, a moderator, each within its scope', () => {
  const PLAN = 7;
  const OTHER_PLAN = 8;
  const GROUP = 30;
  const OTHER_GROUP = 31;
  const person = (grants: Actor['grants'] = [], role: Role = 'public'): Actor => ({ id: 5, displayName: 'p', role, agencyIds: [], grants });
  const grant = (role: ScopedRole, scope: RoleGrant['scope'], scopeId: number | null): RoleGrant => ({ role, scope, scopeId });
  const inPlan = { planId: PLAN };
  const inOtherPlan = { planId: OTHER_PLAN };
  const coConvener = person([grant('co-convener', 'plan', PLAN)]);
  const forumMember = person([grant('forum-member', 'plan', PLAN)]);
  const chair = person([grant('working-group-chair', 'working-group', GROUP)]);
  const planModerator = person([grant('moderator', 'plan', PLAN)]);
  const siteModerator = person([grant('moderator', 'site', null)]);
  const participant = person();
  const secretariat = person([], 'secretariat');

  test('co-conveners publish the forum’s rules and the phases of their own plan only; forum members do not', () => {
    for (const action of ['forumRules.manage', 'phase.manage'] as Action[]) {
      assert.equal(can(coConvener, action, inPlan), true, action);
      assert.equal(can(coConvener, action, inOtherPlan), false, action);
      assert.equal(can(forumMember, action, inPlan), false, action);
      assert.equal(can(participant, action, inPlan), false, action);
      assert.equal(can(secretariat, action, inOtherPlan), true, action);
    }
  });

  test('a chair edits their own working group, not another, and does not create, delete or re-chair groups', () => {
    assert.equal(can(chair, 'working-group.edit', { planId: PLAN, workingGroupId: GROUP }), true);
    assert.equal(can(chair, 'working-group.edit', { planId: PLAN, workingGroupId: OTHER_GROUP }), false);
    assert.equal(can(chair, 'working-group.manage', { planId: PLAN, workingGroupId: GROUP }), false);
    assert.equal(can(coConvener, 'working-group.edit', { planId: PLAN, workingGroupId: GROUP }), false);
  });

  test('moderators act within their plan, or everywhere when granted for the site', () => {
    for (const action of ['membership.moderate', 'nomination.moderate'] as Action[]) {
      assert.equal(can(planModerator, action, inPlan), true, action);
      assert.equal(can(planModerator, action, inOtherPlan), false, action);
      assert.equal(can(siteModerator, action, inOtherPlan), true, action);
      assert.equal(can(participant, action, inPlan), false, action);
      assert.equal(can(chair, action, { planId: PLAN, workingGroupId: GROUP }), false, action);
    }
  });

  test('only forum members and co-conveners of the plan answer the willingness survey', () => {
    assert.equal(can(forumMember, 'working-group-survey.answer', inPlan), true);
    assert.equal(can(coConvener, 'working-group-survey.answer', inPlan), true);
    assert.equal(can(forumMember, 'working-group-survey.answer', inOtherPlan), false);
    assert.equal(can(participant, 'working-group-survey.answer', inPlan), false);
    assert.equal(can(secretariat, 'working-group-survey.answer', inPlan), false);
  });

  test('seats, calls, results, groups and the survey’s answers stay with the secretariat, whatever roles are held', () => {
    const everyone = [coConvener, forumMember, chair, planModerator, siteModerator, participant];
    for (const action of [
      'seat.manage',
      'call.manage',
      'call.publishResult',
      'working-group.manage',
      'working-group-survey.manage',
      'meeting.manage',
    ] as Action[]) {
      for (const actor of everyone)
        assert.equal(can(actor, action, { planId: PLAN, workingGroupId: GROUP }), false, `${action} by ${JSON.stringify(actor.grants)}`);
      assert.equal(can(secretariat, action, inPlan), true, action);
    }
  });

  test('participants vote; anyone signed in joins a group or nominates; a nomination is answered or withdrawn by its own people only', () => {
    assert.equal(can(participant, 'ballot.cast', inPlan), true);
    assert.equal(can(secretariat, 'ballot.cast', inPlan), false, 'staff accounts do not vote for civil-society seats');
    for (const action of ['working-group.join', 'nomination.create'] as Action[]) {
      assert.equal(can(participant, action, inPlan), true, action);
      assert.equal(can(null, action, inPlan), false, action);
    }
    for (const action of ['nomination.respond', 'nomination.withdraw'] as Action[]) {
      assert.equal(can(participant, action, { authorId: participant.id }), true, action);
      assert.equal(can(participant, action, { authorId: participant.id + 1 }), false, action);
    }
    assert.equal(can(siteModerator, 'user.grantRole'), false);
    assert.equal(can(person([], 'admin'), 'user.grantRole'), true);
  });
});

describe('public input (issue #12): who posts, answers, imports, moderates and suspends', () => {
  const PLAN = 7;
  const OTHER_PLAN = 8;
  const AGENCY = 4;
  const OTHER_AGENCY = 5;
  const grant = (role: ScopedRole, scope: RoleGrant['scope'], scopeId: number | null): RoleGrant => ({ role, scope, scopeId });
  const person = (role: Role, grants: RoleGrant[] = [], agencyIds: number[] = []): Actor => ({ id: 5, displayName: 'p', role, agencyIds, grants });
  const participant = person('public');
  const admin = person('admin');
  const secretariat = person('secretariat');
  const officer = person('agency-officer', [], [AGENCY]);
  const otherOfficer = person('agency-officer', [], [OTHER_AGENCY]);
  const coConvener = person('public', [grant('co-convener', 'plan', PLAN)]);
  const forumMember = person('public', [grant('forum-member', 'plan', PLAN)]);
  const planModerator = person('public', [grant('moderator', 'plan', PLAN)]);
  const siteModerator = person('public', [grant('moderator', 'site', null)]);
  const everyone = [participant, admin, secretariat, officer, otherOfficer, coConvener, forumMember, planModerator, siteModerator];
  const allowed = (action: Action, resource: Parameters<typeof can>[2] = {}) => everyone.filter((a) => can(a, action, resource));

  test('anyone signed in posts and reports; nobody anonymous does', () => {
    for (const action of ['input.post', 'input.report'] as Action[]) {
      assert.deepEqual(allowed(action, { planId: PLAN }), everyone, action);
      assert.equal(can(null, action, { planId: PLAN }), false, action);
    }
  });

  test('an internal round takes agencies, forum members and co-conveners of the plan, and the secretariat', () => {
    assert.deepEqual(allowed('consultation.internal', { planId: PLAN }), [admin, secretariat, officer, otherOfficer, coConvener, forumMember]);
    assert.deepEqual(allowed('consultation.internal', { planId: OTHER_PLAN }), [admin, secretariat, officer, otherOfficer]);
  });

  test('only the author edits, withdraws or appeals', () => {
    for (const action of ['input.edit', 'input.appeal'] as Action[]) {
      assert.deepEqual(allowed(action, { authorId: 5 }), everyone, action);
      assert.deepEqual(allowed(action, { authorId: 6 }), [], action);
    }
  });

  test('the agency that owes the answer, the secretariat, and for forum matters a co-convener of the plan respond', () => {
    assert.deepEqual(allowed('input.respond', { leadAgencyId: AGENCY }), [admin, secretariat, officer]);
    assert.deepEqual(allowed('input.respond', {}), [admin, secretariat]);
    // A forum matter carries its plan, which the co-convener's role covers.
    assert.deepEqual(allowed('input.respond', { planId: PLAN }), [admin, secretariat, coConvener]);
    assert.deepEqual(allowed('input.respond', { planId: OTHER_PLAN }), [admin, secretariat]);
  });

  test('the secretariat manages consultations and imports; moderators and the admin moderate — not the secretariat', () => {
    assert.deepEqual(allowed('consultation.manage'), [admin, secretariat]);
    assert.deepEqual(allowed('input.import'), [admin, secretariat]);
    assert.deepEqual(allowed('input.moderate', { planId: PLAN }), [admin, planModerator, siteModerator]);
    assert.deepEqual(allowed('input.moderate', { planId: OTHER_PLAN }), [admin, siteModerator]);
    // A suspension is site-wide: a plan's moderator may not suspend an account.
    assert.deepEqual(allowed('account.suspend'), [admin, siteModerator]);
  });
});

describe('the English edition and the document repository (issue #14)', () => {
  const PLAN = 7;
  const OTHER_PLAN = 8;
  const person = (role: Role, grants: RoleGrant[] = [], agencyIds: number[] = []): Actor => ({ id: 5, displayName: 'p', role, agencyIds, grants });
  const translatorOf = (scope: RoleGrant['scope'], scopeId: number | null) => person('public', [{ role: 'translator', scope, scopeId }]);
  const cast = {
    admin: person('admin'),
    secretariat: person('secretariat'),
    officer: person('agency-officer', [], [4]),
    participant: person('public'),
    planTranslator: translatorOf('plan', PLAN),
    siteTranslator: translatorOf('site', null),
    planModerator: person('public', [{ role: 'moderator', scope: 'plan', scopeId: PLAN }]),
  };
  const allowed = (action: Action, resource: ResourceOwnership = {}) =>
    Object.entries(cast)
      .filter(([, actor]) => can(actor, action, resource))
      .map(([name]) => name);

  test('the English of a plan: the secretariat, the admin, and translators of that plan or of the site; no one else', () => {
    assert.deepEqual(allowed('translation.edit', { planId: PLAN }), ['admin', 'secretariat', 'planTranslator', 'siteTranslator']);
    assert.deepEqual(allowed('translation.edit', { planId: OTHER_PLAN }), ['admin', 'secretariat', 'siteTranslator']);
    assert.equal(can(null, 'translation.edit', { planId: PLAN }), false);
  });

  test('translators translate: they change no plan content and keep no repository', () => {
    for (const action of ['plan.update', 'area.update', 'commitment.update', 'milestone.update', 'document.manage'] as Action[])
      assert.equal(can(cast.siteTranslator, action, { planId: PLAN, leadAgencyId: 4 }), false, action);
  });

  test('the repository: the secretariat and the admin only', () => {
    assert.deepEqual(allowed('document.manage', { planId: PLAN }), ['admin', 'secretariat']);
    assert.equal(can(null, 'document.manage'), false);
  });
});

describe('independent review (issue #13): only the engagement’s reviewers write its assessments', () => {
  const ENGAGEMENT = 3;
  const reviewerOf = (engagementId: number): Actor => ({
    id: 9,
    displayName: 'r',
    role: 'public',
    agencyIds: [],
    grants: [{ role: 'reviewer', scope: 'engagement', scopeId: engagementId }],
  });
  const everyRole = (role: Role): Actor => ({ id: 1, displayName: role, role, agencyIds: [4], grants: [{ role: 'co-convener', scope: 'plan', scopeId: 1 }] });
  test('for every assessment write, the engagement’s reviewers succeed and nobody else does: not the admin, the secretariat, agencies, the forum or another engagement’s reviewers', () => {
    const resource = { engagementId: ENGAGEMENT, planId: 1, leadAgencyId: 4 };
    assert.equal(can(reviewerOf(ENGAGEMENT), 'review.write', resource), true);
    assert.equal(can(reviewerOf(ENGAGEMENT + 1), 'review.write', resource), false);
    for (const role of ROLES) assert.equal(can(everyRole(role), 'review.write', resource), false, role);
    assert.equal(can(null, 'review.write', resource), false);
  });
  test('the secretariat commissions the review, records the government’s response and writes the government’s self-assessment; reviewers do none of these', () => {
    for (const action of ['reviewEngagement.manage', 'recommendation.respond', 'selfAssessment.write'] as Action[]) {
      assert.deepEqual(
        ROLES.filter((r) => can(everyRole(r), action, { engagementId: ENGAGEMENT })),
        ['admin', 'secretariat'],
        action,
      );
      assert.equal(can(reviewerOf(ENGAGEMENT), action, { engagementId: ENGAGEMENT }), false, action);
    }
  });
  test('a reviewer’s own declaration, through the service on a real database: that reviewer only — not another reviewer of the same engagement, the secretariat, the admin or another engagement’s reviewer', async (t) => {
    const ctx = await setupForTest(t);
    const deps = { db: ctx.database.db, now: () => ctx.clock.now };
    const secretariat = systemActor('secretariat', 'secretariat');
    const dates = { periodStart: '2021-06-01', periodEnd: '2025-06-01', planIds: [ctx.planId] };
    const engagement = await createEngagement(deps, secretariat, { title: { en: 'Review' }, ...dates });
    const elsewhere = await createEngagement(deps, secretariat, { title: { en: 'Another review' }, ...dates });
    const [first, second, third] = [
      await addUser(ctx, 'r1@example.tw', 'public'),
      await addUser(ctx, 'r2@example.tw', 'public'),
      await addUser(ctx, 'r3@example.tw', 'public'),
    ];
    for (const userId of [first, second]) await putReviewer(deps, secretariat, engagement.id, { userId, role: 'reviewer', interests: { en: 'Before.' } });
    await putReviewer(deps, secretariat, elsewhere.id, { userId: third, role: 'reviewer' });
    const reviewer = (id: number, engagementId: number): Actor => ({
      id,
      displayName: `r${id}`,
      role: 'public',
      agencyIds: [],
      grants: [{ role: 'reviewer', scope: 'engagement', scopeId: engagementId }],
    });
    const change = { interests: { en: 'Changed.' } };
    const statusOf = (work: Promise<unknown>) =>
      work.then(
        () => 200,
        (e: unknown) => (e instanceof AppError ? e.status : 500),
      );
    const refused: [string, Actor | null, number | undefined, number][] = [
      ['another reviewer of the same engagement', reviewer(second, engagement.id), first, 403],
      ['the secretariat', { id: 1, displayName: 's', role: 'secretariat', agencyIds: [] }, first, 403],
      ['the admin', { id: 1, displayName: 'a', role: 'admin', agencyIds: [] }, first, 403],
      ['another engagement’s reviewer', reviewer(third, elsewhere.id), first, 403],
      ['the reviewer without the grant', { ...reviewer(first, engagement.id), grants: [] }, first, 403],
      ['nobody signed in', null, first, 401],
    ];
    for (const [who, actor, userId, status] of refused)
      assert.equal(await statusOf(updateOwnDeclaration(deps, actor, engagement.id, change, userId)), status, who);
    const interestsOf = async (userId: number) =>
      (
        await ctx.database.db
          .selectFrom('review_reviewers')
          .select('interests')
          .where('user_id', '=', userId)
          .where('engagement_id', '=', engagement.id)
          .executeTakeFirstOrThrow()
      ).interests.en;
    assert.equal(await interestsOf(first), 'Before.', 'nothing written by the refused');
    assert.equal(await statusOf(updateOwnDeclaration(deps, reviewer(first, engagement.id), engagement.id, change, first)), 200);
    assert.equal(await interestsOf(first), 'Changed.');
    // Without a reviewer named, the actor changes their own: the other reviewer's declaration stays.
    assert.equal(await statusOf(updateOwnDeclaration(deps, reviewer(second, engagement.id), engagement.id, { interests: { en: 'Mine.' } })), 200);
    assert.equal(await interestsOf(second), 'Mine.');
    assert.equal(await interestsOf(first), 'Changed.');
  });
});
