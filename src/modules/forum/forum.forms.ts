/**
 * The forum's form codecs, beside its schemas. For each form: the values it starts empty with, the posted form as
 * the schema's input, and a stored record or a re-shown post as the values the form shows. Values are what the
 * controls hold (text), so a form shown again keeps what was typed, even where it did not parse; only the schema
 * turns text into the typed input the service takes.
 */
import { newMeetingDefaults, type AttendanceSector, type ForumMeeting, type Resolution } from '../../domain/forum.js';
import { emptyLocalized, type Localized } from '../../domain/localized.js';
import {
  formFieldOf,
  idText,
  linksFromText,
  linksToText,
  listValue,
  postedLocalized,
  postedRecord,
  postedText,
  postedValues,
  type PostedForm,
} from '../../web/forms.js';
import type { MeetingReportValues } from './forum.queries.js';

// ------------------------------------------------------------------ meeting

/** One document row of the form: blank rows (no title, no address) are left out of what is saved. */
export interface DocumentFormRow {
  kind: string;
  title: Localized;
  url: string;
}

export interface MeetingFormValues {
  heldOn: string;
  kind: string;
  title: Localized;
  cycleId: string;
  attendance: Record<AttendanceSector, string>;
  /** Head count by stakeholder group code, as typed; a group left empty is not counted. */
  attendanceByGroup: Record<string, string>;
  place: Localized;
  mode: string;
  region: string;
  openToPublic: boolean;
  workingGroupId: string;
  commitmentId: string;
  agenda: Localized;
  minutes: Localized;
  documents: DocumentFormRow[];
  /** One link a line: "title https://…". */
  links: string;
  version?: number;
}

type MeetingFields = Omit<ForumMeeting, 'id' | 'planId' | 'isDemo' | 'version'>;

const meetingFields = (m: MeetingFields): MeetingFormValues => ({
  heldOn: m.heldOn,
  kind: m.kind,
  title: m.title,
  cycleId: idText(m.cycleId),
  attendance: { government: String(m.attendance.government), civilSociety: String(m.attendance.civilSociety), other: String(m.attendance.other) },
  attendanceByGroup: Object.fromEntries(Object.entries(m.attendanceByGroup).map(([code, n]) => [code, String(n)])),
  place: m.place,
  mode: m.mode,
  region: m.region ?? '',
  openToPublic: m.openToPublic,
  workingGroupId: idText(m.workingGroupId),
  commitmentId: idText(m.commitmentId),
  agenda: m.agenda,
  minutes: m.minutes,
  documents: m.documents.map((d) => ({ kind: d.kind, title: d.title, url: d.url })),
  links: linksToText(m.links),
});

/** The document rows as posted (`documents.<n>.kind`, `.title.zh`, `.title.en`, `.url`), in row order, blank ones left out. */
function postedDocuments(posted: unknown): DocumentFormRow[] {
  return Object.entries(postedRecord(posted))
    .filter(([index]) => /^\d{1,3}$/.test(index))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, row]) => {
      const fields = postedRecord(row);
      return { kind: postedText(fields.kind, 'other'), title: postedLocalized(fields.title, emptyLocalized()), url: postedText(fields.url, '').trim() };
    })
    .filter((d) => d.url !== '' || d.title.zh.trim() !== '' || d.title.en.trim() !== '');
}

/** The group fields as posted, the empty ones left out (not counted). */
function postedGroups(posted: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(postedRecord(posted)).flatMap(([code, value]) => {
      const text = postedText(value, '').trim();
      return text === '' ? [] : [[code, text]];
    }),
  );
}

/** The checkbox with its hidden empty value: sent (ticked or not) when the form has it, absent otherwise. */
const postedFlag = (posted: unknown): boolean | undefined => (posted === undefined ? undefined : (listValue(posted) ?? []).includes('true'));

