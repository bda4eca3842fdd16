/**
 * The demo review (issue #13): an engagement commissioned by the secretariat on the 2021–2024 plan, paid 51 % by civil
 * society and 49 % by the government, with an international reviewer and a local research partner. Its action plan
 * review went through public comment and was published in 2021; its five recommendations are tracked, two of them
 * landed in commitments of the next plan (a draft 2025–2028 plan made here); its results report is open for comment
 * now. A civil-society comment on each draft shows the comment period (the first answered by the reviewers). Every write goes through the services as its author would make it, on the story's dates. Illustrative only:
 * the ratings are not the real review's.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import { registerPolicy, type Actor } from '../../domain/authorization.js';
import type { Ratings } from '../../domain/review.js';
import { systemActor } from '../../domain/system-actor.js';
import { createUser } from '../accounts/index.js';
import { postInput, respondToInput } from '../participation/index.js';
import { planQueries, planService, plansPolicy } from '../plans/index.js';
import { reviewPolicy } from './review.policy.js';
import * as q from './review.queries.js';
import * as service from './review.service.js';
import { seedDemoLocalReview } from './review.local-seed.js';

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const both = (zh: string, en: string) => ({ zh, en, status: 'reviewed' as const });

const POTENTIAL = ['modest', 'substantial', 'modest', 'unclear'] as const;
const COMPLETION = ['substantial', 'complete', 'limited', 'substantial', 'complete', 'not-started'] as const;
const EARLY = ['moderate', 'significant', 'no-notable', 'moderate'] as const;

export async function seedDemoReview(db: Db, opts: { planId: number; agencyIds: Map<string, number> }): Promise<void> {
  registerPolicy(reviewPolicy);
  registerPolicy(plansPolicy);
  if ((await q.listEngagementIds(db, opts.planId)).length > 0) return;
  const plan = await planQueries.findPlanById(db, opts.planId);
  if (!plan) return;
  const secretariat = systemActor('國家發展委員會（推動小組幕僚）', 'secretariat');
  // A civil-society organisation that comments on the drafts (no account: its name is recorded with its words).
  const civilSociety = systemActor('開放政府公民團體（示範）', 'public');
  const reviewers = [
    { email: 'reviewer.international@demo.cocreate.tw', name: 'International reviewer (demo)', role: 'international-reviewer' as const },
    { email: 'reviewer.local@demo.cocreate.tw', name: '在地研究夥伴（示範）', role: 'local-research-partner' as const },
  ];
  const reviewerIds: number[] = [];
  // Accounts of their own (role: participant), with passwords nobody knows: sign-in is by reset if ever needed.
  for (const r of reviewers)
    reviewerIds.push(
      await createUser({ db }, 'cli', {
        email: r.email,
        displayName: r.name,
        password: randomBytes(18).toString('base64url'),
        role: 'public',
        agencyIds: [],
        isDemo: true,
      }),
    );

  await inOneTransaction(db, async (db) => {
    let clock = at('2021-05-20');
    const deps = { db, now: () => clock, demo: true };
    const engagement = await service.createEngagement(deps, secretariat, {
      title: both('第一期開放政府國家行動方案獨立評估', 'Independent review of the first Open Government National Action Plan'),
      termsOfReference: both(
        '依開放政府夥伴關係獨立報告機制（IRM）的方法，評估 2021–2024 年行動方案的設計（行動方案評估）與成果（成果報告）。評估者獨立作業，政府與公民社會皆不修改其評估；草稿公開徵詢意見兩週後發布。',
        'Following the method of OGP’s Independent Reporting Mechanism, assess the design (Action Plan Review) and the results (Results Report) of the 2021–2024 plan. The reviewers work independently: neither the government nor civil society edits their assessments; drafts are open for comment for two weeks before publication.',
      ),
      periodStart: '2021-06-01',
      periodEnd: '2025-09-30',
      planIds: [opts.planId],
      funding: [
        { source: both('民間基金會（示範）', 'Civil-society foundations (demo)'), sector: 'civil-society', sharePercent: 51 },
        { source: both('國家發展委員會', 'National Development Council'), sector: 'government', sharePercent: 49 },
      ],
    });
    for (const [i, r] of reviewers.entries())
      await service.putReviewer(deps, secretariat, engagement.id, {
        userId: reviewerIds[i] ?? 0,
        role: r.role,
        affiliations:
          i === 0
            ? both('國際開放政府研究者（示範）', 'Independent open-government researcher (demo)')
            : both('大學公共行政研究中心（示範）', 'University public administration research centre (demo)'),
        interests:
          i === 0
            ? both('無。', 'None.')
            : both('曾於 2019 年參與國發會委託研究，與本方案無關。', 'Took part in a 2019 study commissioned by the NDC, unrelated to this plan.'),
      });
    const grants = [{ role: 'reviewer' as const, scope: 'engagement' as const, scopeId: engagement.id }];
    const lead: Actor = { id: reviewerIds[0] ?? 0, displayName: reviewers[0]?.name ?? '', role: 'public', agencyIds: [], grants };
    const partner: Actor = { id: reviewerIds[1] ?? 0, displayName: reviewers[1]?.name ?? '', role: 'public', agencyIds: [], grants };

    // The action plan review: drafted, commented on for two weeks, published.
    clock = at('2021-06-15');
    const apr = await service.createReport(deps, lead, engagement.id, {
      planId: opts.planId,
      kind: 'action-plan-review',
      title: both('行動方案評估：第一期開放政府國家行動方案', 'Action Plan Review: the first Open Government National Action Plan'),
      overview: both(
        '本方案的承諾事項大多可驗證，並具開放政府視角；其中數項具顯著成果潛力。共創過程公開透明，但英文版完成較晚。',
        'Most commitments are verifiable and have an open-government lens; several have substantial potential for results. Co-creation was open, but the English edition came late.',
      ),
    });
    for (const [i, unit] of apr.units.entries()) {
      const ratings: Ratings =
        i === 3
          ? { verifiability: 'not-verifiable' }
          : { verifiability: 'verifiable', ogLens: 'yes', potential: POTENTIAL[i % POTENTIAL.length], promising: i % 5 === 0 ? 'yes' : 'no' };
      await service.updateUnit(deps, i % 2 === 0 ? lead : partner, unit.id, {
        version: unit.version,
        ratings,
        ogValues: i === 3 ? [] : i % 3 === 0 ? ['access-to-information', 'civic-participation'] : ['public-accountability'],
        rationale:
          i === 3
            ? both(
                '里程碑以「推動」「強化」描述，未列可查核的產出或日期。',
                'The milestones say “promote” and “strengthen” with no deliverable or date that can be checked.',
              )
            : both('里程碑具體且有時限，可查核其產出。', 'The milestones are specific and time-bound; their deliverables can be checked.'),
      });
    }
    // The minimum requirements: the reviewers start from the co-creation record and write their own assessment.
    for (const r of apr.requirements)
      await service.updateRequirement(deps, lead, r.id, {
        version: r.version,
        status: r.status ?? 'met',
        explanation:
          r.requirement === 'website'
            ? both(
                '方案、承諾事項與進度公開於國發會網站與本平臺。',
                'The plan, its commitments and their progress are public on the NDC’s site and on this platform.',
              )
            : r.status === 'met'
              ? both('紀錄與訪談一致。', 'The record and the interviews agree.')
              : both('依紀錄，尚待改善；見建議。', 'As the record shows, this needs work; see the recommendations.'),
      });
    const recommendations = [
      both('每項承諾事項的里程碑應列出可查核的產出與日期。', 'Give every milestone a deliverable and a date that can be checked.'),
      both('英文版應與中文版同時完成，以利國際評估。', 'Complete the English edition together with the Chinese one, so international reviewers can read it.'),
      both('工作小組會議應公開報名，讓非受邀者也能參與。', 'Open working-group meetings to anyone who registers, not only those invited.'),
      both('對公眾意見的回應應逐則說明採納與否及理由。', 'Answer every public input with whether it was taken up and why.'),
      both('推動小組應定期檢討決議事項的列管情形並公開。', 'The forum should review its tracked resolutions regularly and publish the results.'),
    ];
    const recs = [];
    for (const body of recommendations) recs.push(await service.addRecommendation(deps, lead, apr.report.id, { body }));
    clock = at('2021-07-01');
    const commented = await service.openCommentPeriod(deps, lead, apr.report.id, apr.report.version);
    // A comment on the draft, from civil society, answered by the reviewers before publication.
    clock = at('2021-07-08');
    const aprComment = await postInput({ db, now: () => clock, demo: true }, civilSociety, opts.planId, {
      kind: 'comment',
      targetType: 'review',
      targetId: apr.report.id,
      body: '建議評估報告說明各承諾事項里程碑與 OGP 價值的關聯，並補充工作小組會議的參與情形。',
      lang: 'zh',
    });
    clock = at('2021-07-22');
    await respondToInput({ db, now: () => clock, demo: true }, lead, aprComment.id, {
      state: 'partly-adopted',
      reason: both(
        '已於各單元的理由中說明與 OGP 價值的關聯；工作小組參與情形列入成果報告。',
        'Each unit’s rationale now names its link to the OG values; working-group participation will be covered in the results report.',
      ),
      version: aprComment.version,
    });
    clock = at('2021-08-02');
    await service.publishReport(deps, lead, commented.id, commented.version);

    // The next plan, in drafting, where two recommendations landed.
    clock = at('2024-09-01');
    const next = await planService.createPlan({ db, demo: true }, secretariat, {
      slug: 'tw-2025-2028',
      memberId: plan.memberId,
      title: both('第二期開放政府國家行動方案（2025–2028，示範草案）', 'Second Open Government National Action Plan (2025–2028, demo draft)'),
      periodStart: '2025-01-01',
      periodEnd: '2028-12-31',
    });
    const area = await planService.createArea({ db, demo: true }, secretariat, next.id, {
      position: 1,
      title: both('深化公民參與', 'Deepen civic participation'),
    });
    const ndc = opts.agencyIds.get('NDC') ?? 0;
    const landed = [];
    for (const [i, c] of [
      { title: both('行動方案英文版與中文版同步發布', 'Publish the English edition with the Chinese one'), rec: 1 },
      { title: both('公眾意見逐則回應機制', 'A reasoned response to every public input'), rec: 3 },
    ].entries()) {
      const commitment = await planService.createCommitment({ db, demo: true }, secretariat, next.id, {
        areaId: area.id,
        number: `1-${i + 1}`,
        title: c.title,
        startDate: '2025-01-01',
        endDate: '2028-12-31',
        leadAgencyId: ndc,
        origin: 'joint',
      });
      landed.push({ commitmentId: commitment.id, rec: c.rec });
    }
    clock = at('2024-10-15');
    for (const [i, rec] of recs.entries()) {
      const into = landed.find((l) => l.rec === i);
      await service.respondToRecommendation(deps, secretariat, rec.id, {
        version: rec.version,
        state: into ? 'closed' : 'tracking',
        governmentResponse: into
          ? both('已納入第二期行動方案的承諾事項。', 'Taken up as a commitment of the second plan.')
          : both('持續列管，於推動小組會議檢討。', 'Kept on the list; reviewed at the forum’s meetings.'),
        landedCommitmentId: into?.commitmentId ?? null,
      });
    }

    // The results report: drafted after the plan ended, open for comment now.
    clock = at('2025-06-20');
    const results = await service.createReport(deps, partner, engagement.id, {
      planId: opts.planId,
      kind: 'results-report',
      title: both('成果報告：第一期開放政府國家行動方案', 'Results Report: the first Open Government National Action Plan'),
      overview: both(
        '多數承諾事項大部分完成；數項在資訊公開與公民參與上帶來重大成果。',
        'Most commitments were substantially completed; several opened government significantly in access to information and civic participation.',
      ),
      commentDays: 30,
    });
    for (const [i, unit] of results.units.entries())
      await service.updateUnit(deps, partner, unit.id, {
        version: unit.version,
        ratings: { completion: COMPLETION[i % COMPLETION.length], earlyResults: EARLY[i % EARLY.length] },
        evidence: both('主辦機關進度報告與推動小組會議紀錄。', 'The lead agency’s progress reports and the forum’s minutes.'),
      });
    const now = new Date();
    clock = now;
    await service.openCommentPeriod(deps, partner, results.report.id, results.report.version);
    // A comment on one unit of the results report, waiting for the reviewers' answer.
    const firstUnit = results.units[0];
    if (firstUnit)
      await postInput({ db, now: () => clock, demo: true }, civilSociety, opts.planId, {
        kind: 'comment',
        targetType: 'review-unit',
        targetId: firstUnit.id,
        body: '此承諾的資料開放平臺已上線，但資料更新頻率未達承諾，評為「大部分完成」是否過高？',
        lang: 'zh',
      });
    await service.addInterview(deps, partner, engagement.id, {
      heldOn: '2025-05-12',
      stakeholderGroup: 'civil-society',
      consentToBeNamed: false,
      notes: '受訪者表示工作小組會議資訊公開，但會議時間不利上班族參與。',
    });
  });
  // OGP Local: a demonstration city's plan and its Local Monitoring Body.
  await seedDemoLocalReview(db);
}
