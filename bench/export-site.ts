/**
 * A generated site at Decidim's scale for the export benchmark (issue #14): Decidim reports about 15 minutes and
 * 1.5 GB to export 12,000 results and 17,000 proposals. Here: 10 plans of 5 areas; 4,000 commitments with 2
 * milestones each (12,000 commitments and milestones in all); 17,000 public inputs, half of them answered. Texts are
 * of a real commitment's length in both languages, so the bytes written are a real export's.
 *
 * Written with set-based SQL (generate_series) on an empty, migrated database: the generator is not what is measured.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.js';

export const SITE_SCALE = { plans: 10, areasPerPlan: 5, commitments: 4_000, milestonesPerCommitment: 2, inputs: 17_000, agencies: 40 } as const;

/** A localized text of about `chars` characters in each language, varied by the row's number. */
function textSql(zh: string, en: string, repeat: number): string {
  return `jsonb_build_object('zh', repeat('${zh}', ${repeat}) || g::text, 'en', repeat('${en} ', ${repeat}) || g::text, 'status', 'reviewed')`;
}

export async function generateSite(db: Db): Promise<void> {
  const s = SITE_SCALE;
  const perPlan = s.commitments / s.plans;
  const statements = [
    `INSERT INTO members (code, kind, name) VALUES ('bench', 'national', '{"zh": "基準測試", "en": "Benchmark", "status": "reviewed"}')`,
    `INSERT INTO agencies (code, name) SELECT 'A' || g, ${textSql('機關', 'Agency', 1)} FROM generate_series(1, ${s.agencies}) g`,
    `INSERT INTO action_plans (slug, member_id, title, period_start, period_end, status, introduction, efforts_to_date,
       development_process, commitments_intro)
     SELECT 'bench-' || g, (SELECT id FROM members WHERE code = 'bench'), ${textSql('國家行動方案', 'National Action Plan', 1)},
       date '2021-01-01' + (g * 30), date '2024-12-31' + (g * 30), 'implementing',
       ${textSql('本方案之緒論與背景說明。', 'Introduction and background of the plan.', 20)},
       ${textSql('過去推動開放政府之成果。', 'What was done for open government so far.', 20)},
       ${textSql('共創過程與參與情形。', 'How the plan was co-created and who took part.', 20)},
       ${textSql('承諾事項之說明。', 'About the commitments.', 5)}
     FROM generate_series(1, ${s.plans}) g`,
    `INSERT INTO areas (plan_id, position, title, description)
     SELECT p.id, g, ${textSql('主題', 'Area', 1)}, ${textSql('主題說明。', 'What the area is about.', 10)}
     FROM action_plans p CROSS JOIN generate_series(1, ${s.areasPerPlan}) g WHERE p.slug LIKE 'bench-%'`,
    `INSERT INTO commitments (plan_id, area_id, number, title, start_date, end_date, lead_agency_id, other_actors, problem,
       objective, brief_description, description, contribution, ogp_values, budget_note, origin, status)
     SELECT p.id, a.id, (1 + (g - 1) % ${s.areasPerPlan}) || '-' || ((g - 1) / ${s.areasPerPlan} + 1),
       ${textSql('推動資料開放與公共參與', 'Open data and public participation', 2)}, p.period_start, p.period_end,
       (SELECT id FROM agencies ORDER BY id OFFSET (g % ${s.agencies}) LIMIT 1),
       ${textSql('民間團體', 'Civil society organisations', 3)},
       ${textSql('待解決之公共問題說明。', 'The public problem the commitment addresses.', 15)},
       ${textSql('承諾事項之目標。', 'What the commitment sets out to achieve.', 10)},
       ${textSql('簡要說明。', 'In brief.', 10)},
       ${textSql('承諾事項之詳細說明與執行方式。', 'What will be done, and how.', 40)},
       ${textSql('與開放政府價值之關聯。', 'Its relevance to open-government values.', 10)},
       '["transparency", "civic-participation"]'::jsonb, ${textSql('預算說明', 'Budget note', 1)}, 'joint', 'in-progress'
     FROM action_plans p CROSS JOIN generate_series(1, ${perPlan}) g
     JOIN areas a ON a.plan_id = p.id AND a.position = 1 + (g - 1) % ${s.areasPerPlan}
     WHERE p.slug LIKE 'bench-%'`,
    `INSERT INTO milestones (commitment_id, position, deliverable, indicator, target, start_date, end_date)
     SELECT c.id, g, ${textSql('完成資料集開放與說明文件', 'Publish the datasets with their documentation', 3)},
       ${textSql('開放資料集數量', 'Datasets published', 2)}, ${textSql('至少十項', 'At least ten', 1)},
       c.start_date, c.end_date
     FROM commitments c CROSS JOIN generate_series(1, ${s.milestonesPerCommitment}) g`,
    `INSERT INTO inputs (plan_id, kind, target_type, target_id, commitment_id, author_name, source, lang, body,
       state, agency_id, response_state, response_reason, responded_by_name, responded_at, submitted_at)
     SELECT c.plan_id, 'comment', 'commitment', c.id, c.id, '參與者 ' || g, 'join', 'zh',
       repeat('建議機關公開更多資料並說明執行進度。', 8) || g, 'published', c.lead_agency_id,
       CASE WHEN g % 2 = 0 THEN 'partly-adopted' ELSE 'pending' END,
       CASE WHEN g % 2 = 0 THEN ${textSql('機關回應與理由。', 'The agency’s answer and its reasons.', 8)}
            ELSE '{"zh": "", "en": "", "status": "missing"}'::jsonb END,
       CASE WHEN g % 2 = 0 THEN '承辦人' ELSE '' END,
       CASE WHEN g % 2 = 0 THEN timestamptz '2022-03-01' + g * interval '1 minute' END,
       timestamptz '2022-01-01' + g * interval '1 minute'
     FROM generate_series(1, ${s.inputs}) g
     JOIN commitments c ON c.id = (SELECT min(id) FROM commitments) + (g % ${s.commitments})`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
