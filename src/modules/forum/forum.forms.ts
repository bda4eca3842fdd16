/**
 * The forum's form codecs, beside its schemas. For each form: the values it starts empty with, the posted form as
 * the schema's input, and a stored record or a re-shown post as the values the form shows. Values are what the
 * controls hold (text), so a form shown again keeps what was typed, even where it did not parse; only the schema
 * turns text into the typed input the service takes.
 */
import { newMeetingDefaults, type AttendanceSector, type ForumMeeting, type Resolution } from '../../domain/forum.js';
import { emptyLocalized, type Localized } from '../../domain/localized.js';
import { idText, linksFromText, linksToText, listValue, postedLocalized, postedRecord, postedValues, type PostedForm } from '../../web/forms.js';
import type { MeetingReportValues } from './forum.queries.js';

// ------------------------------------------------------------------ meeting

export interface MeetingFormValues {
  heldOn: string;
  kind: string;
  title: Localized;
  cycleId: string;
  attendance: Record<AttendanceSector, string>;
  agenda: Localized;
  minutes: Localized;
  /** One link a line: "title https://…". */
  links: string;
  version?: number;
}

type MeetingFields = Pick<ForumMeeting, 'heldOn' | 'kind' | 'title' | 'cycleId' | 'attendance' | 'agenda' | 'minutes' | 'links'>;

const meetingFields = (m: MeetingFields): MeetingFormValues => ({
  heldOn: m.heldOn,
  kind: m.kind,
  title: m.title,
  cycleId: idText(m.cycleId),
  attendance: { government: String(m.attendance.government), civilSociety: String(m.attendance.civilSociety), other: String(m.attendance.other) },
  agenda: m.agenda,
  minutes: m.minutes,
  links: linksToText(m.links),
});

export const meetingForm = {
  /** A new meeting's form shows the defaults the service would give it. */
  empty: (): MeetingFormValues => meetingFields({ heldOn: '', ...newMeetingDefaults() }),
  values: (m: ForumMeeting): MeetingFormValues => ({ ...meetingFields(m), version: m.version }),
  /** The links textarea as the API's list of links; every other field already has the API's shape. */
  input: (body: PostedForm): PostedForm => (typeof body.links === 'string' ? { ...body, links: linksFromText(body.links) } : body),
  posted: (body: PostedForm, shown: MeetingFormValues): MeetingFormValues => postedValues(body, shown),
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
