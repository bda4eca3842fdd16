/**
 * Every site path, typed, so no view or route builds a URL by hand. Paths take plain shapes (a slug, a number, an
 * id), not module types, because web/ sits below the modules. They are paths without the language prefix:
 * `href(lang, path)` (context.ts) puts them in the page's language.
 */

export interface PlanRef {
  slug: string;
}
export interface CommitmentRef {
  number: string;
}
export interface AgencyRef {
  code: string;
}
export interface IdRef {
  id: number;
}
export interface CycleRef {
  number: number;
}
export interface SlugRef {
  slug: string;
}

export const homePath = '/';

// ------------------------------------------------------------------ plans, areas, commitments, milestones, agencies

export const newPlanPath = '/plans/new';
export const planPath = (plan: PlanRef) => `/plans/${plan.slug}`;
export const planEditPath = (plan: PlanRef) => `${planPath(plan)}/edit`;
export const newAreaPath = (plan: PlanRef) => `${planPath(plan)}/areas/new`;
export const areaEditPath = (plan: PlanRef, area: IdRef) => `${planPath(plan)}/areas/${area.id}/edit`;
export const areaDeletePath = (plan: PlanRef, area: IdRef) => `${planPath(plan)}/areas/${area.id}/delete`;
export const newCommitmentPath = (plan: PlanRef) => `${planPath(plan)}/commitments/new`;
export const commitmentPath = (plan: PlanRef, c: CommitmentRef) => `${planPath(plan)}/commitments/${c.number}`;
export const commitmentEditPath = (plan: PlanRef, c: CommitmentRef) => `${commitmentPath(plan, c)}/edit`;
export const commitmentDeletePath = (plan: PlanRef, c: CommitmentRef) => `${commitmentPath(plan, c)}/delete`;
export const commitmentHistoryPath = (plan: PlanRef, c: CommitmentRef) => `${commitmentPath(plan, c)}/history`;
export const commitmentTransferPath = (plan: PlanRef, c: CommitmentRef) => `${commitmentPath(plan, c)}/transfer`;
export const newMilestonePath = (plan: PlanRef, c: CommitmentRef) => `${commitmentPath(plan, c)}/milestones/new`;
export const milestoneEditPath = (plan: PlanRef, c: CommitmentRef, m: IdRef) => `${commitmentPath(plan, c)}/milestones/${m.id}/edit`;
export const milestoneDeletePath = (plan: PlanRef, c: CommitmentRef, m: IdRef) => `${commitmentPath(plan, c)}/milestones/${m.id}/delete`;
/** A milestone's row on its commitment's page. */
export const milestoneAnchor = (m: IdRef) => `m${m.id}`;
export const agenciesPath = '/agencies';
export const agencyPath = (a: AgencyRef) => `${agenciesPath}/${a.code}`;
export const agencyTransferPath = (a: AgencyRef) => `${agencyPath(a)}/transfer`;

// ------------------------------------------------------------------ monitoring

/** The plan's progress, its timeline and table narrowed to one area or one lead agency when `only` says so. */
export const progressPath = (plan: PlanRef, only?: { area: IdRef } | { agency: IdRef }) =>
  `${planPath(plan)}/progress${only ? ('area' in only ? `?area=${only.area.id}` : `?agency=${only.agency.id}`) : ''}`;
export const cyclesPath = (plan: PlanRef) => `${planPath(plan)}/cycles`;
export const cyclesGeneratePath = (plan: PlanRef) => `${cyclesPath(plan)}/generate`;
export const cycleEditPath = (plan: PlanRef, cycle: CycleRef) => `${cyclesPath(plan)}/${cycle.number}/edit`;
/** The secretariat's board, for one cycle or the current one. */
export const boardPath = (plan: PlanRef, cycle?: CycleRef) => `${planPath(plan)}/board${cycle ? `?cycle=${cycle.number}` : ''}`;
export const boardCsvPath = (plan: PlanRef, cycle: CycleRef) => `${planPath(plan)}/board.csv?cycle=${cycle.number}`;
export const reportsPath = (plan: PlanRef, c: CommitmentRef) => `${commitmentPath(plan, c)}/reports`;
export const newReportPath = (plan: PlanRef, c: CommitmentRef, cycle?: CycleRef) => `${reportsPath(plan, c)}/new${cycle ? `?cycle=${cycle.number}` : ''}`;
export const reportPath = (plan: PlanRef, c: CommitmentRef, r: IdRef) => `${reportsPath(plan, c)}/${r.id}`;
export const reportEditPath = (plan: PlanRef, c: CommitmentRef, r: IdRef) => `${reportPath(plan, c, r)}/edit`;
/** Posts that act on a report: submit, delete, revise, evidence, contributions. */
export const reportActionPath = (plan: PlanRef, c: CommitmentRef, r: IdRef, action: 'submit' | 'delete' | 'revise' | 'evidence' | 'contributions') =>
  `${reportPath(plan, c, r)}/${action}`;
