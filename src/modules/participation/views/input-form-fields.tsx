/** The fields of a new input, a reply and an edit: the words with the subset's help, the language, the honeypot. */
import type { Lang } from '../../../domain/localized.js';
import { MAX_BODY_LENGTH } from '../../../domain/participation.js';
import { t } from '../../../web/i18n.js';
import { SelectField, TextAreaField, type FieldErrors } from '../../../web/ui/index.js';

/** Hidden from people (and from assistive technology); a bot that fills every field fills this one too. */
export function HoneypotField(props: { lang: Lang; id: string }) {
  return (
    <div class="visually-hidden" aria-hidden="true">
      <label for={props.id}>{t(props.lang, 'participation.honeypot')}</label>
      <input id={props.id} type="text" name="website" value="" tabindex={-1} autocomplete="off" />
    </div>
  );
}

export function WordsFields(props: { lang: Lang; errors: FieldErrors; body: string; writtenIn: string; name?: string; rows?: number }) {
  const { lang } = props;
  return (
    <>
      <TextAreaField
        name={props.name ?? 'body'}
        label={t(lang, 'participation.body')}
        help={t(lang, 'participation.body.help', { max: MAX_BODY_LENGTH })}
        value={props.body}
        rows={props.rows ?? 6}
        required
        errors={props.errors}
        lang={lang}
      />
      <SelectField
        name="lang"
        label={t(lang, 'participation.lang')}
        value={props.writtenIn}
        options={[
          { value: 'zh', label: t(lang, 'participation.lang.zh') },
          { value: 'en', label: t(lang, 'participation.lang.en') },
        ]}
        errors={props.errors}
        lang={lang}
      />
    </>
  );
}
