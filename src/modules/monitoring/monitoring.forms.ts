/**
 * The monitoring module's form codecs, beside its schemas. For each form: the values it starts empty with, the posted
 * form as the schema's input, a stored record as the values the form shows, and a post shown again. Values are what
 * the controls hold (text), so a form shown again keeps what was typed even where it did not parse; only the schema
 * turns text into the typed input the service takes (an empty count, date or amount is "none" there, for the API too).
 */
import { emptyLocalized, type Localized } from '../../domain/localized.js';
import {
  DEFAULT_CYCLE_OPTIONS,
  newMilestoneProgress,
  newReportContent,
  type CycleOptions,
  type MilestoneProgress,
  type ProgressReport,
  type ReportContent,
  type ReviewCycle,
} from '../../domain/monitoring.js';
import { firstValue, formFieldOf, postedLocalized, postedRecord, postedText, type PostedForm } from '../../web/forms.js';

const numberText = (n: number | null): string => (n === null ? '' : String(n));

/** Form fields `milestones.<i>.x` arrive as an object keyed by index; in index order, they are the API's list. */
const inIndexOrder = (posted: PostedForm): unknown[] =>
  Object.entries(posted)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, entry]) => entry);

// ------------------------------------------------------------------ cycles, generated from the plan period

export interface CycleGenerateFormValues {
  intervalMonths: string;
  dueAfterDays: string;
  reviewAfterDays: string;
}

const cycleOptionsText = (o: CycleOptions): CycleGenerateFormValues => ({
  intervalMonths: String(o.intervalMonths),
  dueAfterDays: String(o.dueAfterDays),
  reviewAfterDays: String(o.reviewAfterDays),
});

/** The generate form posts the API's fields as they are: no input step. */
export const cycleGenerateForm = {
  empty: (): CycleGenerateFormValues => cycleOptionsText(DEFAULT_CYCLE_OPTIONS),
  posted: (body: PostedForm, shown: CycleGenerateFormValues): CycleGenerateFormValues => ({
    intervalMonths: postedText(body.intervalMonths, shown.intervalMonths),
    dueAfterDays: postedText(body.dueAfterDays, shown.dueAfterDays),
    reviewAfterDays: postedText(body.reviewAfterDays, shown.reviewAfterDays),
  }),
};

// ------------------------------------------------------------------ one cycle's dates

export interface CycleFormValues {
  startsOn: string;
  endsOn: string;
  reportDue: string;
  /** Empty: no review date planned. */
  reviewOn: string;
  version: number;
}

/** The cycle form posts the API's fields as they are: no input step. */
export const cycleForm = {
  values: (c: ReviewCycle): CycleFormValues => ({
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    reportDue: c.reportDue,
    reviewOn: c.reviewOn ?? '',
    version: c.version,
  }),
  posted: (body: PostedForm, shown: CycleFormValues): CycleFormValues => ({
    ...shown,
    startsOn: postedText(body.startsOn, shown.startsOn),
    endsOn: postedText(body.endsOn, shown.endsOn),
    reportDue: postedText(body.reportDue, shown.reportDue),
    reviewOn: postedText(body.reviewOn, shown.reviewOn),
  }),
};

// ------------------------------------------------------------------ a progress report

export interface MilestoneEntryValues {
  milestoneId: string;
  status: string;
  percent: string;
  reason: Localized;
}

export interface ReportFormValues {
  /** Empty: no cycle chosen yet. */
  cycleId: string;
  achievements: Localized;
  participation: Localized;
  civilSocietyParticipants: string;
  governmentParticipants: string;
  problems: Localized;
  nextSteps: Localized;
  budgetSpent: string;
  budgetCurrency: string;
  budgetNote: Localized;
  /** The entries the report has or the form posted; a milestone without one shows `milestoneEntry`'s defaults. */
  milestones: MilestoneEntryValues[];
  version?: number;
}

const entryValues = (e: MilestoneProgress): MilestoneEntryValues => ({
  milestoneId: String(e.milestoneId),
  status: e.status,
  percent: String(e.percent),
  reason: e.reason,
});

const contentValues = (cycleId: string, c: ReportContent): ReportFormValues => ({
  cycleId,
  achievements: c.achievements,
  participation: c.participation,
  civilSocietyParticipants: numberText(c.civilSocietyParticipants),
  governmentParticipants: numberText(c.governmentParticipants),
  problems: c.problems,
  nextSteps: c.nextSteps,
  budgetSpent: c.budgetSpent ?? '',
  budgetCurrency: c.budgetCurrency ?? '',
  budgetNote: c.budgetNote,
  milestones: c.milestones.map(entryValues),
});

/** The currency a new report's form suggests; the API leaves it unset. */
const SUGGESTED_CURRENCY = 'TWD';

