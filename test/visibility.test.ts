/**
 * Visibility, end to end (ADR 0013): every entity with a non-public state × every public channel. A unique token is
 * written into each part of the entity while it is not public; no channel may show it to an anonymous visitor, to a
 * signed-in member of the public, or to an officer of another agency, in either language, and the page cache may not
 * keep what a signed-in insider saw. Then the entity is published and the tokens must appear where the public should
 * see them (so the checks can fail), while tokens that belonged only to the drafting stay private.
 *
 * To cover a new entity (public inputs, reviews, …) add a row to ENTITIES; to cover a new channel add it to channels().
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase } from '../src/db/test-database.js';
import { HISTORY_ACTIONS } from '../src/domain/history.js';
import { modules } from '../src/modules/index.js';
import { insertGrant } from '../src/modules/accounts/index.js';
import { seedDemoWorkgroups } from '../src/modules/workgroups/index.js';
import { isMessageKey } from '../src/web/i18n.js';
import { addUser, Client, json, setup, signedIn as signedInClient, type TestContext } from './helpers.js';

let ctx: TestContext;
let planSlug = '';
const clients: Record<'secretariat' | 'moiOfficer' | 'cyOfficer' | 'ndcOfficer' | 'publicUser', Client> = {} as never;
const commitments = new Map<string, { id: number; leadAgencyId: number; coAgencyIds: number[] }>();
const agencyCode = new Map<number, string>();

/** What the rows have created so far; every channel that takes an id or a slug is asked about all of them. */
const world = {
  commitmentNumbers: new Set<string>(),
  reportIds: new Set<number>(),
  evidenceIds: new Set<number>(),
  transcripts: new Map<string, number>(),
  speakerSlugs: new Set<string>(),
  /** Phrases written next to tokens, searched for (a search for the token itself would echo it back). */
  searchPhrases: new Set<string>(),
  /** Working groups by slug, with their ids (their pages and API). */
  workingGroups: new Map<string, number>(),
  /** Calls for nominations to the forum's seats. */
  callIds: new Set<number>(),
  /** Inputs (their pages and API) and consultations. */
  inputIds: new Set<number>(),
  consultationIds: new Set<number>(),
  /** Amendments proposed to adopted commitments (their pages and API). */
  amendmentIds: new Set<number>(),
  /** Review engagements and their reports (issue #13). */
  engagementIds: new Set<number>(),
  reviewIds: new Set<number>(),
  /** The government's self-assessments (issue #13). */
  selfAssessmentIds: new Set<number>(),
};

const token = (label: string) => `Vis${label}${randomBytes(4).toString('hex')}`;

/**
 * Every public channel: pages in both languages (history, search, speakers, the forum's roster and calls, working
 * groups, the co-creation record), feeds, exports, the JSON API, and the viewer's own account pages (where someone
 * else's profile or nominations must never be).
 */
function channels(): string[] {
  const plan = `/plans/${planSlug}`;
  const pages = [
    '/',
    plan,
    `${plan}/progress`,
    `${plan}/reports.atom`,
    `${plan}/board.csv`,
    '/agencies',
    ...[...agencyCode.values()].flatMap((code) => [`/agencies/${code}`, `/agencies/${code}/reports.atom`]),
    ...[...world.commitmentNumbers].flatMap((n) => [
      `${plan}/commitments/${n}`,
      `${plan}/commitments/${n}/history`,
      `${plan}/commitments/${n}/reports.atom`,
      ...[...world.reportIds].map((id) => `${plan}/commitments/${n}/reports/${id}`),
    ]),
    ...[...world.evidenceIds].map((id) => `/evidence/${id}`),
    '/transcripts',
    '/transcripts.atom',
    '/sitemap.xml',
    // Open data (ADR 0030): the JSON holds what the CSVs, the ODS and the ZIP hold (those two are compressed).
    '/data',
    '/data/site/data.json',
    `/data/plans/${planSlug}/data.json`,
    `/data/plans/${planSlug}/csv/commitments.csv`,
    ...[...world.transcripts.keys()].flatMap((slug) => [`/transcripts/${slug}`, `/transcripts/${slug}.md`, `/transcripts/${slug}.akn.xml`]),
    '/speakers',
    '/account/tokens',
    ...[...world.speakerSlugs].map((slug) => `/speakers/${encodeURIComponent(slug)}`),
    ...[...world.searchPhrases].map((p) => `/transcripts/search?q=${encodeURIComponent(p)}`),
    // People and the forum: the roster, its rules and calls, working groups, the co-creation record.
    `${plan}/forum`,
    `${plan}/forum/rules`,
    `${plan}/forum/calls`,
    `${plan}/forum/history`,
    `${plan}/working-groups/history`,
    `${plan}/working-group-survey/answers`,
    `${plan}/co-creation/history`,
    ...[...world.callIds].map((id) => `${plan}/forum/calls/${id}`),
    `${plan}/working-groups`,
    ...[...world.workingGroups.keys()].map((slug) => `${plan}/working-groups/${slug}`),
    `${plan}/co-creation`,
    // The plan document: the page (its text is what the ODT and the PDF hold; those two are compressed, so a token
    // is looked for in the page), the ODT and the PDF, each a 404 where the plan page is.
    `${plan}/document`,
    `${plan}/document.odt`,
    `${plan}/document.pdf`,
    // Public input: lists, pages, feeds, figures, consultations; the moderators' page; one's own notifications.
    `${plan}/inputs`,
    `${plan}/inputs.atom`,
    `${plan}/inputs/figures`,
    `${plan}/consultations`,
    `${plan}/consultations/history`,
    ...[...world.inputIds].map((id) => `${plan}/inputs/${id}`),
    ...[...world.consultationIds].map((id) => `${plan}/consultations/${id}`),
    ...[...world.commitmentNumbers].map((n) => `${plan}/commitments/${n}/inputs.atom`),
    // Adoption and change control: the changes since adoption, the versions, each amendment.
    `${plan}/changes`,
    `${plan}/versions`,
    ...[...world.commitmentNumbers].map((n) => `${plan}/commitments/${n}/changes`),
    ...[...world.amendmentIds].map((id) => `${plan}/amendments/${id}`),
    // Independent review: the engagements, each engagement (its interview log and a reviewer's declaration form: its
    // reviewers' only), each report and its history.
    '/reviews',
    `/reviews?plan=${planSlug}`,
    ...[...world.engagementIds].flatMap((id) => [
      `/reviews/engagements/${id}`,
      `/reviews/engagements/${id}/interviews`,
      `/reviews/engagements/${id}/declaration`,
    ]),
    ...[...world.reviewIds].flatMap((id) => [`/reviews/${id}`, `/reviews/${id}/history`]),
    // The government's self-assessments: the plan's list and each one.
    `${plan}/self-assessments`,
    ...[...world.selfAssessmentIds].map((id) => `/self-assessments/${id}`),
    `${plan}/history`,
    '/moderation',
    '/notifications',
    '/privacy',
    // A signed-in viewer's own pages: another's profile or nominations must never be there.
    '/account',
    '/account/nominations',
  ];
  const api = [
    `/api/v1/plans/${ctx.planId}/progress`,
    ...[...world.commitmentNumbers].flatMap((n) => {
      const id = commitments.get(n)?.id;
      return [`/api/v1/commitments/${id}/history`, `/api/v1/commitments/${id}/reports`];
    }),
    ...[...world.reportIds].map((id) => `/api/v1/reports/${id}`),
    '/api/v1/transcripts',
    ...[...world.transcripts.values()].map((id) => `/api/v1/transcripts/${id}`),
    '/api/v1/speakers',
    ...[...world.searchPhrases].map((p) => `/api/v1/search/speeches?q=${encodeURIComponent(p)}`),
    '/api/v1/tokens',
    '/api/v1/tokens?userId=all',
    `/api/v1/plans/${ctx.planId}/seats`,
    `/api/v1/plans/${ctx.planId}/forum-rules`,
    `/api/v1/plans/${ctx.planId}/calls`,
    ...[...world.callIds].map((id) => `/api/v1/calls/${id}`),
    `/api/v1/plans/${ctx.planId}/working-groups`,
    `/api/v1/plans/${ctx.planId}/working-group-survey`,
    ...[...world.workingGroups.values()].map((id) => `/api/v1/working-groups/${id}`),
    `/api/v1/plans/${ctx.planId}/co-creation`,
    `/api/v1/plans/${ctx.planId}/inputs`,
    `/api/v1/plans/${ctx.planId}/input-figures`,
    `/api/v1/plans/${ctx.planId}/consultations`,
    ...[...world.inputIds].map((id) => `/api/v1/inputs/${id}`),
    `/api/v1/plans/${ctx.planId}/changes`,
    `/api/v1/plans/${ctx.planId}/versions`,
    ...[...world.commitmentNumbers].map((n) => `/api/v1/commitments/${commitments.get(n)?.id}/changes`),
    ...[...world.amendmentIds].map((id) => `/api/v1/amendments/${id}`),
    '/api/v1/review-engagements',
    ...[...world.engagementIds].flatMap((id) => [`/api/v1/review-engagements/${id}`, `/api/v1/review-engagements/${id}/interviews`]),
    ...[...world.reviewIds].map((id) => `/api/v1/reviews/${id}`),
    `/api/v1/plans/${ctx.planId}/self-assessments`,
    ...[...world.selfAssessmentIds].map((id) => `/api/v1/self-assessments/${id}`),
    '/api/v1/moderation/log',
    '/api/v1/moderation/reports',
    '/api/v1/profile',
    '/api/v1/nominations',
  ];
  return [...pages, ...pages.map((p) => `/en${p}`), ...api, ...api.map((p) => `${p}${p.includes('?') ? '&' : '?'}lang=zh-TW`)];
}

