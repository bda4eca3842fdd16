/**
 * The demo of OGP Local (issue #13): a demonstration city's plan, made here, with two commitments; its Local Monitoring
 * Body (an engagement whose reviewer holds that role) assessed the first a month after it ended and published the
 * assessment; the second ended on 2026-10-31, so its assessment is due by 2026-11-30. The city, its agency and its
 * plan are demonstration data, not a real government's.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import type { Actor } from '../../domain/authorization.js';
import { systemActor } from '../../domain/system-actor.js';
import { createUser } from '../accounts/index.js';
import { planQueries, planService } from '../plans/index.js';
import * as service from './review.service.js';

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const both = (zh: string, en: string) => ({ zh, en, status: 'reviewed' as const });
export const DEMO_CITY_PLAN = 'demo-city-2024-2026';

export async function seedDemoLocalReview(db: Db): Promise<void> {
  if (await planQueries.findPlanBySlug(db, DEMO_CITY_PLAN)) return;
  const secretariat = systemActor('示範市研考會（示範）', 'secretariat');
  const lmbId = await createUser({ db }, 'cli', {
    email: 'lmb@demo.cocreate.tw',
    displayName: '示範市地方監督小組（示範）',
    // A password nobody knows: sign-in is by reset if ever needed.
    password: randomBytes(18).toString('base64url'),
    role: 'public',
    agencyIds: [],
    isDemo: true,
  });
  await inOneTransaction(db, async (db) => {
    let clock = at('2024-05-01');
    const deps = { db, now: () => clock, demo: true };
    const memberId = await planQueries.insertMember(db, { code: 'DEMOCITY', kind: 'local', name: both('示範市（示範）', 'Demo City (demo)') });
    const agency = await planService.createAgency({ db, demo: true }, secretariat, {
      code: 'DCRDEC',
      name: both('示範市研究發展考核委員會（示範）', 'Demo City Research, Development and Evaluation Commission (demo)'),
    });
    const plan = await planService.createPlan({ db, demo: true }, secretariat, {
      slug: DEMO_CITY_PLAN,
      memberId,
      title: both('示範市開放政府行動方案（2024–2026，示範）', 'Demo City Open Government Action Plan (2024–2026, demo)'),
      periodStart: '2024-07-01',
      periodEnd: '2026-12-31',
    });
    const area = await planService.createArea({ db, demo: true }, secretariat, plan.id, { position: 1, title: both('市政透明', 'Open city hall') });
    const [first, second] = [
      { number: '1-1', title: both('市政會議資料開放', 'Open the city council’s meeting records'), endDate: '2025-06-30' },
      { number: '1-2', title: both('參與式預算擴及各區', 'Participatory budgeting in every district'), endDate: '2026-10-31' },
    ];
    const commitments = [];
    for (const c of [first, second].flatMap((x) => (x ? [x] : [])))
      commitments.push(
        await planService.createCommitment({ db, demo: true }, secretariat, plan.id, {
          areaId: area.id,
          number: c.number,
          title: c.title,
          startDate: '2024-07-01',
          endDate: c.endDate,
          leadAgencyId: agency.id,
          origin: 'joint',
        }),
      );

    const engagement = await service.createEngagement(deps, secretariat, {
      title: both('示範市地方監督小組', 'Demo City Local Monitoring Body'),
      termsOfReference: both(
        '依地方開放政府（OGP Local）的做法，於每項承諾事項完成一個月後評估其完成程度與是否促進政府開放。',
        'As OGP Local does it: assess each commitment one month after it completes, on its completion and whether it opened government.',
      ),
      periodStart: '2024-07-01',
      periodEnd: '2027-01-31',
      planIds: [plan.id],
    });
    await service.putReviewer(deps, secretariat, engagement.id, {
      userId: lmbId,
      role: 'local-monitoring-body',
      affiliations: both('示範市公民團體代表與學者（示範）', 'Civil-society representatives and scholars of Demo City (demo)'),
      interests: both('無。', 'None.'),
    });
    const lmb: Actor = {
      id: lmbId,
      displayName: '示範市地方監督小組（示範）',
      role: 'public',
      agencyIds: [],
      grants: [{ role: 'reviewer', scope: 'engagement', scopeId: engagement.id }],
    };

    // The first commitment ended on 2025-06-30: assessed in July, commented on, published before its due day.
    clock = at('2025-07-08');
    const assessment = await service.createReport(deps, lmb, engagement.id, {
      planId: plan.id,
      kind: 'end-of-commitment',
      commitmentId: commitments[0]?.id,
      title: both('承諾事項完成評估：1-1 市政會議資料開放', 'End-of-Commitment Assessment: 1-1 Open the city council’s meeting records'),
      overview: both(
        '會議紀錄與影音已依承諾公開，並有民間團體據以分析。',
        'The meeting records and videos are open as committed, and civil society has analysed them.',
      ),
    });
    const unit = assessment.units[0];
    if (unit)
      await service.updateUnit(deps, lmb, unit.id, {
        version: unit.version,
        ratings: { completion: 'complete', earlyResults: 'moderate' },
        evidence: both('市議會網站的開放資料與民間團體的分析報告。', 'The council website’s open data and a civil-society analysis.'),
      });
    clock = at('2025-07-10');
    const opened = await service.openCommentPeriod(deps, lmb, assessment.report.id, assessment.report.version);
    clock = at('2025-07-28');
    await service.publishReport(deps, lmb, opened.id, opened.version);
  });
}