export const evidenceDeletePath = (plan: PlanRef, c: CommitmentRef, r: IdRef, e: IdRef) => `${reportPath(plan, c, r)}/evidence/${e.id}/delete`;
export const evidencePath = (e: IdRef) => `/evidence/${e.id}`;
export const planFeedPath = (plan: PlanRef) => `${planPath(plan)}/reports.atom`;
export const commitmentFeedPath = (plan: PlanRef, c: CommitmentRef) => `${reportsPath(plan, c)}.atom`;
export const agencyFeedPath = (a: AgencyRef) => `${agencyPath(a)}/reports.atom`;

// ------------------------------------------------------------------ forum

export const meetingsPath = (plan: PlanRef) => `${planPath(plan)}/meetings`;
export const newMeetingPath = (plan: PlanRef) => `${meetingsPath(plan)}/new`;
export const meetingPath = (plan: PlanRef, meeting: IdRef) => `${meetingsPath(plan)}/${meeting.id}`;
export const meetingEditPath = (plan: PlanRef, meeting: IdRef) => `${meetingPath(plan, meeting)}/edit`;
export const meetingDeletePath = (plan: PlanRef, meeting: IdRef) => `${meetingPath(plan, meeting)}/delete`;
/** A section of a meeting's page (its heading's id is `s-<section>`): where the secretariat's forms return to. */
export const meetingSectionPath = (plan: PlanRef, meeting: IdRef, section: 'resolutions' | 'decisions' | 'reports') =>
  `${meetingPath(plan, meeting)}#s-${section}`;
/** The picker of reviewed reports: the meeting's cycle only, or (`allCycles`) every cycle's. */
export const meetingReportsPath = (plan: PlanRef, meeting: IdRef, allCycles = false) => `${meetingPath(plan, meeting)}/reports${allCycles ? '?all=1' : ''}`;
export const newResolutionPath = (plan: PlanRef, meeting: IdRef) => `${meetingPath(plan, meeting)}/resolutions/new`;
export const resolutionsPath = (plan: PlanRef) => `${planPath(plan)}/resolutions`;
/** A resolution's row in a table of resolutions. */
export const resolutionAnchor = (r: IdRef) => `r${r.id}`;
/** A resolution has no page of its own: it is a row of the plan's resolutions table. */
export const resolutionPath = (plan: PlanRef, r: IdRef) => `${resolutionsPath(plan)}#${resolutionAnchor(r)}`;
export const resolutionEditPath = (plan: PlanRef, r: IdRef) => `${resolutionsPath(plan)}/${r.id}/edit`;
/** The decision form, with the meeting that decides chosen in advance when `at` is given. */
export const resolutionDecidePath = (plan: PlanRef, r: IdRef, at?: IdRef) => `${resolutionsPath(plan)}/${r.id}/decide${at ? `?meeting=${at.id}` : ''}`;

// ------------------------------------------------------------------ transcripts