type Viewer = { name: string; get(path: string): Promise<Response> };
const anonymous: Viewer = { name: 'anonymous', get: async (path) => ctx.app.request(path) };
const signedIn = (name: string, client: () => Client): Viewer => ({ name, get: (path) => client().request(path) });
/** Those who may not see a draft or an embargoed transcript: they must learn nothing of it. */
const OUTSIDERS: Viewer[] = [
  anonymous,
  signedIn('a public-role user', () => clients.publicUser),
  signedIn('an officer of another agency', () => clients.ndcOfficer),
];

const found = (body: string, tok: string) => body.toLowerCase().includes(tok.toLowerCase());

/** Reads every channel as this viewer and names each (channel, token) that showed. */
async function leaks(viewer: Viewer, tokens: readonly string[]): Promise<string[]> {
  const shown: string[] = [];
  for (const path of channels()) {
    const res = await viewer.get(path);
    const body = await res.text();
    // A path that names a token (a slug made from a draft's title) is echoed by the 404 page: the visitor wrote it.
    const named = decodeURIComponent(path);
    for (const tok of tokens) if (!found(named, tok) && found(body, tok)) shown.push(`${viewer.name} saw ${tok} at ${path} (${res.status})`);
  }
  return shown;
}

interface EntityRow {
  entity: string;
  /** Who wrote it and may see it before publication: their visits come first, to tempt the page cache. */
  insider: () => Client;
  /** Token of each part written while not public. */
  tokens: Record<string, string>;
  /** Writes every token into the entity in its non-public state; registers what it created in `world`. */
  write(): Promise<void>;
  /** Where the insider must see a token before publication (the write took effect, the channel can show it). */
  insiderSees: () => [token: string, path: string][];
  /** Makes it public (submits, publishes); absent when it never becomes public. */
  publish?(): Promise<void>;
  /** After publication, where the public must now see each token. */
  publicSees?: () => [token: string, path: string][];
  /** Tokens of the drafting only (overwritten or removed before publication, or never published): private forever. */
  neverPublic: string[];
  /** Who must learn nothing of it, where not OUTSIDERS (an internal round's audience includes every agency's officers). */
  outsiders?: Viewer[];
}

// ---------------------------------------------------------------- the rows

const report = {
  id: 0,
  version: 0,
  commitment: '4-1',
  tokens: {
    achievementsZh: token('AchZh'),
    achievementsEn: token('AchEn'),
    problems: token('Problem'),
    milestoneReason: token('Reason'),
    evidenceLink: token('EvLink'),
    evidenceFile: token('EvFile'),
    contribution: token('Contrib'),
    // Written into the draft, then overwritten or removed before submission.
    overwritten: token('Overwritten'),
    removedEvidence: token('RemovedEv'),
  },
};

const deletedDraft = { commitment: '', tokens: { achievements: token('DeletedDraft') } };

const transcript = {
  slug: '',
  id: 0,
  version: 0,
  phrase: '保密測試用語甲乙',
  tokens: {
    speech: token('Speech'),
    title: token('Title'),
    section: token('Section'),
    alias: token('Alias'),
    newSpeaker: token('Newspeaker'),
  },
};

const apiToken = { tokens: { name: token('TokenName') } };

/** A participant: role public, e-mail confirmed (the operator's accounts are), and a client signed in as them. */
interface Participant {
  id: number;
  client: Client;
}

/** A new participant whose e-mail address holds `emailToken` (addUser names them after it: rows rename them). */
async function newParticipant(emailToken: string): Promise<Participant> {
  const email = `${emailToken.toLowerCase()}@example.org`;
  const id = await addUser(ctx, email, 'public');
  return { id, client: await signedInClient(ctx.app, email) };
}

async function editProfile(client: Client, patch: Record<string, unknown>): Promise<void> {
  const res = await client.api('PATCH', '/api/v1/profile', patch);
  assert.equal(res.status, 200, await res.clone().text());
}

/** The participant a row created (its write runs before anything asks for it). */
const participantOf = (row: { participant: Participant | undefined }): Participant => {
  assert.ok(row.participant, 'the row has written its participant');
  return row.participant;
};

/** The demo working group of commitment 4-1 (before() finds it), which the membership rows join. */
const group = { id: 0, slug: '', commitment: '4-1' };
const groupPage = () => `/plans/${planSlug}/working-groups/${group.slug}`;

/** A member who has not consented to the public roster: their name, and their e-mail address (never public). */
const unlisted = {
  participant: undefined as Participant | undefined,
  tokens: { displayName: token('UnlistedName'), email: token('UnlistedEmail') },
};

/** A forum member's answers to the willingness survey: the secretariat's only, never public (their name shows who answered). */
const surveyAnswer = {
  participant: undefined as Participant | undefined,
  tokens: { displayName: token('SurveyName'), email: token('SurveyEmail') },
};

/** A listed member whose profile is not public: the organisation (public once the profile is), the e-mail (never). */
const privateProfile = {
  participant: undefined as Participant | undefined,
  tokens: { organisation: token('Organisation'), email: token('ListedEmail') },
};

/** A nomination by someone else, before its nominee accepts: the statement, the nominee's name and e-mail. */
const nomination = {
  callId: 0,
  id: 0,
  version: 0,
  participant: undefined as Participant | undefined,
  tokens: { statementZh: token('StatementZh'), statementEn: token('StatementEn'), nomineeName: token('NomineeName'), email: token('NomineeEmail') },
};

