/** The editor's form codec: each field's English and the "reviewed" box, as shown, as posted, and as the service's input. */
import { firstValue, postedRecord, type PostedForm } from '../../web/forms.js';
import type { TranslatableField } from './translations.model.js';
import type { EntityTexts } from './translations.service.js';

export interface FieldValues {
  en: string;
  reviewed: boolean;
}
export type EditorValues = Partial<Record<TranslatableField, FieldValues>>;

/** What the form shows of the stored texts: the English, and the box checked when it is reviewed. */
export const editorValues = (texts: EntityTexts): EditorValues =>
  Object.fromEntries(texts.fields.map((f) => [f.field, { en: f.text.en, reviewed: f.text.status === 'reviewed' }]));

/** A refused post shown again: what was typed over what the form showed (a field not posted keeps it). */
export function postedEditorValues(body: PostedForm, shown: EditorValues): EditorValues {
  const fields = postedRecord(body.fields);
  const out: EditorValues = { ...shown };
  for (const key of Object.keys(shown) as TranslatableField[]) {
    const posted = postedRecord(fields[key]);
    if (Object.keys(posted).length === 0) continue;
    out[key] = { en: firstValue(posted.en) ?? '', reviewed: firstValue(posted.status) === 'reviewed' };
  }
  return out;
}

/**
 * The post as the service takes it: each posted field's English, reviewed only when its box was checked (an
 * unchecked box sends nothing, so the text is saved as a draft).
 */
export function editorInput(body: PostedForm): PostedForm {
  const fields = postedRecord(body.fields);
  const out: Record<string, { en: string; status: string }> = {};
  for (const [key, value] of Object.entries(fields)) {
    const posted = postedRecord(value);
    out[key] = { en: firstValue(posted.en) ?? '', status: firstValue(posted.status) === 'reviewed' ? 'reviewed' : 'draft' };
  }
  return { version: body.version, fields: out };
}
