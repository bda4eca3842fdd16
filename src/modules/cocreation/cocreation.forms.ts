/**
 * The phase form's codec, beside its schema: the values a new phase's form starts with (published today), a stored
 * phase as the form shows it, and a re-shown post as it was typed. The form posts the API's fields as they are.
 */
import type { Phase } from '../../domain/cocreation.js';
import { emptyLocalized, type Localized } from '../../domain/localized.js';
import { postedValues, type PostedForm } from '../../web/forms.js';

export interface PhaseFormValues {
  kind: string;
  startsOn: string;
  endsOn: string;
  publishedOn: string;
  description: Localized;
  version?: number;
}

export const phaseForm = {
  /** A new phase is published today unless the form says when it was. */
  empty: (today: string): PhaseFormValues => ({ kind: '', startsOn: '', endsOn: '', publishedOn: today, description: emptyLocalized() }),
  values: (p: Phase): PhaseFormValues => ({
    kind: p.kind,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    publishedOn: p.publishedOn,
    description: p.description,
    version: p.version,
  }),
  /** An empty day of publication means "today" to the schema: it is left out, not sent as an invalid date. */
  input: (body: PostedForm): PostedForm => (body.publishedOn === '' ? { ...body, publishedOn: undefined } : body),
  posted: (body: PostedForm, shown: PhaseFormValues): PhaseFormValues => postedValues(body, shown),
};
