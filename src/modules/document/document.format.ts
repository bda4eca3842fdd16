/**
 * How the plan document words its parts, the same in the page and in the ODT: the template's rows of a commitment,
 * area numbers (一、二、… in Chinese), budgets, contacts, the table of contents. Plain strings; each format escapes them.
 */
import { pick, type Lang, type Localized } from '../../domain/localized.js';
import type { Agency, Commitment } from '../../domain/plan.js';
import { t, type MessageKey } from '../../web/i18n.js';
import { clauseSeparator, formatPeriod, listSeparator } from '../../web/ui/index.js';
import { documentAnchors } from './document.paths.js';
import type { PlanDocument } from './document.reads.js';

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五; beyond 99, Arabic figures. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return CHINESE_DIGITS[ones] ?? String(n);
  return `${tens === 1 ? '' : (CHINESE_DIGITS[tens] ?? '')}十${ones === 0 ? '' : (CHINESE_DIGITS[ones] ?? '')}`;
}

export const areaHeading = (position: number, title: Localized, lang: Lang): string =>
  t(lang, 'document.areaHeading', { number: lang === 'en' ? String(position) : chineseNumber(position), title: pick(title, lang) });

export const commitmentHeading = (c: Pick<Commitment, 'number' | 'title'>, lang: Lang): string =>
  t(lang, 'document.commitmentHeading', { number: c.number, title: pick(c.title, lang) });

const none = (lang: Lang) => t(lang, 'commitment.none');

/** One row of the template's table: its label and its text (paragraphs separated by blank lines). */
export interface TemplateRow {
  label: string;
  /** The text, or the value a localized field holds (shown in the other language when this one is missing). */
  text: string | Localized;
}

export function agencyName(agencies: ReadonlyMap<number, Agency>, id: number, lang: Lang): string {
  const agency = agencies.get(id);
  return agency ? pick(agency.name, lang) : none(lang);
}

function budgetText(c: Commitment, lang: Lang): string {
  const amount = c.budgetAmount !== null ? `${c.budgetCurrency ?? ''} ${Number(c.budgetAmount).toLocaleString(lang)}`.trim() : '';
  const note = pick(c.budgetNote, lang);
  return [amount, note].filter(Boolean).join(clauseSeparator(lang)) || none(lang);
}

const orNone = (value: Localized, lang: Lang): string | Localized => (pick(value, lang) ? value : none(lang));

/** A commitment in the OGP template's order (DOMAIN.md, "A commitment"), in the page's language. */
export function templateRows(c: Commitment, agencies: ReadonlyMap<number, Agency>, lang: Lang): TemplateRow[] {
  const label = (key: MessageKey) => t(lang, key);
  const contact = [c.contact.name, c.contact.title, c.contact.email, c.contact.phone].filter(Boolean).join(listSeparator(lang));
  return [
    c.ogpId ? { label: label('commitment.ogpId'), text: c.ogpId } : null,
    { label: label('commitment.leadAgency'), text: agencyName(agencies, c.leadAgencyId, lang) },
    {
      label: label('commitment.coAgencies'),
      text: c.coAgencyIds.length > 0 ? c.coAgencyIds.map((id) => agencyName(agencies, id, lang)).join(listSeparator(lang)) : none(lang),
    },
    { label: label('commitment.dates'), text: formatPeriod(c.startDate, c.endDate, lang) },
    { label: label('commitment.contact'), text: contact || none(lang) },
    { label: label('commitment.otherActors'), text: orNone(c.otherActors, lang) },
    { label: label('commitment.problem'), text: orNone(c.problem, lang) },
    { label: label('commitment.objective'), text: orNone(c.objective, lang) },
    { label: label('commitment.briefDescription'), text: orNone(c.briefDescription, lang) },
    { label: label('commitment.description'), text: orNone(c.description, lang) },
    { label: label('commitment.contribution'), text: orNone(c.contribution, lang) },
    {
      label: label('commitment.ogpValues'),
      text: c.ogpValues.length > 0 ? c.ogpValues.map((v) => t(lang, `value.${v}`)).join(listSeparator(lang)) : none(lang),
    },
    { label: label('commitment.sdgTargets'), text: c.sdgTargets.length > 0 ? c.sdgTargets.join(', ') : none(lang) },
    { label: label('commitment.budget'), text: budgetText(c, lang) },
    { label: label('commitment.origin'), text: t(lang, `origin.${c.origin}`) },
    c.links.length > 0 ? { label: label('commitment.links'), text: c.links.map((l) => (l.title ? `${l.title} ${l.url}` : l.url)).join('\n\n') } : null,
  ].filter((row): row is TemplateRow => row !== null);
}

/** The table of contents: the plan's sections, then each area with its commitments. */
export interface TocEntry {
  anchor: string;
  label: string;
  children: TocEntry[];
}

export function tableOfContents(doc: PlanDocument, lang: Lang): TocEntry[] {
  const leaf = (anchor: string, key: MessageKey): TocEntry => ({ anchor, label: t(lang, key), children: [] });
  return [
    leaf(documentAnchors.introduction, 'plan.introduction'),
    leaf(documentAnchors.effortsToDate, 'plan.effortsToDate'),
    leaf(documentAnchors.developmentProcess, 'plan.developmentProcess'),
    {
      anchor: documentAnchors.commitments,
      label: t(lang, 'plan.commitments'),
      children: doc.areas.map(({ area, commitments }) => ({
        anchor: documentAnchors.area(area),
        label: areaHeading(area.position, area.title, lang),
        children: commitments.map(({ commitment }) => ({
          anchor: documentAnchors.commitment(commitment.number),
          label: commitmentHeading(commitment, lang),
          children: [],
        })),
      })),
    },
  ];
}