export const transcriptsPath = '/transcripts';
export const transcriptsFeedPath = '/transcripts.atom';
export const transcriptSearchPath = '/transcripts/search';
export const transcriptImportPath = '/transcripts/import';
export const speakersPath = '/speakers';
export const transcriptPath = (tr: SlugRef) => `${transcriptsPath}/${encodeURIComponent(tr.slug)}`;
/** One page of a long transcript; page 1 is the transcript's own path. */
export const transcriptPagePath = (tr: SlugRef, page: number) => (page > 1 ? `${transcriptPath(tr)}?page=${page}` : transcriptPath(tr));
export const transcriptPublishPath = (tr: SlugRef) => `${transcriptPath(tr)}/publish`;
/** The whole transcript as Markdown (the import format) and as Akoma Ntoso XML. */
export const transcriptMarkdownPath = (tr: SlugRef) => `${transcriptPath(tr)}.md`;
export const transcriptAknPath = (tr: SlugRef) => `${transcriptPath(tr)}.akn.xml`;
/** Search results for these filters (blank ones left out), at this page. */
export const transcriptSearchResultsPath = (filters: Readonly<Record<string, string>>, page = 1) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value !== '') params.set(name, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${transcriptSearchPath}?${query}` : transcriptSearchPath;
};
export const speechAnchor = (s: IdRef) => `s${s.id}`;
/** A speech's permalink: the page of its transcript that holds it (the caller knows the paging), at its anchor. */
export const speechPath = (tr: SlugRef, s: IdRef, page: number) => `${transcriptPagePath(tr, page)}#${speechAnchor(s)}`;
export const speechEditPath = (tr: SlugRef, s: IdRef) => `${transcriptPath(tr)}/speeches/${s.id}/edit`;
export const speechDeletePath = (tr: SlugRef, s: IdRef) => `${transcriptPath(tr)}/speeches/${s.id}/delete`;
/** Finds a speech by id alone and redirects to its permalink (for links made before a transcript had pages). */
export const speechRedirectPath = (s: IdRef) => `/speeches/${s.id}`;
export const speakerPath = (s: SlugRef) => `${speakersPath}/${encodeURIComponent(s.slug)}`;
export const speakerEditPath = (s: SlugRef) => `${speakerPath(s)}/edit`;
/** One page of a speaker's speeches; page 1 is the speaker's own path. */
export const speakerPagePath = (s: SlugRef, page: number) => (page > 1 ? `${speakerPath(s)}?page=${page}` : speakerPath(s));

// ------------------------------------------------------------------ accounts

export const loginPath = '/login';
export const logoutPath = '/logout';
export const tokensPath = '/account/tokens';
export const tokenRevokePath = (token: IdRef) => `${tokensPath}/${token.id}/revoke`;

// Working groups (workgroups module)

export const workingGroupsPath = (plan: PlanRef) => `${planPath(plan)}/working-groups`;
/** The history of the plan's working groups and their memberships (memberships for the secretariat only). */
export const workingGroupsHistoryPath = (plan: PlanRef) => `${workingGroupsPath(plan)}/history`;
export const newWorkingGroupPath = (plan: PlanRef) => `${workingGroupsPath(plan)}/new`;
export const workingGroupPath = (plan: PlanRef, group: SlugRef) => `${workingGroupsPath(plan)}/${group.slug}`;
export const workingGroupEditPath = (plan: PlanRef, group: SlugRef) => `${workingGroupPath(plan, group)}/edit`;
export const workingGroupDeletePath = (plan: PlanRef, group: SlugRef) => `${workingGroupPath(plan, group)}/delete`;
/** The signed-in person's own membership: join, leave, or change whether the public roster lists them. */
export const workingGroupMembershipPath = (plan: PlanRef, group: SlugRef, action: 'join' | 'leave' | 'listing') =>
  `${workingGroupPath(plan, group)}/membership/${action}`;
/** A moderator takes a member's public listing down (or puts it back). */
export const workingGroupMemberListingPath = (plan: PlanRef, group: SlugRef, member: IdRef) =>
  `${workingGroupPath(plan, group)}/memberships/${member.id}/listing`;
/** The survey of forum members' willingness: their form, and the secretariat's answers (with the enrolment). */
export const workingGroupSurveyPath = (plan: PlanRef, saved = false) => `${planPath(plan)}/working-group-survey${saved ? '?saved=1' : ''}`;
/** The answers, saying how many memberships an enrolment just added when `enrolled` is given. */
export const workingGroupSurveyAnswersPath = (plan: PlanRef, enrolled?: number) =>
  `${workingGroupSurveyPath(plan)}/answers${enrolled === undefined ? '' : `?enrolled=${enrolled}`}`;
export const workingGroupSurveyEnrolPath = (plan: PlanRef) => `${workingGroupSurveyPath(plan)}/enrol`;
/** The sign-in page, coming back to `next` (a path already in the page's language) once signed in. */
export const workingGroupSignInPath = (next: string) => `${loginPath}?next=${encodeURIComponent(next)}`;

// The forum's roster, rules and nominations (roster module)

/** The forum's roster: its seats by sector, vacancies and past members. */
export const forumRosterPath = (plan: PlanRef) => `${planPath(plan)}/forum`;
/** The history of the forum's seats, rules, calls and nominations (as each viewer may see them). */
export const forumHistoryPath = (plan: PlanRef) => `${forumRosterPath(plan)}/history`;
export const newSeatPath = (plan: PlanRef) => `${forumRosterPath(plan)}/seats/new`;
export const seatEditPath = (plan: PlanRef, seat: IdRef) => `${forumRosterPath(plan)}/seats/${seat.id}/edit`;
export const seatDeletePath = (plan: PlanRef, seat: IdRef) => `${forumRosterPath(plan)}/seats/${seat.id}/delete`;
/** The forum's rules in force, with the list of versions; each version has its own page. */
export const forumRulesPath = (plan: PlanRef) => `${forumRosterPath(plan)}/rules`;
export const forumRulesVersionPath = (plan: PlanRef, rules: { number: number }) => `${forumRulesPath(plan)}/${rules.number}`;
export const newForumRulesPath = (plan: PlanRef) => `${forumRulesPath(plan)}/new`;
export const forumRulesEditPath = (plan: PlanRef, rules: { number: number }) => `${forumRulesVersionPath(plan, rules)}/edit`;
/** Calls for nominations to the forum's civil-society seats. */
export const callsPath = (plan: PlanRef) => `${forumRosterPath(plan)}/calls`;
export const newCallPath = (plan: PlanRef) => `${callsPath(plan)}/new`;
export const callPath = (plan: PlanRef, call: IdRef) => `${callsPath(plan)}/${call.id}`;
/** A call's forms: edit, nominate, the ballot, and the secretariat's publication of the result. */
export const callActionPath = (plan: PlanRef, call: IdRef, action: 'edit' | 'nominate' | 'ballot' | 'result') => `${callPath(plan, call)}/${action}`;
/** Posts that act on a nomination: the nominee accepts or declines, a nominee or nominator withdraws, a moderator hides. */
export const nominationActionPath = (plan: PlanRef, nomination: IdRef, action: 'accept' | 'decline' | 'withdraw' | 'moderate') =>
  `${forumRosterPath(plan)}/nominations/${nomination.id}/${action}`;
/** The signed-in person's nominations: received (to accept or decline) and made. */
export const myNominationsPath = '/account/nominations';

// Co-creation (cocreation module)

/** A plan's co-creation: its timeline of phases, the record computed from its meetings, the minimum-requirements checklist. */
export const coCreationPath = (plan: PlanRef) => `${planPath(plan)}/co-creation`;
/** The history of the plan's co-creation phases and forum meetings. */
export const coCreationHistoryPath = (plan: PlanRef) => `${coCreationPath(plan)}/history`;
/** A section of the co-creation page (its heading's id is `s-<section>`). */
export const coCreationSectionPath = (plan: PlanRef, section: 'timeline' | 'record' | 'groups' | 'checklist') => `${coCreationPath(plan)}#s-${section}`;
/** A phase's row in the timeline's publication table. */
export const phaseAnchor = (phase: IdRef) => `phase-${phase.id}`;
/** A phase has no page of its own: it is a row of the plan's timeline. */
export const phasePath = (plan: PlanRef, phase: IdRef) => `${coCreationPath(plan)}#${phaseAnchor(phase)}`;
export const newPhasePath = (plan: PlanRef) => `${coCreationPath(plan)}/phases/new`;
export const phaseEditPath = (plan: PlanRef, phase: IdRef) => `${coCreationPath(plan)}/phases/${phase.id}/edit`;
export const phaseDeletePath = (plan: PlanRef, phase: IdRef) => `${coCreationPath(plan)}/phases/${phase.id}/delete`;

// Public input (participation module)

/** A plan's inputs: comments, proposals and their responses, filtered by the query (target, state, consultation). */
export const inputsPath = (plan: PlanRef) => `${planPath(plan)}/inputs`;
export const inputPath = (plan: PlanRef, input: IdRef) => `${inputsPath(plan)}/${input.id}`;
/** The response figures: per plan, agency and consultation. */
export const inputFiguresPath = (plan: PlanRef) => `${inputsPath(plan)}/figures`;
/** The import of inputs gathered elsewhere (JOIN, a meeting's notes), from CSV. */
export const inputImportPath = (plan: PlanRef) => `${inputsPath(plan)}/import`;
/** An input's forms: edit (author, 15 minutes), withdraw (author), respond (the agency that owes the answer). */
export const inputActionPath = (plan: PlanRef, input: IdRef, action: 'edit' | 'withdraw' | 'respond' | 'reply') => `${inputPath(plan, input)}/${action}`;
/** The form for a new comment on a target, or a proposal of a new commitment. */
export const newInputPath = (plan: PlanRef, about?: { targetType: string; targetId: number; consultationId?: number }) => {
  if (!about) return `${inputsPath(plan)}/new`;
  const params = new URLSearchParams({ target: `${about.targetType}:${about.targetId}` });
  if (about.consultationId !== undefined) params.set('consultation', String(about.consultationId));
  return `${inputsPath(plan)}/new?${params.toString()}`;
};
export const newProposalPath = (plan: PlanRef) => `${inputsPath(plan)}/new?kind=proposal`;
export const inputAnchor = (input: IdRef) => `i${input.id}`;
export const consultationsPath = (plan: PlanRef) => `${planPath(plan)}/consultations`;
export const newConsultationPath = (plan: PlanRef) => `${consultationsPath(plan)}/new`;
export const consultationPath = (plan: PlanRef, c: IdRef) => `${consultationsPath(plan)}/${c.id}`;
export const consultationEditPath = (plan: PlanRef, c: IdRef) => `${consultationPath(plan, c)}/edit`;
/** Atom feeds of inputs and responses: the plan's, and one commitment's. */
export const planInputsFeedPath = (plan: PlanRef) => `${inputsPath(plan)}.atom`;
export const commitmentInputsFeedPath = (plan: PlanRef, c: CommitmentRef) => `${commitmentPath(plan, c)}/inputs.atom`;
