/**
 * Form codecs of consultations, inputs and responses: the values a form starts with, the posted form as the schema's
 * input (a "type:id" target split in two; empty optional fields left out), and a re-shown post as the values typed.
 */
import { emptyLocalized } from '../../domain/localized.js';
import { firstValue, postedRecord, postedText, type PostedForm } from '../../web/forms.js';
import type { Consultation, Input } from './participation.model.js';
import type { ConsultationFormValues } from './views/consultations.js';
import type { ResponseFormValues } from './views/input-page.js';
import type { NewInputValues } from './views/new-input.js';

const textOf = (value: unknown) => firstValue(value) ?? '';

/** "commitment:12" → its type and id; anything else is left for the schema to refuse. */
export function splitTarget(target: string): { targetType: string; targetId: string } | undefined {
  const match = /^([a-z]+(?:-[a-z]+)?):(\d{1,9})$/.exec(target.trim());
  return match ? { targetType: match[1]!, targetId: match[2]! } : undefined;
}

/** Taipei's wall clock for a datetime-local control. */
export const localTimeText = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);

export const newInputForm = {
  empty: (kind: 'comment' | 'proposal', target: string, consultationId: string, lang: string): NewInputValues => ({
    kind,
    target,
    consultationId,
    body: '',
    lang,
    proposal: { title: '', problem: '', suggestedAction: '', proposedAgencyId: '' },
  }),
  input: (body: PostedForm): PostedForm => {
    const target = splitTarget(textOf(body.target));
    const proposal = postedRecord(body.proposal);
    const kind = textOf(body.kind) || 'comment';
    return {
      kind,
      targetType: target?.targetType ?? textOf(body.target),
      targetId: target?.targetId ?? '',
      ...(textOf(body.consultationId) ? { consultationId: textOf(body.consultationId) } : {}),
      body: textOf(body.body),
      ...(textOf(body.lang) ? { lang: textOf(body.lang) } : {}),
      ...(kind === 'proposal'
        ? {
            proposal: {
              title: textOf(proposal.title),
              problem: textOf(proposal.problem),
              suggestedAction: textOf(proposal.suggestedAction),
              proposedAgencyId: textOf(proposal.proposedAgencyId),
            },
          }
        : {}),
      website: textOf(body.website),
    };
  },
  posted: (body: PostedForm, shown: NewInputValues): NewInputValues => {
    const proposal = postedRecord(body.proposal);
    return {
      ...shown,
      target: postedText(body.target, shown.target),
      body: postedText(body.body, shown.body),
      lang: postedText(body.lang, shown.lang),
      proposal: {
        title: postedText(proposal.title, shown.proposal.title),
        problem: postedText(proposal.problem, shown.proposal.problem),
        suggestedAction: postedText(proposal.suggestedAction, shown.proposal.suggestedAction),
        proposedAgencyId: postedText(proposal.proposedAgencyId, shown.proposal.proposedAgencyId),
      },
    };
  },
};

/** The words of a reply or an edit, with the language and the honeypot. */
export const wordsInput = (body: PostedForm): PostedForm => ({
  body: textOf(body.body),
  ...(textOf(body.lang) ? { lang: textOf(body.lang) } : {}),
  ...(body.website !== undefined ? { website: textOf(body.website) } : {}),
});

export const editForm = {
  input: (body: PostedForm): PostedForm => ({ body: textOf(body.body), version: textOf(body.version) }),
};

export const responseForm = {
  values: (i: Input): ResponseFormValues => ({
    state: i.response.state,
    reason: i.response.reason,
    referredTo: i.response.referredTo,
    changeHistoryId: i.response.changeHistoryId === null ? '' : String(i.response.changeHistoryId),
  }),
  input: (body: PostedForm): PostedForm => {
    const reason = postedRecord(body.reason);
    return {
      state: textOf(body.state),
      reason: { zh: textOf(reason.zh), en: textOf(reason.en), ...(textOf(reason.status) ? { status: textOf(reason.status) } : {}) },
      referredTo: textOf(body.referredTo),
      changeHistoryId: textOf(body.changeHistoryId),
      version: textOf(body.version),
    };
  },
  posted: (body: PostedForm, shown: ResponseFormValues): ResponseFormValues => {
    const reason = postedRecord(body.reason);
    return {
      state: postedText(body.state, shown.state),
      reason: { zh: postedText(reason.zh, shown.reason.zh), en: postedText(reason.en, shown.reason.en), status: shown.reason.status },
      referredTo: postedText(body.referredTo, shown.referredTo),
      changeHistoryId: postedText(body.changeHistoryId, shown.changeHistoryId),
    };
  },
};

export const consultationForm = {
  empty: (planId: number): ConsultationFormValues => ({
    targetType: 'plan',
    targetId: String(planId),
    section: '',
    title: emptyLocalized(),
    question: emptyLocalized(),
    audience: 'public',
    opensAt: '',
    closesAt: '',
    phaseId: '',
  }),
  values: (c: Consultation): ConsultationFormValues => ({
    targetType: c.targetType,
    targetId: String(c.targetId),
    section: c.section ?? '',
    title: c.title,
    question: c.question,
    audience: c.audience,
    opensAt: localTimeText(c.opensAt),
    closesAt: localTimeText(c.closesAt),
    phaseId: c.phaseId === null ? '' : String(c.phaseId),
  }),
  input: (body: PostedForm): PostedForm => {
    const out: PostedForm = { ...body };
    if (textOf(body.targetType) !== 'section') delete out.section;
    return out;
  },
  posted: (body: PostedForm, shown: ConsultationFormValues): ConsultationFormValues => {
    const title = postedRecord(body.title);
    const question = postedRecord(body.question);
    return {
      targetType: postedText(body.targetType, shown.targetType),
      targetId: postedText(body.targetId, shown.targetId),
      section: postedText(body.section, shown.section),
      title: { zh: postedText(title.zh, shown.title.zh), en: postedText(title.en, shown.title.en), status: shown.title.status },
      question: { zh: postedText(question.zh, shown.question.zh), en: postedText(question.en, shown.question.en), status: shown.question.status },
      audience: postedText(body.audience, shown.audience),
      opensAt: postedText(body.opensAt, shown.opensAt),
      closesAt: postedText(body.closesAt, shown.closesAt),
      phaseId: postedText(body.phaseId, shown.phaseId),
    };
  },
};
