/**
 * The transcripts module's form codecs. For each form: the values it starts empty with, a stored record as the
 * values the form shows, a post as the values shown again (text as typed), and the post as the typed input the
 * service takes: blank fields absent, lists split, numbers, dates and versions checked. The service never sees a
 * form's empty strings. Forms that name something by what a person types (a meeting id, a twin's slug, an account's
 * e-mail) leave the look-up to the route, which reports what it does not find beside the field.
 */
import { z } from 'zod';
import type { Lang } from '../../domain/localized.js';
import { isIsoDate } from '../../domain/transcript-markdown.js';
import { ValidationError } from '../../errors.js';
import { positiveInt } from '../../web/form-handler.js';
import { firstValue, postedText, postedValues, type PostedForm } from '../../web/forms.js';
import { problemMessage, t } from '../../web/i18n.js';
import { isoDate, recordId, text, versionField, webUrl, wholeNumber } from '../../web/schemas.js';
import type { FieldErrors } from '../../web/ui/index.js';
import { fieldMessages, parseOrThrow } from '../../web/validation.js';
import type { Speaker } from './transcripts.queries.js';
import type { ImportInput, SpeakerPatch } from './transcripts.service.js';

/** Blank form fields are absent; others are trimmed. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v !== 'string' ? v : v.trim() === '' ? undefined : v.trim()), schema.optional());

/** A field of a multipart post as text: files sent under a text field's name are not text. */
const postedString = (posted: unknown): string | undefined =>
  firstValue(Array.isArray(posted) ? posted.filter((v) => typeof v === 'string') : typeof posted === 'string' ? posted : undefined);

const version = (body: PostedForm) => firstValue(body.version);

// ------------------------------------------------------------------ import

export interface ImportValues {
  markdown: string;
  title: string;
  heldOn: string;
  language: string;
  embargoWorkingDays: string;
  releaseOn: string;
  meetingId: string;
  sourceUrl: string;
  /** The other-language transcript, by its slug. */
  twin: string;
  replaceSlug: string;
}

const embargoDays = z
  .number({ message: 'transcript.error.embargo' })
  .int({ message: 'transcript.error.embargo' })
  .min(0, { message: 'transcript.error.embargo' })
  .max(60, { message: 'transcript.error.embargo' });

const importSchema = z.object({
  title: optional(text(300)),
  heldOn: optional(isoDate),
  language: z.enum(['zh-TW', 'en']),
  embargoWorkingDays: optional(wholeNumber(embargoDays)),
  releaseOn: optional(isoDate),
  meetingId: optional(recordId()),
  sourceUrl: optional(webUrl()),
  twin: optional(text(200)),
  replaceSlug: optional(text(200)),
  markdown: text().refine((markdown) => markdown.trim() !== '', { message: 'transcript.error.markdownMissing' }),
});

/** The import form checked; the meeting and the twin are still named as typed. */
export type ImportFormInput = z.infer<typeof importSchema>;

export const importForm = {
  empty: (): ImportValues => ({
    markdown: '',
    title: '',
    heldOn: '',
    language: 'zh-TW',
    embargoWorkingDays: '',
    releaseOn: '',
    meetingId: '',
    sourceUrl: '',
    twin: '',
    replaceSlug: '',
  }),
  /** The text fields of the multipart post; a blank one (the language too) is the empty form's. */
  posted: (body: PostedForm): ImportValues => {
    const values = importForm.empty();
    for (const name of Object.keys(values) as (keyof ImportValues)[]) values[name] = postedString(body[name]) || values[name];
    return values;
  },
  /** The uploaded file, if one was chosen: its text takes the place of pasted Markdown. */
  file: (body: PostedForm): File | undefined => [body.file].flat().find((f): f is File => f instanceof File && f.size > 0),
  /** The file's text; a file that is not UTF-8 is refused beside the file field. */
  fileText: async (file: File): Promise<string> => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      throw new ValidationError([{ field: 'file', key: 'transcript.error.notUtf8' }]);
    }
  },
  input: (values: ImportValues, lang: Lang): ImportFormInput => parseOrThrow(importSchema, values, lang),
  /** The service's input, once the route has found the meeting (for its plan) and the twin the form names. */
  serviceInput: (form: ImportFormInput, found: { planId: number | undefined; twinId: number | undefined }): ImportInput => ({
    markdown: form.markdown,
    title: form.title,
    heldOn: form.heldOn,
    language: form.language,
    planId: found.planId,
    meetingId: form.meetingId,
    twinId: found.twinId,
    sourceUrl: form.sourceUrl,
    embargoWorkingDays: form.embargoWorkingDays,
    releaseOn: form.releaseOn,
    replaceSlug: form.replaceSlug,
  }),
  /** Parser problems name their line ("Line 3: …", in the catalog); all of them are shown beside the Markdown field. */
  errors: (error: ValidationError, lang: Lang): FieldErrors => {
    const errors: FieldErrors = {};
    const lines: string[] = [];
    for (const p of error.problems) if (p.field === 'markdown' && p.params?.line !== undefined) lines.push(problemMessage(lang, p.key, p.params));
    for (const [field, message] of Object.entries(fieldMessages(error, lang))) errors[field] ??= message;
    if (lines.length > 0) errors.markdown = lines.join(' ');
    return errors;
  },
};

// ------------------------------------------------------------------ a speaker (the secretariat's form)

