/** The co-creation record's section: the plan's response figures, with a link to the page by agency and consultation. */
import type { Lang } from '../../../domain/localized.js';
import type { ResponseFigures } from '../../../domain/participation.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { inputFiguresPath } from '../figures.service.js';
import { TotalsTable } from './figures-parts.js';

export function CoCreationFiguresSection(props: { plan: ActionPlan; figures: ResponseFigures; lang: Lang }) {
  const { plan, figures, lang } = props;
  return (
    <section aria-labelledby="s-input-figures">
      <h2 id="s-input-figures">{t(lang, 'participation.figures.cocreation.title')}</h2>
      <p class="help">{t(lang, 'participation.figures.cocreation.help')}</p>
      {figures.inputs === 0 ? (
        <p>{t(lang, 'participation.figures.none')}</p>
      ) : (
        <TotalsTable id="cocreation-input-figures" figures={figures} lang={lang} caption={t(lang, 'participation.figures.totals.caption')} />
      )}
      <p>
        <a href={href(lang, inputFiguresPath(plan))}>{t(lang, 'participation.figures.cocreation.link')}</a>
      </p>
    </section>
  );
}