export const meetingForm = {
  /** A new meeting's form shows the defaults the service would give it. */
  empty: (): MeetingFormValues => meetingFields({ heldOn: '', ...newMeetingDefaults() }),
  values: (m: ForumMeeting): MeetingFormValues => ({ ...meetingFields(m), version: m.version }),
  /**
   * The form as the API's input: links from lines, the group counts typed, the document rows filled in (their
   * titles as given, the translation a draft), the checkbox as a boolean. A part the form did not send is left out,
   * so the stored one stays.
   */
  input: (body: PostedForm): PostedForm => {
    const input: PostedForm = { ...body };
    if (typeof body.links === 'string') input.links = linksFromText(body.links);
    if (body.attendanceByGroup !== undefined) input.attendanceByGroup = postedGroups(body.attendanceByGroup);
    if (body.documents !== undefined)
      input.documents = postedDocuments(body.documents).map((d) => ({ kind: d.kind, title: { zh: d.title.zh, en: d.title.en }, url: d.url }));
    const open = postedFlag(body.openToPublic);
    if (open === undefined) delete input.openToPublic;
    else input.openToPublic = open;
    return input;
  },
  /** Document errors stay on their row's field (`documents.1.url`); the rest as usual. */
  fieldOf: (path: string): string => (/^documents\.\d+\./.test(path) ? path : formFieldOf(path)),
  posted: (body: PostedForm, shown: MeetingFormValues): MeetingFormValues => {
    const values = postedValues(body, shown);
    return {
      ...values,
      attendanceByGroup: body.attendanceByGroup === undefined ? shown.attendanceByGroup : postedGroups(body.attendanceByGroup),
      // Rows are compacted as the input is, so a row's message stays beside the row it names.
      documents: body.documents === undefined ? shown.documents : postedDocuments(body.documents),
      openToPublic: postedFlag(body.openToPublic) ?? shown.openToPublic,
    };
  },
};

// ------------------------------------------------------------------ reports a meeting reviewed

export interface ReportChoice {
  reviewed: boolean;
  showcased: boolean;
  story: Localized;
}

/** The picker's choices by report id. */
export type ReportChoices = Map<number, ReportChoice>;

/**
 * The picker posts two checkbox lists (each with a hidden empty value, so "none ticked" is sent) and a story per
 * report. A showcased report was reviewed too, whether or not its first box was ticked.
 */
function postedChoices(body: PostedForm) {
  const reviewed = listValue(body.reviewed) ?? [];
  const showcased = listValue(body.showcased) ?? [];
  const stories = postedRecord(body.story);
  return { ids: [...new Set([...reviewed, ...showcased])], showcased, stories };
}

export const meetingReportsForm = {
  values: (stored: readonly MeetingReportValues[]): ReportChoices =>
    new Map(stored.map((r) => [r.reportId, { reviewed: true, showcased: r.showcased, story: r.story }])),
  /** The API's list of {reportId, showcased, story}. */
  input: (body: PostedForm): PostedForm => {
    const { ids, showcased, stories } = postedChoices(body);
    return { version: body.version, reports: ids.map((id) => ({ reportId: id, showcased: showcased.includes(id), story: stories[id] })) };
  },
  /** Stories typed for reports left unticked are kept too. */
  posted: (body: PostedForm): ReportChoices => {
    const { ids, showcased, stories } = postedChoices(body);
    const choices: ReportChoices = new Map();
    for (const [id, story] of Object.entries(stories))
      if (/^\d+$/.test(id)) choices.set(Number(id), { reviewed: false, showcased: false, story: postedLocalized(story, emptyLocalized()) });
    for (const id of ids.filter((i) => /^\d+$/.test(i)))
      choices.set(Number(id), { reviewed: true, showcased: showcased.includes(id), story: choices.get(Number(id))?.story ?? emptyLocalized() });
    return choices;
  },
};

// ------------------------------------------------------------------ resolution

export interface ResolutionFormValues {
  /** Empty: the next number at the meeting. */
  number: string;
  body: Localized;
  ownerAgencyId: string;
  dueOn: string;
  version?: number;
}

/** The resolution form posts the API's fields as they are (`number`, `body.*`, `ownerAgencyId`, `dueOn`): no input step. */
export const resolutionForm = {
  empty: (): ResolutionFormValues => ({ number: '', body: emptyLocalized(), ownerAgencyId: '', dueOn: '' }),
  values: (r: Resolution): ResolutionFormValues => ({
    number: r.number,
    body: r.body,
    ownerAgencyId: idText(r.ownerAgencyId),
    dueOn: r.dueOn ?? '',
    version: r.version,
  }),
  posted: (body: PostedForm, shown: ResolutionFormValues): ResolutionFormValues => postedValues(body, shown),
};

// ------------------------------------------------------------------ decision on a resolution

export interface DecisionFormValues {
  meetingId: string;
  status: string;
  note: Localized;
  /** The resolution's version the decision is taken on. */
  version: number;
}

/** The decision form posts the API's fields as they are: no input step. */
export const decisionForm = {
  /** A decision at `meetingId` (the meeting asked for, or the latest) on the resolution at `version`. */
  empty: (version: number, meetingId?: number): DecisionFormValues => ({
    meetingId: meetingId === undefined ? '' : String(meetingId),
    status: '',
    note: emptyLocalized(),
    version,
  }),
  posted: (body: PostedForm, shown: DecisionFormValues): DecisionFormValues => postedValues(body, shown),
};
