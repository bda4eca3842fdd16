/** The mail settings: immediate, a daily digest or none, and the mail's first language. */
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { FormPage, Notice, SelectField, homeCrumbs, type FieldErrors } from '../../../web/ui/index.js';
import { MAIL_SETTINGS } from '../notifications.model.js';
import { notificationSettingsPath, notificationsPath } from '../notifications.paths.js';

/** What the form shows: the stored settings, or what was posted (perhaps not one of the choices). */
export interface SettingsValues {
  email: string;
  lang: string;
}

export function SettingsPage(props: { ctx: PageContext; values: SettingsValues; errors: FieldErrors; saved: boolean }) {
  const { ctx } = props;
  const { lang } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'notifications.settings.title')}
      crumbs={[...homeCrumbs(lang), { label: t(lang, 'notifications.title'), path: notificationsPath() }]}
      action={notificationSettingsPath()}
      cancel={notificationsPath()}
      submitLabel={t(lang, 'notifications.settings.save')}
      errors={props.errors}
      intro={
        <>
          {props.saved ? (
            <Notice tone="success" role="status">
              {t(lang, 'notifications.settings.saved')}
            </Notice>
          ) : null}
          <p>{t(lang, 'notifications.settings.intro')}</p>
        </>
      }
    >
      <SelectField
        name="email"
        label={t(lang, 'notifications.settings.email')}
        lang={lang}
        errors={props.errors}
        required
        value={props.values.email}
        options={MAIL_SETTINGS.map((value) => ({ value, label: t(lang, `notifications.settings.email.${value}`) }))}
      />
      <SelectField
        name="lang"
        label={t(lang, 'notifications.settings.lang')}
        lang={lang}
        errors={props.errors}
        required
        value={props.values.lang}
        options={[
          { value: 'zh', label: t('zh-TW', 'lang.zh-TW') },
          { value: 'en', label: t('en', 'lang.en') },
        ]}
      />
    </FormPage>
  );
}
