/**
 * The demo repository: for the first six plenaries of the demo plan's forum, the agenda (a week before) and the
 * minutes (two weeks after), as links where the secretariat publishes them; one study, another country's plan in
 * translation. Each is added on its own date, through the service, as the secretariat would; all of it or nothing.
 * Illustrative only (marked demo): the links go to the publishers' sites, not to these exact documents.
 */
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import { registerPolicy } from '../../domain/authorization.js';
import { systemActor } from '../../domain/system-actor.js';
import { listMeetings } from '../forum/index.js';
import type { DocumentKind, DocumentLanguage } from './repository.model.js';
import { repositoryPolicy } from './repository.policy.js';
import * as q from './repository.queries.js';
import { addDocument } from './repository.service.js';

const SECRETARIAT_SITE = 'https://www.ndc.gov.tw/';

const shift = (day: string, days: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Added to the repository on the document's date, at 10:00 in Taiwan. */
const addedOn = (day: string) => new Date(`${day}T02:00:00Z`);

export async function seedDemoRepository(db: Db, opts: { planId: number }): Promise<void> {
  registerPolicy(repositoryPolicy);
  if ((await q.listDocuments(db, { planId: opts.planId }, { limit: 1, offset: 0 })).total > 0) return;
  const plenaries = (await listMeetings(db, opts.planId))
    .filter((m) => m.kind === 'plenary')
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
    .slice(0, 6);
  const secretariat = systemActor('國家發展委員會（推動小組幕僚）', 'secretariat');
  const docs: {
    kind: DocumentKind;
    language: DocumentLanguage;
    date: string;
    title: { zh: string; en: string };
    description?: { zh: string; en: string };
    meetingId?: number;
    url: string;
  }[] = [];
  for (const m of plenaries) {
    docs.push({
      kind: 'agenda',
      language: 'zh-TW',
      date: shift(m.heldOn, -7),
      title: { zh: `${m.title.zh}議程`, en: `Agenda: ${m.title.en}` },
      meetingId: m.id,
      url: SECRETARIAT_SITE,
    });
    docs.push({
      kind: 'minutes',
      language: 'zh-TW',
      date: shift(m.heldOn, 14),
      title: { zh: `${m.title.zh}會議紀錄`, en: `Minutes: ${m.title.en}` },
      description: { zh: '含決議事項與持續列管事項。', en: 'With the resolutions and the items kept under tracking.' },
      meetingId: m.id,
      url: SECRETARIAT_SITE,
    });
  }
  docs.push({
    kind: 'study',
    language: 'bilingual',
    date: '2022-03-15',
    title: { zh: '開放政府參與及共創標準（2022）重點摘譯', en: 'OGP Participation and Co-Creation Standards (2022): key points in Chinese' },
    url: 'https://www.opengovpartnership.org/ogp-participation-co-creation-standards/',
  });
  docs.push({
    kind: 'plan-translation',
    language: 'zh-TW',
    date: '2022-06-30',
    title: { zh: '南韓第五期開放政府國家行動方案（中文摘譯）', en: 'Republic of Korea’s fifth national action plan (Chinese summary)' },
    url: 'https://www.opengovpartnership.org/members/republic-of-korea/',
  });
  await inOneTransaction(db, async (db) => {
    for (const d of docs)
      await addDocument({ db, now: () => addedOn(d.date), demo: { addedAt: addedOn(d.date) } }, secretariat, {
        kind: d.kind,
        language: d.language,
        date: d.date,
        title: { ...d.title, status: 'reviewed' },
        description: d.description ? { ...d.description, status: 'reviewed' } : undefined,
        planId: opts.planId,
        meetingId: d.meetingId ?? null,
        url: d.url,
      });
  });
}