/** An agency officer's input to an internal round, answered "not adopted" with a reason by the lead agency. */
const internalInput = { id: 0, commitment: '4-1', tokens: { words: token('InternalWords'), reason: token('InternalReason') } };
/** A participant's input, edited once, then withdrawn (a reply stays under its tombstone). */
const withdrawnInput = { id: 0, commitment: '4-1', tokens: { first: token('WithdrawnFirst'), edited: token('WithdrawnEdited') } };
/** A participant's input hidden by a moderator of the plan; the reply under it stays public. */
const hiddenInput = {
  id: 0,
  commitment: '4-1',
  replyWords: '公開的回覆',
  participant: undefined as Participant | undefined,
  tokens: { words: token('HiddenWords') },
};

/** An officer's amendment to an adopted commitment (issue #14): public once on a meeting's agenda. */
const proposedAmendment = { id: 0, commitment: '4-1', tokens: { text: token('AmendText'), reason: token('AmendReason') } };

/** A review's draft (issue #13): its reviewers' and the secretariat's until the comment period opens; the interview log, the reviewers' forever. */
const draftReview = {
  id: 0,
  engagementId: 0,
  participant: undefined as Participant | undefined,
  tokens: {
    title: token('ReviewTitle'),
    rationale: token('ReviewRationale'),
    recommendation: token('ReviewRec'),
    requirement: token('ReviewRequirement'),
    interview: token('ReviewInterview'),
  },
};

/** The government's self-assessment (issue #13): the secretariat's until its comment period opens. */
const selfAssessment = { id: 0, tokens: { title: token('SelfTitle'), narrative: token('SelfNarrative') } };

