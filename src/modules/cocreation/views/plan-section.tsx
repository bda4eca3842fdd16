/**
 * The plan page's section beside its development-process text (slot `plan`): the meetings and participations of
 * each phase as the records show them, so the text's figures can be checked against the data.
 */
import type { CocreationRecord, Phase } from '../../../domain/cocreation.js';
import type { Lang } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { coCreationPath, phasePath } from '../../../web/paths.js';
import { DataTable, formatPeriod } from '../../../web/ui/index.js';
import { phaseLabel } from '../cocreation.format.js';

export function DevelopmentFiguresSection(props: { plan: ActionPlan; phases: Phase[]; record: CocreationRecord; lang: Lang }) {
  const { plan, lang } = props;
  const figures = new Map(props.record.phases.map((p) => [p.phaseId, p.total]));
  return (
    <section aria-labelledby="s-development-figures">
      <h2 id="s-development-figures">{t(lang, 'cocreation.section.title')}</h2>
      {props.phases.length === 0 ? (
        <p>{t(lang, 'cocreation.section.none')}</p>
      ) : (
        <>
          <p>
            {t(lang, 'cocreation.section.intro')} <a href="#developmentProcess">{t(lang, 'plan.developmentProcess')}</a>
          </p>
          <DataTable<Phase>
            caption={t(lang, 'cocreation.section.caption')}
            rows={props.phases}
            columns={[
              {
                header: t(lang, 'cocreation.timeline.phase'),
                rowHeader: true,
                cell: (p) => <a href={href(lang, phasePath(plan, p))}>{phaseLabel(p.kind, lang)}</a>,
              },
              { header: t(lang, 'plan.period'), nowrap: true, cell: (p) => formatPeriod(p.startsOn, p.endsOn, lang) },
              { header: t(lang, 'cocreation.record.meetings'), numeric: true, cell: (p) => figures.get(p.id)?.meetings ?? 0 },
              { header: t(lang, 'cocreation.record.participations'), numeric: true, cell: (p) => figures.get(p.id)?.participations ?? 0 },
            ]}
          />
        </>
      )}
      <p>
        <a href={href(lang, coCreationPath(plan))}>{t(lang, 'cocreation.section.more')}</a>
      </p>
    </section>
  );
}
