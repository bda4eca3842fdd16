/**
 * The demo self-assessment (issue #13, item 10): the secretariat's end-of-term self-assessment (2024) of the 2021–2024
 * plan, started in June 2024 after the plan ended, from the monitoring's statuses, with narratives for the first commitments; a civil-society
 * comment on the draft, answered by the secretariat; published once the two weeks closed. Every write goes through the
 * services on the story's dates. Illustrative only: not the government's real self-assessment.
 */
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import { registerPolicy } from '../../domain/authorization.js';
import { systemActor } from '../../domain/system-actor.js';
import { postInput, respondToInput } from '../participation/index.js';
import { selfAssessmentPolicy } from './selfassessment.policy.js';
import * as q from './selfassessment.queries.js';
import * as service from './selfassessment.service.js';

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const both = (zh: string, en: string) => ({ zh, en, status: 'reviewed' as const });

export async function seedDemoSelfAssessment(db: Db, opts: { planId: number }): Promise<void> {
  registerPolicy(selfAssessmentPolicy);
  if ((await q.listAssessments(db, opts.planId)).length > 0) return;
  const secretariat = systemActor('國家發展委員會（推動小組幕僚）', 'secretariat');
  const civilSociety = systemActor('開放政府公民團體（示範）', 'public');
  await inOneTransaction(db, async (db) => {
    let clock = at('2024-06-10');
    const deps = { db, now: () => clock, demo: true };
    const whole = await service.createSelfAssessment(deps, secretariat, opts.planId, {
      year: 2024,
      title: both(
        '2024 年政府自評（期末）：第一期開放政府國家行動方案',
        'The government’s end-of-term self-assessment (2024): the first Open Government National Action Plan',
      ),
      summary: both(
        '各主辦機關依最後一期進度報告自評；多數承諾事項已完成，數項仍在進行。',
        'Each lead agency assessed its commitments from its last progress report; most are complete and several are still in progress.',
      ),
    });
    for (const entry of whole.entries.slice(0, 5))
      await service.updateEntry(deps, secretariat, entry.id, {
        version: entry.version,
        narrative: both(
          '依最近一期進度報告，里程碑按時程推動；詳見進度報告。',
          'As the latest progress report shows, the milestones are on schedule; see the report.',
        ),
      });
    clock = at('2024-06-15');
    const opened = await service.openCommentPeriod(deps, secretariat, whole.assessment.id, (await q.findAssessment(db, whole.assessment.id))?.version ?? 1);
    clock = at('2024-06-20');
    const comment = await postInput({ db, now: () => clock, demo: true }, civilSociety, opts.planId, {
      kind: 'comment',
      targetType: 'self-assessment',
      targetId: opened.id,
      body: '建議自評說明各承諾事項與民間討論的情形，而不只列出進度。',
      lang: 'zh',
    });
    clock = at('2024-06-26');
    await respondToInput({ db, now: () => clock, demo: true }, secretariat, comment.id, {
      state: 'adopted',
      reason: both('已請各主辦機關在說明中補充與民間討論的情形。', 'Each lead agency was asked to add how it worked with civil society to its narrative.'),
      version: comment.version,
    });
    clock = at('2024-07-01');
    await service.publishSelfAssessment(deps, secretariat, opened.id, opened.version);
  });
}
