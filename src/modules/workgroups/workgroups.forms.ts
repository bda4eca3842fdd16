/**
 * Form codecs of working groups, beside their schemas: the values a form starts empty with, the posted form as the
 * schema's input, and a stored group or a re-shown post as the values the form shows (text, as the controls hold it).
 */
import { emptyLocalized, type Localized } from '../../domain/localized.js';
import { firstValue, idText, listValue, postedRecord, postedValues, type PostedForm } from '../../web/forms.js';
import { SURVEY_ANSWERS, type SurveyAnswer, type SurveyResponse, type WorkingGroup } from './workgroups.model.js';

export interface WorkingGroupFormValues {
  slug: string;
  kind: string;
  name: Localized;
  purpose: Localized;
  rules: Localized;
  /** Checkbox values: commitment ids. */
  commitmentIds: string[];
  chair: { name: Localized; agencyId: string; userId: string };
  coChair: { name: Localized; userId: string };
  /** 'true' or 'false', as the select holds it. */
  open: string;
  closedReason: Localized;
  version?: number;
}

/** A posted yes/no control ('true', or a ticked box's 'on') as the API's boolean; absent stays absent. */
const postedBoolean = (value: unknown): boolean | undefined => {
  const text = firstValue(Array.isArray(value) ? value[value.length - 1] : value);
  return text === undefined ? undefined : text === 'true' || text === 'on';
};

export const workingGroupForm = {
  empty: (rules: Localized = emptyLocalized()): WorkingGroupFormValues => ({
    slug: '',
    kind: 'commitment',
    name: emptyLocalized(),
    purpose: emptyLocalized(),
    rules,
    commitmentIds: [],
    chair: { name: emptyLocalized(), agencyId: '', userId: '' },
    coChair: { name: emptyLocalized(), userId: '' },
    open: 'true',
    closedReason: emptyLocalized(),
  }),
  values: (g: WorkingGroup): WorkingGroupFormValues => ({
    slug: g.slug,
    kind: g.kind,
    name: g.name,
    purpose: g.purpose,
    rules: g.rules,
    commitmentIds: g.commitmentIds.map(String),
    chair: { name: g.chair.name, agencyId: idText(g.chair.agencyId), userId: idText(g.chair.userId) },
    coChair: { name: g.coChair.name, userId: idText(g.coChair.userId) },
    open: String(g.open),
    closedReason: g.closedReason,
    version: g.version,
  }),
  /** The open select and the commitment checkboxes as the API has them; a chair's form sends neither kind nor commitments. */
  input: (body: PostedForm): PostedForm => {
    const { open, commitmentIds, ...rest } = body;
    return {
      ...rest,
      ...(open === undefined ? {} : { open: postedBoolean(open) }),
      ...(commitmentIds === undefined ? {} : { commitmentIds: listValue(commitmentIds) }),
    };
  },
  posted: (body: PostedForm, shown: WorkingGroupFormValues): WorkingGroupFormValues => postedValues(body, shown),
};

/** The join button's form: the roster consent box, unticked unless the person ticks it. */
export const joinForm = { input: (body: PostedForm): PostedForm => ({ listed: postedBoolean(body.listed) ?? false }) };

/** One-button forms that post a yes/no as a hidden field: the member's listing, a moderator's take-down. */
export const yesNoForm = (field: 'listed' | 'hidden') => ({ input: (body: PostedForm): PostedForm => ({ [field]: postedBoolean(body[field]) }) });

/** The survey: one radio group per working group (`answer.<id>`); an empty choice is no answer. */
export type SurveyFormValues = Map<number, SurveyAnswer>;

export const surveyForm = {
  values: (answers: readonly SurveyResponse[]): SurveyFormValues => new Map(answers.map((a) => [a.workingGroupId, a.answer])),
  input: (body: PostedForm): PostedForm => ({
    answers: Object.entries(postedRecord(body.answer))
      .map(([id, answer]) => ({ workingGroupId: id, answer: firstValue(answer) ?? '' }))
      .filter((a) => a.answer !== ''),
  }),
  posted: (body: PostedForm): SurveyFormValues => {
    const values: SurveyFormValues = new Map();
    for (const [id, answer] of Object.entries(postedRecord(body.answer))) {
      const known = SURVEY_ANSWERS.find((a) => a === firstValue(answer));
      if (known && /^\d+$/.test(id)) values.set(Number(id), known);
    }
    return values;
  },
};
