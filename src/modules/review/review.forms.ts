/**
 * Form codecs of independent review, beside its schemas: the values a form starts empty with, the posted form as the
 * schema's input, and a stored record or a re-shown post as the values the form shows (text, as the controls hold it).
 */
import { emptyLocalized, pick, type Lang, type Localized } from '../../domain/localized.js';
import type { ActionPlan } from '../../domain/plan.js';
import { listValue, postedRecord, postedText, type PostedForm } from '../../web/forms.js';
import type { Option } from '../../web/ui/index.js';
import type { Engagement } from './review.model.js';
import type { EngagementFormValues } from './views/review-forms.js';

export const postedLocal = (posted: unknown): Localized => ({ ...emptyLocalized(), ...postedRecord(posted) });

export const emptyEngagement: EngagementFormValues = {
  title: emptyLocalized(),
  termsOfReference: emptyLocalized(),
  periodStart: '',
  periodEnd: '',
  planIds: [],
  funding: [],
};

/** The plans an engagement may review, as its form's checkboxes. */
export const planOptionsOf = (plans: readonly ActionPlan[], lang: Lang): Option[] => plans.map((p) => ({ value: String(p.id), label: pick(p.title, lang) }));

/** A stored engagement as its edit form shows it. */
export const engagementValues = (e: Engagement): EngagementFormValues => ({
  title: e.title,
  termsOfReference: e.termsOfReference,
  periodStart: e.periodStart,
  periodEnd: e.periodEnd,
  planIds: e.planIds.map(String),
  funding: e.funding.map((f) => ({ source: f.source, sector: f.sector, sharePercent: String(f.sharePercent) })),
});

/** The funding rows as posted (`funding.0.source.zh` …), without the empty ones, as the service takes them. */
export function engagementInputOf(body: PostedForm): PostedForm {
  const rows = postedRecord(body.funding);
  const funding = Object.keys(rows)
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => postedRecord(rows[k]))
    .filter((r) => {
      const source = postedRecord(r.source);
      return [source.zh, source.en, r.sector, r.sharePercent].some((v) => postedText(v, '').trim() !== '');
    })
    .map((r) => ({ source: postedRecord(r.source), sector: postedText(r.sector, ''), sharePercent: Number(postedText(r.sharePercent, '').trim() || NaN) }));
  return { ...body, planIds: listValue(body.planIds) ?? [], funding, termsOfReference: postedRecord(body.termsOfReference) };
}

/** A refused engagement post, shown again as it was typed. */
export function engagementValuesOf(body: PostedForm): EngagementFormValues {
  const rows = postedRecord(body.funding);
  return {
    title: postedLocal(body.title),
    termsOfReference: postedLocal(body.termsOfReference),
    periodStart: postedText(body.periodStart, ''),
    periodEnd: postedText(body.periodEnd, ''),
    planIds: listValue(body.planIds) ?? [],
    funding: Object.keys(rows)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => postedRecord(rows[k]))
      .map((r) => ({ source: postedLocal(r.source), sector: postedText(r.sector, ''), sharePercent: postedText(r.sharePercent, '') })),
  };
}

/** A reviewer's own declaration as its form shows it. */
export interface DeclarationFormValues {
  affiliations: Localized;
  interests: Localized;
}

/** An interview as its form holds it: text, and the consent box's values ('true' when ticked). */
export interface InterviewFormValues {
  heldOn: string;
  stakeholderGroup: string;
  consentToBeNamed: string[];
  interviewee: string;
  notes: string;
}

export const emptyInterview: InterviewFormValues = { heldOn: '', stakeholderGroup: '', consentToBeNamed: [], interviewee: '', notes: '' };

const consentOf = (posted: unknown): string[] => (listValue(posted) ?? []).filter((v) => v === 'true');

/** The interview as posted, as the service takes it: the consent box as a boolean (unticked: false). */
export const interviewInputOf = (body: PostedForm): PostedForm => ({ ...body, consentToBeNamed: consentOf(body.consentToBeNamed).length > 0 });

/** A refused interview post, shown again as it was typed. */
export const interviewValuesOf = (body: PostedForm): InterviewFormValues => ({
  heldOn: postedText(body.heldOn, ''),
  stakeholderGroup: postedText(body.stakeholderGroup, ''),
  consentToBeNamed: consentOf(body.consentToBeNamed),
  interviewee: postedText(body.interviewee, ''),
  notes: postedText(body.notes, ''),
});