export const reportForm = {
  /** A new report's form: in the cycle asked for or the current one, if any. */
  empty: (cycle: Pick<ReviewCycle, 'id'> | undefined): ReportFormValues => ({
    ...contentValues(cycle ? String(cycle.id) : '', newReportContent()),
    budgetCurrency: SUGGESTED_CURRENCY,
  }),
  values: (r: ProgressReport): ReportFormValues => ({ ...contentValues(String(r.cycleId), r), version: r.version }),
  /** A milestone's entry as the form shows it: the one in `values`, else a new one. */
  milestoneEntry: (values: ReportFormValues, milestoneId: number): MilestoneEntryValues =>
    values.milestones.find((e) => e.milestoneId === String(milestoneId)) ?? entryValues(newMilestoneProgress(milestoneId)),
  /** The milestone entries, posted as `milestones.<i>.*`, as the API's list. */
  input: (body: PostedForm): PostedForm => {
    const m = body.milestones;
    return m && typeof m === 'object' && !Array.isArray(m) ? { ...body, milestones: inIndexOrder(m as PostedForm) } : body;
  },
  /** Messages on a milestone entry stay on its own field (`milestones.0.reason`); others go to the form field. */
  fieldOf: (path: string): string => (path.startsWith('milestones.') ? path.split('.').slice(0, 3).join('.') : formFieldOf(path)),
  posted: (body: PostedForm, shown: ReportFormValues): ReportFormValues => {
    const entries = new Map(shown.milestones.map((e) => [e.milestoneId, e]));
    for (const posted of inIndexOrder(postedRecord(body.milestones)).map(postedRecord)) {
      const milestoneId = postedText(posted.milestoneId, '');
      const before = entries.get(milestoneId) ?? { ...entryValues(newMilestoneProgress(0)), milestoneId };
      entries.set(milestoneId, {
        milestoneId,
        status: postedText(posted.status, before.status),
        percent: postedText(posted.percent, before.percent),
        reason: postedLocalized(posted.reason, before.reason),
      });
    }
    return {
      ...shown,
      cycleId: postedText(body.cycleId, shown.cycleId),
      achievements: postedLocalized(body.achievements, shown.achievements),
      participation: postedLocalized(body.participation, shown.participation),
      civilSocietyParticipants: postedText(body.civilSocietyParticipants, shown.civilSocietyParticipants),
      governmentParticipants: postedText(body.governmentParticipants, shown.governmentParticipants),
      problems: postedLocalized(body.problems, shown.problems),
      nextSteps: postedLocalized(body.nextSteps, shown.nextSteps),
      budgetSpent: postedText(body.budgetSpent, shown.budgetSpent),
      budgetCurrency: postedText(body.budgetCurrency, shown.budgetCurrency),
      budgetNote: postedLocalized(body.budgetNote, shown.budgetNote),
      milestones: [...entries.values()],
    };
  },
};

// ------------------------------------------------------------------ evidence and contributions on a draft

export interface EvidenceFormValues {
  title: string;
  url: string;
}

/** What the evidence form asks for: a file when one was chosen, else a link when an address was typed. */
export type EvidencePost = { kind: 'file'; title: string; file: File } | { kind: 'link'; link: { title: string; url: string } } | { kind: 'none' };

export const evidenceForm = {
  empty: (): EvidenceFormValues => ({ title: '', url: '' }),
  /** `body` is the flat multipart form, with its file. */
  input: (body: Record<string, unknown>): EvidencePost => {
    const title = firstValue(body.title) ?? '';
    const url = firstValue(body.url) ?? '';
    if (body.file instanceof File && body.file.size > 0) return { kind: 'file', title, file: body.file };
    if (url.trim() !== '') return { kind: 'link', link: { title, url } };
    return { kind: 'none' };
  },
  /** The file cannot be shown again: it is chosen again. */
  posted: (body: Record<string, unknown>, shown: EvidenceFormValues): EvidenceFormValues => ({
    title: postedText(body.title, shown.title),
    url: postedText(body.url, shown.url),
  }),
};

export interface ContributionFormValues {
  body: Localized;
}

/** The contribution form posts the API's field as it is (`body.*`, nested): no input step. */
export const contributionForm = {
  empty: (): ContributionFormValues => ({ body: emptyLocalized() }),
  posted: (body: PostedForm, shown: ContributionFormValues): ContributionFormValues => ({ body: postedLocalized(body.body, shown.body) }),
};

// ------------------------------------------------------------------ transfer to another agency

export interface TransferFormValues {
  toAgencyId: string;
  effectiveOn: string;
  note: Localized;
  /** The commitment's version; absent when an agency hands over everything it leads. */
  version?: number;
}

/** The transfer form posts the API's fields as they are: no input step. */
export const transferForm = {
  /** Effective today unless the user says otherwise. */
  empty: (today: string, version?: number): TransferFormValues => ({
    toAgencyId: '',
    effectiveOn: today,
    note: emptyLocalized(),
    ...(version === undefined ? {} : { version }),
  }),
  posted: (body: PostedForm, shown: TransferFormValues): TransferFormValues => ({
    ...shown,
    toAgencyId: postedText(body.toAgencyId, shown.toAgencyId),
    effectiveOn: postedText(body.effectiveOn, shown.effectiveOn),
    note: postedLocalized(body.note, shown.note),
  }),
};
