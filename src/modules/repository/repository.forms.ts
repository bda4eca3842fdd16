/** The document form's codec: empty values, stored → shown, posted → shown again; the post is the API's input as it is. */
import { emptyLocalized, type Localized } from '../../domain/localized.js';
import { idText, postedValues, type PostedForm } from '../../web/forms.js';
import type { RecordForm } from '../../web/form-handler.js';
import type { RepositoryDocument } from './repository.model.js';

export interface DocumentFormValues {
  kind: string;
  language: string;
  date: string;
  title: Localized;
  description: Localized;
  planId: string;
  meetingId: string;
  commitmentId: string;
  url: string;
}

export const emptyDocumentValues = (planId: number | null, today: string): DocumentFormValues => ({
  kind: 'minutes',
  language: 'zh-TW',
  date: today,
  title: emptyLocalized(),
  description: emptyLocalized(),
  planId: idText(planId),
  meetingId: '',
  commitmentId: '',
  url: '',
});

export const documentValues = (d: RepositoryDocument): DocumentFormValues => ({
  kind: d.kind,
  language: d.language,
  date: d.date,
  title: d.title,
  description: d.description,
  planId: idText(d.planId),
  meetingId: idText(d.meetingId),
  commitmentId: idText(d.commitmentId),
  url: d.url ?? '',
});

/** An edit of a file document sends no link (the field is not shown). */
export const documentEditInput =
  (d: RepositoryDocument) =>
  (body: PostedForm): PostedForm => {
    if (!d.file) return body;
    const { url: _url, ...rest } = body;
    return rest;
  };

export const documentForm = (d: RepositoryDocument): RecordForm<RepositoryDocument, DocumentFormValues> => ({
  values: documentValues,
  posted: (body, shown) => postedValues(body, shown),
  input: documentEditInput(d),
});