export interface SpeakerValues {
  name: string;
  /** One a line. */
  aliases: string;
  /** The e-mail of the account that may correct this speaker's words; blank for none. */
  email: string;
  affiliationZh: string;
  affiliationEn: string;
}

/** The speaker's form shown again: the values as sent with their problems, or the newer stored values on a conflict. */
export interface SpeakerEdit {
  values: SpeakerValues;
  errors: FieldErrors;
  conflict?: boolean;
}

/** The free-text fields; the service checks lengths and meaning. */
const speakerSchema = z.object({ name: text(), aliases: text(), email: text(), affiliationZh: text(), affiliationEn: text() });

/** The service's patch, but for the account, which the route finds by `email` (null: no account). */
export type SpeakerFormInput = Omit<SpeakerPatch, 'userId'> & { email: string | null };

export const speakerForm = {
  values: (speaker: Speaker, accountEmail: string | undefined): SpeakerValues => ({
    name: speaker.name,
    aliases: speaker.aliases.join('\n'),
    email: accountEmail ?? '',
    affiliationZh: speaker.affiliation.zh,
    affiliationEn: speaker.affiliation.en,
  }),
  /** One-line fields trimmed; the aliases as typed. */
  posted: (body: PostedForm): SpeakerValues => {
    const line = (name: keyof SpeakerValues) => postedText(body[name], '').trim();
    return {
      name: line('name'),
      aliases: postedText(body.aliases, ''),
      email: line('email'),
      affiliationZh: line('affiliationZh'),
      affiliationEn: line('affiliationEn'),
    };
  },
  input: (values: SpeakerValues, body: PostedForm, lang: Lang): SpeakerFormInput => {
    parseOrThrow(speakerSchema, values, lang);
    const { affiliationZh: zh, affiliationEn: en } = values;
    return {
      name: values.name,
      aliases: values.aliases
        .split(/\r?\n/)
        .map((alias) => alias.trim())
        .filter((alias) => alias !== ''),
      email: values.email === '' ? null : values.email.toLowerCase(),
      affiliation: { zh, en, status: zh && en ? 'reviewed' : 'draft' },
      // A missing version is 0, which the service's version check answers with a conflict (the stored values again).
      version: positiveInt(version(body)?.trim()) ?? 0,
    };
  },
};

// ------------------------------------------------------------------ early publication

export interface PublishValues {
  reason: string;
}

const publishSchema = z.object({ reason: text(), version: versionField });

export const publishForm = {
  empty: (): PublishValues => ({ reason: '' }),
  posted: (body: PostedForm): PublishValues => postedValues(body, publishForm.empty()),
  input: (values: PublishValues, body: PostedForm, lang: Lang): z.infer<typeof publishSchema> =>
    parseOrThrow(publishSchema, { reason: values.reason, version: version(body) }, lang),
};

// ------------------------------------------------------------------ a speech: correction and deletion

/** A speech's correction form shown again: the text as sent and its problem, or (conflict) the stored text. */
export interface SpeechEdit {
  speechId: number;
  body: string;
  errors: FieldErrors;
  conflict: boolean;
}

const correctionSchema = z.object({ body: text(), version: versionField });
const deletionSchema = z.object({ version: versionField });

export const correctionForm = {
  /** The corrected text as typed. */
  posted: (body: PostedForm): string => postedText(body.body, ''),
  input: (speechText: string, body: PostedForm, lang: Lang): z.infer<typeof correctionSchema> =>
    parseOrThrow(correctionSchema, { body: speechText, version: version(body) }, lang),
};

export const deletionForm = {
  input: (body: PostedForm, lang: Lang): z.infer<typeof deletionSchema> => parseOrThrow(deletionSchema, { version: version(body) }, lang),
};

// ------------------------------------------------------------------ search (a GET form)

export interface SearchValues {
  q: string;
  /** A speaker's slug. */
  speaker: string;
  from: string;
  to: string;
  /** A meeting's id. */
  meeting: string;
}

/** A query longer than this is cut: no phrase a person searches for is longer. */
const QUERY_MAX = 200;

export interface SearchFormInput {
  q: string;
  speakerSlug: string | undefined;
  from: string | undefined;
  to: string | undefined;
  /** `null`: the form names a meeting that cannot exist, so nothing is found (rather than everything). */
  meetingId: number | null | undefined;
}

export const searchForm = {
  empty: (): SearchValues => ({ q: '', speaker: '', from: '', to: '', meeting: '' }),
  /** The query string's filters. */
  posted: (query: (name: keyof SearchValues) => string | undefined): SearchValues => {
    const values = searchForm.empty();
    for (const name of Object.keys(values) as (keyof SearchValues)[]) values[name] = query(name) ?? '';
    values.q = values.q.slice(0, QUERY_MAX);
    return values;
  },
  /** The filters checked: a malformed date is a problem of its field; the query itself is planned by the search. */
  input: (values: SearchValues, lang: Lang): { input: SearchFormInput; errors: FieldErrors } => {
    const errors: FieldErrors = {};
    if (values.from && !isIsoDate(values.from)) errors.from = t(lang, 'error.date');
    if (values.to && !isIsoDate(values.to)) errors.to = t(lang, 'error.date');
    const input: SearchFormInput = {
      q: values.q,
      speakerSlug: values.speaker || undefined,
      from: values.from || undefined,
      to: values.to || undefined,
      meetingId: values.meeting === '' ? undefined : (positiveInt(values.meeting) ?? null),
    };
    return { input, errors };
  },
};