const ENTITIES: EntityRow[] = [
  {
    entity: 'a draft progress report (content, milestone reasons, evidence titles, contributions)',
    insider: () => clients.moiOfficer,
    tokens: report.tokens,
    async write() {
      const commitment = commitments.get(report.commitment);
      assert.ok(commitment);
      const cycles = await json<{ items: { id: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/cycles`));
      const milestones = await json<{ items: { id: number }[] }>(await ctx.app.request(`/api/v1/commitments/${commitment.id}/milestones`));
      const moi = clients.moiOfficer;
      const t = report.tokens;
      const created = await moi.api('POST', `/api/v1/commitments/${commitment.id}/reports`, {
        cycleId: cycles.items[0]?.id,
        achievements: { zh: `初稿 ${t.overwritten}`, en: `First draft ${t.overwritten}` },
      });
      assert.equal(created.status, 201, await created.clone().text());
      let r = await json<{ id: number; version: number }>(created);
      report.id = r.id;
      world.commitmentNumbers.add(report.commitment);
      world.reportIds.add(r.id);
      const patched = await moi.api('PATCH', `/api/v1/reports/${r.id}`, {
        version: r.version,
        achievements: { zh: `完成資料開放 ${t.achievementsZh}`, en: `Opened the data ${t.achievementsEn}` },
        problems: { zh: `遭遇困難 ${t.problems}`, en: `Problems ${t.problems}` },
        milestones: [
          {
            milestoneId: milestones.items[0]?.id,
            status: 'delayed',
            percent: 20,
            reason: { zh: `延宕原因 ${t.milestoneReason}`, en: `Delayed because ${t.milestoneReason}` },
          },
        ],
      });
      assert.equal(patched.status, 200, await patched.clone().text());
      assert.equal(
        (await moi.api('POST', `/api/v1/reports/${r.id}/evidence`, { title: `佐證 ${t.evidenceLink}`, url: 'https://example.org/evidence' })).status,
        201,
      );
      const removable = await json<{ evidence: { id: number; fileName: string | null }[] }>(
        await moi.api('POST', `/api/v1/reports/${r.id}/evidence`, { title: `撤回 ${t.removedEvidence}`, url: 'https://example.org/removed' }),
      );
      const form = new FormData();
      form.append('title', `檔案 ${t.evidenceFile}`);
      form.append('file', new File([`evidence text ${t.evidenceFile}`], 'evidence.txt', { type: 'text/plain' }));
      const uploaded = await moi.request(`/api/v1/reports/${r.id}/files`, { method: 'POST', body: form, headers: { 'x-csrf-token': moi.csrf } });
      assert.equal(uploaded.status, 201, await uploaded.clone().text());
      const withFile = await json<{ evidence: { id: number; fileName: string | null; url: string }[] }>(uploaded);
      for (const e of withFile.evidence) if (e.fileName) world.evidenceIds.add(e.id);
      const removed = removable.evidence.at(-1);
      assert.ok(removed);
      assert.equal((await moi.api('DELETE', `/api/v1/reports/${r.id}/evidence/${removed.id}`)).status, 204);
      const contributed = await clients.cyOfficer.api('POST', `/api/v1/reports/${r.id}/contributions`, {
        body: { zh: `協辦補充 ${t.contribution}`, en: `Supporting ${t.contribution}` },
      });
      assert.equal(contributed.status, 201, await contributed.clone().text());
      r = await json<{ id: number; version: number }>(await moi.request(`/api/v1/reports/${r.id}`));
      report.version = r.version;
    },
    insiderSees: () => [
      [report.tokens.achievementsZh, `/api/v1/commitments/${commitments.get(report.commitment)?.id}/history`],
      [report.tokens.contribution, `/plans/${planSlug}/commitments/${report.commitment}/history`],
      [report.tokens.overwritten, `/en/plans/${planSlug}/commitments/${report.commitment}/history`],
      [report.tokens.evidenceFile, `/plans/${planSlug}/commitments/${report.commitment}/reports/${report.id}`],
    ],
    async publish() {
      const res = await clients.moiOfficer.api('POST', `/api/v1/reports/${report.id}/submit`, { version: report.version });
      assert.equal(res.status, 200, await res.clone().text());
    },
    publicSees: () => {
      const t = report.tokens;
      const id = commitments.get(report.commitment)?.id;
      const page = `/plans/${planSlug}/commitments/${report.commitment}`;
      return [
        // The history shows the published state: one "submitted" entry with the submitted content.
        [t.achievementsZh, `/api/v1/commitments/${id}/history`],
        [t.achievementsEn, `/api/v1/commitments/${id}/history`],
        [t.milestoneReason, `/api/v1/commitments/${id}/history`],
        [t.evidenceLink, `/api/v1/commitments/${id}/history`],
        [t.achievementsZh, `${page}/history`],
        [t.achievementsEn, `/en${page}/history`],
        [t.evidenceFile, `/en${page}/history`],
        [t.problems, `/api/v1/reports/${report.id}`],
        [t.contribution, `/api/v1/reports/${report.id}`],
        [t.evidenceFile, `${page}/reports/${report.id}`],
        [t.evidenceFile, `/evidence/${[...world.evidenceIds][0]}`],
        [t.achievementsZh, `/plans/${planSlug}/reports.atom`],
        [t.achievementsEn, `/en${page}/reports.atom`],
        // Cached for the anonymous visitor before submission; the cache must not serve the old page.
        [t.achievementsZh, page],
      ];
    },
    neverPublic: [report.tokens.overwritten, report.tokens.removedEvidence],
  },
  {
    entity: 'a draft progress report that is deleted',
    insider: () => clients.moiOfficer,
    tokens: deletedDraft.tokens,
    async write() {
      const moiId = [...agencyCode].find(([, code]) => code === 'MOI')?.[0];
      const ndcId = [...agencyCode].find(([, code]) => code === 'NDC')?.[0];
      const [number, commitment] =
        [...commitments].find(([n, c]) => n !== report.commitment && c.leadAgencyId === moiId && !c.coAgencyIds.includes(ndcId ?? -1)) ?? [];
      assert.ok(number && commitment, 'another commitment led by MOI');
      deletedDraft.commitment = number;
      world.commitmentNumbers.add(number);
      const cycles = await json<{ items: { id: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/cycles`));
      const created = await clients.moiOfficer.api('POST', `/api/v1/commitments/${commitment.id}/reports`, {
        cycleId: cycles.items[1]?.id,
        achievements: { zh: `刪除 ${deletedDraft.tokens.achievements}`, en: '' },
      });
      assert.equal(created.status, 201);
      const r = await json<{ id: number; version: number }>(created);
      assert.equal((await clients.moiOfficer.api('DELETE', `/api/v1/reports/${r.id}?version=${r.version}`)).status, 204);
    },
    insiderSees: () => [[deletedDraft.tokens.achievements, `/api/v1/commitments/${commitments.get(deletedDraft.commitment)?.id}/history`]],
    neverPublic: [deletedDraft.tokens.achievements],
  },
  {
    entity: 'an embargoed transcript (title, sections, speeches) and the speaker headings it teaches',
    insider: () => clients.secretariat,
    tokens: transcript.tokens,
    async write() {
      const t = transcript.tokens;
      // 王明德 is already a public speaker; the draft writes his heading another way, and names someone new.
      const markdown = `# 2021-05-07 ${t.title} 會議

## ${t.section}

### 王明德（${t.alias}）：
${transcript.phrase}，${t.speech}。

### ${t.newSpeaker}:
A new voice.
`;
      const res = await clients.secretariat.api('POST', '/api/v1/transcripts', { markdown, language: 'zh-TW', embargoWorkingDays: 10 });
      assert.equal(res.status, 201, await res.clone().text());
      const created = await json<{ id: number; slug: string; version: number; publishedAt: string | null }>(res);
      assert.equal(created.publishedAt, null);
      Object.assign(transcript, { id: created.id, slug: created.slug, version: created.version });
      world.transcripts.set(created.slug, created.id);
      world.searchPhrases.add(transcript.phrase);
      const speakers = await json<{ items: { id: number; slug: string; name: string; aliases: string[]; version: number }[] }>(
        await clients.secretariat.request('/api/v1/speakers'),
      );
      for (const s of speakers.items) world.speakerSlugs.add(s.slug);
      // The secretariat sees the waiting alias beside the public ones; a script that saves the speaker back as it
      // read it must not publish it.
      const wang = speakers.items.find((s) => s.name === '王明德');
      assert.ok(
        wang?.aliases.some((a) => a.includes(t.alias)),
        'the secretariat is shown the waiting alias',
      );
      const saved = await clients.secretariat.api('PATCH', `/api/v1/speakers/${wang?.id}`, { aliases: wang?.aliases, version: wang?.version });
      assert.equal(saved.status, 200, await saved.clone().text());
    },
    insiderSees: () => [
      [transcript.tokens.speech, `/transcripts/${transcript.slug}`],
      [transcript.tokens.alias, `/api/v1/transcripts/${transcript.id}`],
      [transcript.tokens.newSpeaker, '/api/v1/speakers'],
    ],
    async publish() {
      const res = await clients.secretariat.api('POST', `/api/v1/transcripts/${transcript.id}/publish`, {
        reason: 'Published for the test.',
        version: transcript.version,
      });
      assert.equal(res.status, 200, await res.clone().text());
    },
    publicSees: () => {
      const t = transcript.tokens;
      return [
        [t.speech, `/transcripts/${transcript.slug}`],
        [t.section, `/en/transcripts/${transcript.slug}`],
        [t.title, '/transcripts.atom'],
        [t.speech, `/transcripts/${transcript.slug}.md`],
        [t.speech, `/transcripts/${transcript.slug}.akn.xml`],
        [t.speech, `/api/v1/search/speeches?q=${encodeURIComponent(transcript.phrase)}`],
        [t.speech, `/transcripts/search?q=${encodeURIComponent(transcript.phrase)}`],
        // The heading becomes a public alias only now.
        [t.alias, '/api/v1/speakers'],
        [t.alias, `/speakers/${encodeURIComponent('王明德')}`],
        [t.newSpeaker, '/speakers'],
        // Open data (ADR 0030): the speech, its section and its new speaker join the export only now.
        [t.speech, '/data/site/data.json'],
        [t.section, '/data/site/data.json'],
        [t.newSpeaker, '/data/site/data.json'],
      ];
    },
    neverPublic: [],
  },
  {
    entity: "an API token's name and use (its owner's own record; admins may list it)",
    insider: () => clients.moiOfficer,
    tokens: apiToken.tokens,
    async write() {
      const res = await clients.moiOfficer.api('POST', '/api/v1/tokens', { name: `script ${apiToken.tokens.name}` });
      assert.equal(res.status, 201, await res.clone().text());
    },
    insiderSees: () => [
      [apiToken.tokens.name, '/api/v1/tokens'],
      [apiToken.tokens.name, '/account/tokens'],
    ],
    neverPublic: [apiToken.tokens.name],
  },
  {
    entity: 'a working-group membership whose member has not consented to be listed (their name; their e-mail address, never)',
    insider: () => participantOf(unlisted).client,
    tokens: unlisted.tokens,
    async write() {
      const t = unlisted.tokens;
      const p = await newParticipant(t.email);
      unlisted.participant = p;
      // A public profile, so that only the missing consent keeps them off the roster.
      await editProfile(p.client, { displayName: `參與者 ${t.displayName}`, profilePublic: true });
      const joined = await p.client.api('POST', `/api/v1/working-groups/${group.id}/membership`, { listed: false });
      assert.equal(joined.status, 201, await joined.clone().text());
      assert.equal((await json<{ member: boolean; listed: boolean }>(joined)).listed, false);
    },
    insiderSees: () => [
      // Their own name, in the header of the page they joined from; their address, in their own profile.
      [unlisted.tokens.displayName, groupPage()],
      [unlisted.tokens.displayName, '/api/v1/profile'],
      [unlisted.tokens.email, '/api/v1/profile'],
      [unlisted.tokens.email, '/account'],
    ],
    async publish() {
      const res = await participantOf(unlisted).client.api('PATCH', `/api/v1/working-groups/${group.id}/membership`, { listed: true });
      assert.equal(res.status, 200, await res.clone().text());
    },
    publicSees: () => [
      // Cached for the anonymous visitor before the consent; the cache must not serve the old roster.
      [unlisted.tokens.displayName, groupPage()],
      [unlisted.tokens.displayName, `/en${groupPage()}`],
      [unlisted.tokens.displayName, `/api/v1/working-groups/${group.id}`],
    ],
    neverPublic: [unlisted.tokens.email],
  },
  {
    entity: "a forum member's answers to the survey of willingness to join working groups (who answered; never public)",
    insider: () => participantOf(surveyAnswer).client,
    tokens: surveyAnswer.tokens,
    async write() {
      const t = surveyAnswer.tokens;
      const p = await newParticipant(t.email);
      surveyAnswer.participant = p;
      await editProfile(p.client, { displayName: `委員 ${t.displayName}`, profilePublic: true });
      // A civil-society member of this plan's forum: the one who may answer.
      await insertGrant(ctx.database.db, p.id, { role: 'forum-member', scope: 'plan', scopeId: ctx.planId }, 'visibility-test');
      const res = await p.client.api('PUT', `/api/v1/plans/${ctx.planId}/working-group-survey/mine`, {
        answers: [{ workingGroupId: group.id, answer: 'join' }],
      });
      assert.equal(res.status, 200, await res.clone().text());
      // The secretariat reads the answers, with who gave them.
      const answers = await clients.secretariat.request(`/api/v1/plans/${ctx.planId}/working-group-survey`);
      assert.ok(found(await answers.text(), t.displayName), 'the secretariat sees who answered');
    },
    insiderSees: () => [
      [surveyAnswer.tokens.displayName, `/plans/${planSlug}/working-group-survey`],
      [surveyAnswer.tokens.email, '/api/v1/profile'],
    ],
    neverPublic: [surveyAnswer.tokens.displayName, surveyAnswer.tokens.email],
  },
  {
    entity: "a listed member's profile while it is not public (the organisation; the e-mail address, never)",
    insider: () => participantOf(privateProfile).client,
    tokens: privateProfile.tokens,
    async write() {
      const t = privateProfile.tokens;
      const p = await newParticipant(t.email);
      privateProfile.participant = p;
      await editProfile(p.client, {
        displayName: '組員乙',
        organisation: `協會 ${t.organisation}`,
        stakeholderGroup: 'civil-society',
        region: 'east',
        profilePublic: false,
      });
      const joined = await p.client.api('POST', `/api/v1/working-groups/${group.id}/membership`, { listed: true });
      assert.equal(joined.status, 201, await joined.clone().text());
      // Listed: the name is public (so the organisation is what this row tests).
      assert.ok(found(await (await ctx.app.request(`/api/v1/working-groups/${group.id}`)).text(), '組員乙'), 'the listed member is on the roster');
    },
    insiderSees: () => [
      [privateProfile.tokens.organisation, '/api/v1/profile'],
      [privateProfile.tokens.organisation, '/account'],
      [privateProfile.tokens.email, '/en/account'],
    ],
    async publish() {
      await editProfile(participantOf(privateProfile).client, { profilePublic: true });
    },
    // The group's page renders a roster member's organisation (views/working-group.tsx), its API too.
    publicSees: () => [
      [privateProfile.tokens.organisation, groupPage()],
      [privateProfile.tokens.organisation, `/en${groupPage()}`],
      [privateProfile.tokens.organisation, `/api/v1/working-groups/${group.id}`],
    ],
    // The demo participants' addresses too (some of them are listed on this roster).
    neverPublic: [privateProfile.tokens.email, '@demo.cocreate.tw'],
  },
  {
    entity: 'a nomination before its nominee accepts (the statement, who is nominated; the nominee’s e-mail address, never)',
    insider: () => participantOf(nomination).client,
    tokens: nomination.tokens,
    async write() {
      const t = nomination.tokens;
      const nominee = await newParticipant(t.email);
      nomination.participant = nominee;
      // Eligible: a participant with a confirmed address whose stakeholder group is not government.
      await editProfile(nominee.client, { displayName: `被提名人 ${t.nomineeName}`, stakeholderGroup: 'civil-society' });
      // The nominator (a member of the public, one of the outsiders) sees it only once accepted (ADR 0026).
      const res = await clients.publicUser.api('POST', `/api/v1/calls/${nomination.callId}/nominations`, {
        nomineeEmail: `${t.email.toLowerCase()}@example.org`,
        statement: { zh: `推薦理由 ${t.statementZh}`, en: `Nominated because ${t.statementEn}` },
      });
      assert.equal(res.status, 202, await res.clone().text());
      const mine = await json<{ items: { id: number; version: number; status: string; callId: number }[] }>(
        await nominee.client.request('/api/v1/nominations'),
      );
      const received = mine.items.find((n) => n.callId === nomination.callId);
      assert.equal(received?.status, 'pending');
      Object.assign(nomination, { id: received.id, version: received.version });
    },
    insiderSees: () => [
      [nomination.tokens.statementZh, '/api/v1/nominations'],
      [nomination.tokens.statementEn, '/api/v1/nominations'],
      [nomination.tokens.statementZh, '/account/nominations'],
      [nomination.tokens.statementEn, '/en/account/nominations'],
      [nomination.tokens.email, '/api/v1/profile'],
    ],
    async publish() {
      const res = await participantOf(nomination).client.api('POST', `/api/v1/nominations/${nomination.id}/accept`, { version: nomination.version });
      assert.equal(res.status, 200, await res.clone().text());
      // The nominator's own list, where the outsiders' check found nothing, shows it now: that check could fail.
      assert.ok(
        found(await (await clients.publicUser.request('/api/v1/nominations')).text(), nomination.tokens.statementZh),
        'the nominator sees it once accepted',
      );
    },
    publicSees: () => {
      const t = nomination.tokens;
      const page = `/plans/${planSlug}/forum/calls/${nomination.callId}`;
      return [
        [t.statementZh, page],
        [t.nomineeName, page],
        [t.statementEn, `/en${page}`],
        [t.statementZh, `/api/v1/calls/${nomination.callId}`],
        [t.statementEn, `/api/v1/calls/${nomination.callId}`],
        [t.nomineeName, `/api/v1/plans/${ctx.planId}/calls`],
      ];
    },
    neverPublic: [nomination.tokens.email],
  },
  {
    entity: 'an internal round’s input (its words, its response’s reason): the round’s audience only',
    insider: () => clients.secretariat,
    tokens: internalInput.tokens,
    // Every agency's officers and the forum's members are the round's audience; the public is not.
    outsiders: [anonymous, signedIn('a public-role user', () => clients.publicUser)],
    async write() {
      const t = internalInput.tokens;
      const commitment = commitments.get(internalInput.commitment)?.id;
      const created = await clients.secretariat.api('POST', `/api/v1/plans/${ctx.planId}/consultations`, {
        targetType: 'commitment',
        targetId: commitment,
        title: { zh: '內部意見徵詢', en: 'Internal round' },
        question: { zh: '請各機關表示意見', en: 'Agencies, your views please' },
        audience: 'internal',
        opensAt: '2021-05-01T00:00',
        closesAt: '2021-06-01T00:00',
      });
      assert.equal(created.status, 201, await created.clone().text());
      const consultationId = (await json<{ id: number }>(created)).id;
      world.consultationIds.add(consultationId);
      world.commitmentNumbers.add(internalInput.commitment);
      const posted = await clients.ndcOfficer.api('POST', `/api/v1/plans/${ctx.planId}/inputs`, {
        targetType: 'commitment',
        targetId: commitment,
        consultationId,
        body: `機關意見 ${t.words}`,
      });
      assert.equal(posted.status, 201, await posted.clone().text());
      const input = await json<{ id: number; version: number; state: string }>(posted);
      assert.equal(input.state, 'internal');
      world.inputIds.add(input.id);
      internalInput.id = input.id;
      const answered = await clients.moiOfficer.api('PUT', `/api/v1/inputs/${input.id}/response`, {
        state: 'not-adopted',
        reason: { zh: `理由 ${t.reason}`, en: '' },
        version: input.version,
      });
      assert.equal(answered.status, 200, await answered.clone().text());
    },
    insiderSees: () => [
      [internalInput.tokens.words, `/plans/${planSlug}/inputs/${internalInput.id}`],
      [internalInput.tokens.reason, `/api/v1/inputs/${internalInput.id}`],
      [internalInput.tokens.words, `/api/v1/commitments/${commitments.get(internalInput.commitment)?.id}/history`],
    ],
    neverPublic: Object.values(internalInput.tokens),
  },
  {
    entity: 'a withdrawn input (its words, and the words of its earlier edit): a tombstone only',
    insider: () => clients.secretariat,
    tokens: withdrawnInput.tokens,
    async write() {
      const t = withdrawnInput.tokens;
      const author = await newParticipant(token('Author'));
      const commitment = commitments.get(withdrawnInput.commitment)?.id;
      world.commitmentNumbers.add(withdrawnInput.commitment);
      const posted = await author.client.api('POST', `/api/v1/plans/${ctx.planId}/inputs`, {
        targetType: 'commitment',
        targetId: commitment,
        body: `初稿 ${t.first}`,
      });
      assert.equal(posted.status, 201, await posted.clone().text());
      const input = await json<{ id: number; version: number }>(posted);
      world.inputIds.add(input.id);
      withdrawnInput.id = input.id;
      const edited = await author.client.api('PATCH', `/api/v1/inputs/${input.id}`, { body: `改稿 ${t.edited}`, version: input.version });
      assert.equal(edited.status, 200, await edited.clone().text());
      const reply = await clients.publicUser.api('POST', `/api/v1/inputs/${input.id}/replies`, { body: '回覆仍在' });
      assert.equal(reply.status, 201, await reply.clone().text());
      const withdrawn = await author.client.api('POST', `/api/v1/inputs/${input.id}/withdraw`, { version: input.version + 1 });
      assert.equal(withdrawn.status, 200, await withdrawn.clone().text());
    },
    // The secretariat reads every input's history; the page itself shows the tombstone to everyone.
    insiderSees: () => [
      [withdrawnInput.tokens.first, `/plans/${planSlug}/commitments/${withdrawnInput.commitment}/history`],
      [withdrawnInput.tokens.edited, `/plans/${planSlug}/commitments/${withdrawnInput.commitment}/history`],
    ],
    neverPublic: Object.values(withdrawnInput.tokens),
  },
  {
    entity: 'a hidden input (its words): "hidden by the moderators" in its place, its reply kept',
    // The moderators read hidden words on their own page.
    insider: () => participantOf(hiddenInput).client,
    tokens: hiddenInput.tokens,
    async write() {
      const t = hiddenInput.tokens;
      const author = await newParticipant(token('Hidden'));
      const moderator = await newParticipant(token('Moderator'));
      hiddenInput.participant = moderator;
      await insertGrant(ctx.database.db, moderator.id, { role: 'moderator', scope: 'plan', scopeId: ctx.planId }, 'test');
      const commitment = commitments.get(hiddenInput.commitment)?.id;
      world.commitmentNumbers.add(hiddenInput.commitment);
      const posted = await author.client.api('POST', `/api/v1/plans/${ctx.planId}/inputs`, {
        targetType: 'commitment',
        targetId: commitment,
        body: `個資 ${t.words}`,
      });
      assert.equal(posted.status, 201, await posted.clone().text());
      const input = await json<{ id: number; version: number }>(posted);
      world.inputIds.add(input.id);
      hiddenInput.id = input.id;
      assert.equal((await clients.publicUser.api('POST', `/api/v1/inputs/${input.id}/replies`, { body: `回覆 ${hiddenInput.replyWords}` })).status, 201);
      // Signed in again, so the grant (read per request) is theirs.
      const hidden = await moderator.client.api('POST', `/api/v1/inputs/${input.id}/hide`, { reason: '含有個人資料', version: input.version });
      assert.equal(hidden.status, 200, await hidden.clone().text());
    },
    insiderSees: () => [[hiddenInput.tokens.words, `/plans/${planSlug}/inputs/${hiddenInput.id}`]],
    neverPublic: Object.values(hiddenInput.tokens),
  },
  {
    entity: 'an amendment proposed to an adopted commitment, not yet on a meeting’s agenda (its text and reason)',
    insider: () => clients.moiOfficer,
    tokens: proposedAmendment.tokens,
    async write() {
      const sec = clients.secretariat;
      const adopted = await sec.api('POST', `/api/v1/plans/${ctx.planId}/adoption`, {
        authority: { zh: '行政院', en: 'the Executive Yuan' },
        adoptedOn: '2021-01-29',
        documentReference: '核定函',
      });
      assert.equal(adopted.status, 201, await adopted.clone().text());
      const id = commitments.get(proposedAmendment.commitment)?.id;
      const c = await json<{ version: number; description: { zh: string } }>(await ctx.app.request(`/api/v1/commitments/${id}`));
      const res = await clients.moiOfficer.api('PATCH', `/api/v1/commitments/${id}`, {
        version: c.version,
        description: { zh: `${c.description.zh} ${proposedAmendment.tokens.text}` },
        reason: `修正理由 ${proposedAmendment.tokens.reason}`,
      });
      assert.equal(res.status, 202, await res.clone().text());
      proposedAmendment.id = (await json<{ proposed: { id: number } }>(res)).proposed.id;
      world.amendmentIds.add(proposedAmendment.id);
      world.commitmentNumbers.add(proposedAmendment.commitment);
    },
    insiderSees: () => [
      [proposedAmendment.tokens.text, `/api/v1/amendments/${proposedAmendment.id}`],
      [proposedAmendment.tokens.reason, `/plans/${planSlug}/commitments/${proposedAmendment.commitment}/changes`],
    ],
    async publish() {
      const sec = clients.secretariat;
      const meeting = await sec.api('POST', `/api/v1/plans/${ctx.planId}/meetings`, {
        heldOn: '2022-10-20',
        kind: 'plenary',
        title: { zh: '期中檢討會議', en: 'Mid-term review' },
      });
      assert.equal(meeting.status, 201, await meeting.clone().text());
      const a = await json<{ version: number }>(await sec.request(`/api/v1/amendments/${proposedAmendment.id}`));
      const scheduled = await sec.api('POST', `/api/v1/amendments/${proposedAmendment.id}/schedule`, {
        meetingId: (await json<{ id: number }>(meeting)).id,
        version: a.version,
      });
      assert.equal(scheduled.status, 200, await scheduled.clone().text());
    },
    publicSees: () => [
      [proposedAmendment.tokens.text, `/api/v1/amendments/${proposedAmendment.id}`],
      [proposedAmendment.tokens.reason, `/plans/${planSlug}/changes`],
      [proposedAmendment.tokens.text, `/en/plans/${planSlug}/commitments/${proposedAmendment.commitment}/changes`],
    ],
    neverPublic: [],
  },
  {
    entity: 'an independent review’s draft report (title, a unit’s rationale, a recommendation, a minimum requirement’s explanation) and its interview log',
    insider: () => participantOf(draftReview).client,
    tokens: draftReview.tokens,
    async write() {
      const sec = clients.secretariat;
      draftReview.participant = await newParticipant(token('Reviewer'));
      const created = await sec.api('POST', '/api/v1/review-engagements', {
        title: { zh: '獨立評估', en: 'Independent review' },
        periodStart: '2021-06-01',
        periodEnd: '2025-06-01',
        planIds: [ctx.planId],
      });
      assert.equal(created.status, 201, await created.clone().text());
      draftReview.engagementId = (await json<{ id: number }>(created)).id;
      world.engagementIds.add(draftReview.engagementId);
      const added = await sec.api('POST', `/api/v1/review-engagements/${draftReview.engagementId}/reviewers`, {
        userId: draftReview.participant.id,
        role: 'lead-reviewer',
      });
      assert.equal(added.status, 200, await added.clone().text());
      const reviewer = draftReview.participant.client;
      const report = await reviewer.api('POST', `/api/v1/review-engagements/${draftReview.engagementId}/reports`, {
        planId: ctx.planId,
        kind: 'action-plan-review',
        title: { zh: `評估 ${draftReview.tokens.title}`, en: 'Action Plan Review' },
      });
      assert.equal(report.status, 201, await report.clone().text());
      const r = await json<{ id: number; units: { id: number; version: number }[]; requirements: { id: number; version: number }[] }>(report);
      draftReview.id = r.id;
      world.reviewIds.add(r.id);
      const unit = r.units[0];
      const rated = await reviewer.api('PATCH', `/api/v1/review-units/${unit?.id}`, {
        version: unit?.version,
        ratings: { verifiability: 'verifiable' },
        rationale: { zh: `理由 ${draftReview.tokens.rationale}` },
      });
      assert.equal(rated.status, 200, await rated.clone().text());
      const requirement = r.requirements[0];
      const assessed = await reviewer.api('PATCH', `/api/v1/review-requirements/${requirement?.id}`, {
        version: requirement?.version,
        status: 'in-progress',
        explanation: { zh: `說明 ${draftReview.tokens.requirement}` },
      });
      assert.equal(assessed.status, 200, await assessed.clone().text());
      const rec = await reviewer.api('POST', `/api/v1/reviews/${r.id}/recommendations`, { body: { zh: `建議 ${draftReview.tokens.recommendation}` } });
      assert.equal(rec.status, 201, await rec.clone().text());
      const interview = await reviewer.api('POST', `/api/v1/review-engagements/${draftReview.engagementId}/interviews`, {
        heldOn: '2021-06-20',
        stakeholderGroup: 'civil-society',
        consentToBeNamed: false,
        notes: `訪談 ${draftReview.tokens.interview}`,
      });
      assert.equal(interview.status, 201, await interview.clone().text());
    },
    insiderSees: () => [
      [draftReview.tokens.title, `/reviews/${draftReview.id}`],
      [draftReview.tokens.rationale, `/api/v1/reviews/${draftReview.id}`],
      [draftReview.tokens.recommendation, `/en/reviews/${draftReview.id}`],
      [draftReview.tokens.requirement, `/reviews/${draftReview.id}`],
      [draftReview.tokens.title, `/reviews/engagements/${draftReview.engagementId}`],
      [draftReview.tokens.interview, `/api/v1/review-engagements/${draftReview.engagementId}/interviews`],
      [draftReview.tokens.interview, `/reviews/engagements/${draftReview.engagementId}/interviews`],
      [draftReview.tokens.interview, `/en/reviews/engagements/${draftReview.engagementId}/interviews`],
    ],
    async publish() {
      const reviewer = participantOf(draftReview).client;
      const r = await json<{ version: number }>(await reviewer.request(`/api/v1/reviews/${draftReview.id}`));
      const opened = await reviewer.api('POST', `/api/v1/reviews/${draftReview.id}/comment-period`, { version: r.version });
      assert.equal(opened.status, 200, await opened.clone().text());
    },
    publicSees: () => [
      [draftReview.tokens.title, `/reviews/${draftReview.id}`],
      [draftReview.tokens.rationale, `/api/v1/reviews/${draftReview.id}`],
      [draftReview.tokens.recommendation, `/en/reviews/${draftReview.id}`],
      [draftReview.tokens.requirement, `/api/v1/reviews/${draftReview.id}`],
      [draftReview.tokens.title, '/api/v1/review-engagements'],
    ],
    neverPublic: [draftReview.tokens.interview],
  },
  {
    entity: 'the government’s draft self-assessment (title, a commitment’s narrative)',
    insider: () => clients.secretariat,
    tokens: selfAssessment.tokens,
    async write() {
      const sec = clients.secretariat;
      const created = await sec.api('POST', `/api/v1/plans/${ctx.planId}/self-assessments`, {
        year: 2021,
        title: { zh: `自評 ${selfAssessment.tokens.title}`, en: 'Self-assessment 2021' },
      });
      assert.equal(created.status, 201, await created.clone().text());
      const a = await json<{ id: number; entries: { id: number; version: number }[] }>(created);
      selfAssessment.id = a.id;
      world.selfAssessmentIds.add(a.id);
      const entry = a.entries[0];
      const edited = await sec.api('PATCH', `/api/v1/self-assessment-entries/${entry?.id}`, {
        version: entry?.version,
        narrative: { zh: `說明 ${selfAssessment.tokens.narrative}` },
      });
      assert.equal(edited.status, 200, await edited.clone().text());
    },
    insiderSees: () => [
      [selfAssessment.tokens.title, `/self-assessments/${selfAssessment.id}`],
      [selfAssessment.tokens.narrative, `/api/v1/self-assessments/${selfAssessment.id}`],
      [selfAssessment.tokens.title, `/plans/${planSlug}/self-assessments`],
    ],
    async publish() {
      const sec = clients.secretariat;
      const a = await json<{ version: number }>(await sec.request(`/api/v1/self-assessments/${selfAssessment.id}`));
      const opened = await sec.api('POST', `/api/v1/self-assessments/${selfAssessment.id}/comment-period`, { version: a.version });
      assert.equal(opened.status, 200, await opened.clone().text());
    },
    publicSees: () => [
      [selfAssessment.tokens.title, `/self-assessments/${selfAssessment.id}`],
      [selfAssessment.tokens.narrative, `/en/self-assessments/${selfAssessment.id}`],
      [selfAssessment.tokens.title, `/api/v1/plans/${ctx.planId}/self-assessments`],
    ],
    neverPublic: [],
  },
];

