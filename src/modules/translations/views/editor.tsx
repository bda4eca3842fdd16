/** The side-by-side editor of one entity's texts (or one text): the Chinese read-only beside the English, and the "reviewed" box. */
import { pick } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { errorId, FormPage, inputId, planCrumbs, type FieldErrors } from '../../../web/ui/index.js';
import type { TranslatableField } from '../translations.model.js';
import { translationsPath } from '../translations.paths.js';
import type { EditorValues } from '../translations.forms.js';
import type { EntityTexts } from '../translations.service.js';
import { fieldLabel, statusLabel } from './board.js';

export function EditorPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  texts: EntityTexts;
  /** The one field edited, when the editor was opened for one. */
  only: TranslatableField | undefined;
  action: string;
  values: EditorValues;
  errors: FieldErrors;
  conflict: boolean;
}) {
  const { ctx, plan, texts } = props;
  const { lang } = ctx;
  const kind = t(lang, `translations.kindLabel.${texts.entity}`);
  const name = texts.commitment
    ? `${kind} ${texts.commitment.number}${texts.entity === 'milestone' ? ` · ${pick(texts.title, lang)}` : ` ${pick(texts.title, lang)}`}`
    : `${kind} ${pick(texts.title, lang)}`;
  const fields = texts.fields.filter((f) => props.only === undefined || f.field === props.only);
  const board = translationsPath(plan);
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'translations.editorTitle', { name })}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'translations.boardTitle'), path: board }]}
      action={props.action}
      cancel={board}
      submitLabel={t(lang, 'translations.save')}
      errors={props.errors}
      conflict={props.conflict}
      version={texts.version}
      intro={<p>{t(lang, 'translations.editorIntro')}</p>}
    >
      {fields.map(({ field, text }) => {
        const base = `fields.${field}`;
        const value = props.values[field] ?? { en: text.en, reviewed: text.status === 'reviewed' };
        const message = props.errors[`${base}.en`] ?? props.errors[base];
        return (
          <fieldset class="field translation-pair" id={inputId(base)}>
            <legend>{fieldLabel(lang, texts.entity, field)}</legend>
            <p class="help">{t(lang, 'translations.stored', { status: statusLabel(lang, text.status) })}</p>
            {message ? (
              <p class="field-error" id={errorId(`${base}.en`)}>
                {message}
              </p>
            ) : null}
            <div class="localized-pair">
              <div class="localized-side">
                <p id={inputId(`${base}.zh`)}>
                  <strong>{t(lang, 'translations.zh')}</strong>
                </p>
                <div class="translation-source" lang="zh-TW" aria-labelledby={inputId(`${base}.zh`)} role="region">
                  {text.zh === '' ? t(lang, 'translations.emptyZh') : text.zh.split(/\n{2,}/).map((p) => <p>{p}</p>)}
                </div>
              </div>
              <div class="localized-side">
                <label for={inputId(`${base}.en`)}>{t(lang, 'translations.en')}</label>
                <textarea
                  id={inputId(`${base}.en`)}
                  name={`${base}.en`}
                  lang="en"
                  rows={Math.min(20, Math.max(3, Math.ceil(text.zh.length / 40)))}
                  aria-invalid={message ? 'true' : undefined}
                  aria-describedby={message ? errorId(`${base}.en`) : undefined}
                >
                  {value.en}
                </textarea>
              </div>
            </div>
            <div class="checkbox">
              <input type="checkbox" id={inputId(`${base}.status`)} name={`${base}.status`} value="reviewed" checked={value.reviewed} />
              <label for={inputId(`${base}.status`)}>{t(lang, 'translations.reviewedBox')}</label>
            </div>
          </fieldset>
        );
      })}
    </FormPage>
  );
}
