/** The amendments module's form codecs: adoption (values shown, a post shown again) and the agenda and decision posts. */
import { emptyLocalized } from '../../domain/localized.js';
import { postedValues, type PostedForm } from '../../web/forms.js';
import type { AdoptionFormValues } from './views/adoption-form.js';

export const adoptionForm = {
  empty: (): AdoptionFormValues => ({ authority: emptyLocalized(), adoptedOn: '', documentUrl: '', documentReference: '' }),
  /** Empty optional fields are left out: the schema takes none rather than an empty link. */
  input: (body: PostedForm): PostedForm => {
    const input: PostedForm = { ...body };
    for (const key of ['documentUrl', 'documentReference']) if (typeof input[key] === 'string' && input[key].trim() === '') delete input[key];
    return input;
  },
  posted: (body: PostedForm, shown: AdoptionFormValues): AdoptionFormValues => postedValues(body, shown),
};