// ---------------------------------------------------------------- the test

before(async () => {
  ctx = await setup();
  ctx.clock.now = new Date('2021-05-10T02:00:00Z');
  await addUser(ctx, 'sec@example.org', 'secretariat');
  await addUser(ctx, 'moi@example.org', 'agency-officer', ['MOI']);
  await addUser(ctx, 'cy@example.org', 'agency-officer', ['CY']);
  await addUser(ctx, 'ndc@example.org', 'agency-officer', ['NDC']);
  await addUser(ctx, 'citizen@example.org', 'public');
  const accounts = { secretariat: 'sec', moiOfficer: 'moi', cyOfficer: 'cy', ndcOfficer: 'ndc', publicUser: 'citizen' } as const;
  for (const [key, name] of Object.entries(accounts) as [keyof typeof accounts, string][]) {
    clients[key] = new Client(ctx.app);
    await clients[key].signIn(`${name}@example.org`);
  }
  planSlug = (await json<{ slug: string }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}`))).slug;
  const list = await json<{ items: { id: number; number: string; leadAgencyId: number; coAgencyIds: number[] }[] }>(
    await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`),
  );
  for (const c of list.items) commitments.set(c.number, c);
  for (const [code, id] of ctx.agencies) if (['MOI', 'CY', 'NDC'].includes(code)) agencyCode.set(id, code);
  assert.equal((await clients.secretariat.api('POST', `/api/v1/plans/${ctx.planId}/cycles/generate`, {})).status, 201);
  // A published transcript makes 王明德 a public speaker, so his page and the speaker lists are channels too.
  const published = await clients.secretariat.api('POST', '/api/v1/transcripts', {
    markdown: '# 2021-04-01 公開會議\n\n### 王明德委員：\n大家好。\n',
    language: 'zh-TW',
    embargoWorkingDays: 0,
  });
  assert.equal(published.status, 201);
  const p = await json<{ id: number; slug: string; version: number }>(published);
  assert.equal((await clients.secretariat.api('POST', `/api/v1/transcripts/${p.id}/publish`, { reason: 'Public baseline.', version: p.version })).status, 200);
  world.transcripts.set(p.slug, p.id);
  // The demo working groups (with their illustrative members, some listed): their pages and API are channels.
  await seedDemoWorkgroups(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  const groups = await json<{ items: { id: number; slug: string; commitmentIds: number[]; open: boolean }[] }>(
    await ctx.app.request(`/api/v1/plans/${ctx.planId}/working-groups`),
  );
  const ofCommitment = groups.items.find((g) => g.commitmentIds.includes(commitments.get(group.commitment)?.id ?? -1));
  assert.ok(ofCommitment?.open, `the open demo group of ${group.commitment}`);
  Object.assign(group, { id: ofCommitment.id, slug: ofCommitment.slug });
  world.workingGroups.set(ofCommitment.slug, ofCommitment.id);
  world.commitmentNumbers.add(group.commitment);
  // A call for nominations open on the test's day (2021-05-10 in Taipei): its pages and API are channels.
  const call = await clients.secretariat.api('POST', `/api/v1/plans/${ctx.planId}/calls`, {
    title: { zh: '2021 年民間委員徵求', en: '2021 call for civil-society members' },
    seats: 2,
    eligibility: { zh: '關心開放政府的民間參與者。', en: 'Civil-society participants who care about open government.' },
    nominationsOpenOn: '2021-05-10',
    nominationsCloseOn: '2021-05-20',
    termStartsOn: '2021-07-01',
    termEndsOn: '2023-06-30',
    method: 'election',
    votingOpensOn: '2021-05-22',
    votingClosesOn: '2021-05-25',
    tieRule: 'older-registration',
  });
  assert.equal(call.status, 201, await call.clone().text());
  nomination.callId = (await json<{ id: number }>(call)).id;
  world.callIds.add(nomination.callId);
});
after(() => ctx.close());

describe('visibility: nothing written in a non-public state reaches a public channel', () => {
  for (const row of ENTITIES) {
    test(row.entity, async (t) => {
      await row.write();
      const tokens = Object.values(row.tokens);

      await t.test('its insider sees it (the write took effect and the channel can show it)', async () => {
        for (const [tok, path] of row.insiderSees()) assert.ok(found(await (await row.insider().request(path)).text(), tok), `${tok} at ${path}`);
        // Then the insider reads every channel, so a page cache that kept their view would serve it below.
        for (const path of channels()) await row.insider().request(path);
      });

      await t.test('no outsider sees any of it, on any channel, in either language', async () => {
        for (const viewer of row.outsiders ?? OUTSIDERS) assert.deepEqual(await leaks(viewer, tokens), []);
      });

      await t.test('what an insider is shown is never kept by a cache', async () => {
        for (const path of channels()) {
          const res = await row.insider().request(path);
          const body = await res.text();
          if (tokens.some((tok) => found(body, tok))) assert.match(res.headers.get('cache-control') ?? '', /private, no-store/, path);
        }
      });

      if (!row.publish || !row.publicSees) return;
      const publish = () => row.publish?.();
      const publicSees = () => row.publicSees?.() ?? [];
      await t.test('once public, the public sees the published state (and not the drafting)', async () => {
        await publish();
        for (const [tok, path] of publicSees()) {
          const res = await anonymous.get(path);
          assert.ok(found(await res.text(), tok), `${tok} missing at ${path} (${res.status})`);
        }
        for (const viewer of OUTSIDERS) assert.deepEqual(await leaks(viewer, row.neverPublic), []);
      });
    });
  }

  test('the history API of a commitment with a draft report shows the public one "submitted" entry per revision', async () => {
    // A report of this test's own (5-2 is MOI's; the first cycle, which no other test reports on), drafted in steps.
    const id = commitments.get('5-2')?.id;
    assert.ok(id);
    const cycles = await json<{ items: { id: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/cycles`));
    const moi = clients.moiOfficer;
    const created = await moi.api('POST', `/api/v1/commitments/${id}/reports`, {
      cycleId: cycles.items[0]?.id,
      achievements: { zh: '初稿', en: 'First draft' },
    });
    assert.equal(created.status, 201, await created.clone().text());
    const draft = await json<{ id: number; version: number }>(created);
    assert.equal((await moi.api('PATCH', `/api/v1/reports/${draft.id}`, { version: draft.version, achievements: { zh: '定稿', en: 'Final' } })).status, 200);
    assert.equal((await moi.api('POST', `/api/v1/reports/${draft.id}/evidence`, { title: '佐證', url: 'https://example.org/evidence' })).status, 201);
    const current = await json<{ id: number; version: number }>(await moi.request(`/api/v1/reports/${draft.id}`));
    assert.equal((await moi.api('POST', `/api/v1/reports/${draft.id}/submit`, { version: current.version })).status, 200);
    const items = (
      await json<{ items: { entityType: string; entityId: number; action: string }[] }>(await ctx.app.request(`/api/v1/commitments/${id}/history`))
    ).items;
    const rows = items.filter((h) => h.entityType === 'report' && h.entityId === draft.id);
    assert.deepEqual(
      rows.map((h) => h.action),
      ['submit'],
    );
    const insiderRows = (
      await json<{ items: { entityType: string; entityId: number }[] }>(await moi.request(`/api/v1/commitments/${id}/history`))
    ).items.filter((h) => h.entityType === 'report' && h.entityId === draft.id);
    assert.ok(insiderRows.length > 3, 'those who may see the draft keep its drafting steps');
  });

  test('history of an entity type no module declared a policy for is shown to no one', async () => {
    const id = commitments.get('1-1')?.id as number;
    await sql`INSERT INTO history (entity_type, entity_id, plan_id, commitment_id, action, actor_name, changes)
      VALUES ('undeclared', 1, ${ctx.planId}, ${id}, 'create', 'system', ${JSON.stringify([{ field: 'x', before: null, after: 'VisUndeclared' }])}::jsonb)`.execute(
      ctx.database.db,
    );
    for (const viewer of [anonymous, signedIn('the secretariat', () => clients.secretariat)]) {
      assert.ok(!found(await (await viewer.get(`/api/v1/commitments/${id}/history`)).text(), 'VisUndeclared'), viewer.name);
    }
  });

  test('migration 0007 sends aliases learned only from embargoed transcripts back to waiting, and keeps the rest', async () => {
    const database = await createTestDatabase();
    try {
      const db = database.db;
      const { rows: speakers } = await sql<{ id: number }>`INSERT INTO speakers (slug, name, aliases, affiliation, colour)
        VALUES ('wang', '王明德', ${JSON.stringify(['王明德委員', '王明德（VisOldLeak）', '王主委'])}::jsonb, '{"zh":"","en":"","status":"missing"}'::jsonb, '#000') RETURNING id`.execute(
        db,
      );
      const wang = speakers[0]?.id as number;
      const { rows: transcripts } = await sql<{
        id: number;
      }>`INSERT INTO transcripts (slug, title, held_on, language, publish_at, counted_with_calendar, published_at)
        VALUES ('public', 'P', '2021-04-01', 'zh-TW', now(), false, now()), ('draft', 'D', '2021-05-07', 'zh-TW', now() + interval '9 days', false, NULL) RETURNING id`.execute(
        db,
      );
      const [published, draft] = transcripts.map((r) => r.id);
      await sql`INSERT INTO speeches (transcript_id, held_on, position, speaker_id, speaker_label, kind, body, is_public) VALUES
        (${published}, '2021-04-01', 1, ${wang}, '王明德委員', 'speech', 'a', true),
        (${draft}, '2021-05-07', 1, ${wang}, '王明德（VisOldLeak）', 'speech', 'b', false),
        (${draft}, '2021-05-07', 2, ${wang}, '王明德委員', 'speech', 'c', false)`.execute(db);
      const migration = readFileSync(new URL('../src/db/migrations/0007_visibility.sql', import.meta.url), 'utf8');
      await database.execScript(migration.slice(migration.indexOf('-- Aliases already learned')));
      const after = await sql<{ aliases: string[] }>`SELECT aliases FROM speakers WHERE id = ${wang}`.execute(db);
      assert.deepEqual(after.rows[0]?.aliases, ['王明德委員', '王主委'], 'written in a published transcript, or by hand: still public');
      const waiting = await sql<{ transcript_id: number; alias: string }>`SELECT transcript_id, alias FROM speaker_pending_aliases`.execute(db);
      assert.deepEqual(waiting.rows, [{ transcript_id: draft, alias: '王明德（VisOldLeak）' }]);
    } finally {
      await database.close();
    }
  });

  test('every history entity and action has a label in both languages', () => {
    const ENTITY_TYPES = modules.flatMap((m) => m.historyEntityTypes ?? []);
    assert.ok(ENTITY_TYPES.includes('report') && ENTITY_TYPES.includes('transcript'));
    for (const key of [...ENTITY_TYPES.map((e) => `history.entity.${e}`), ...HISTORY_ACTIONS.map((a) => `history.action.${a}`)])
      assert.ok(isMessageKey(key), key);
  });
});
