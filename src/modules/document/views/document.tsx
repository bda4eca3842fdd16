/**
 * The plan document as one page: readable on screen, and an A4 document when printed (document.css: page size,
 * margins, page numbers in the page's margin boxes, no site chrome). The frame is its own, not the site's layout, so
 * what prints is the document alone; on screen a small bar links back to the plan, the other language and the files.
 */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { pick, type Lang, type Localized } from '../../../domain/localized.js';
import type { Milestone } from '../../../domain/plan.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { planPath } from '../../../web/paths.js';
import { DemoNotice, Paragraphs, Text, formatDate, formatPeriod } from '../../../web/ui/index.js';
import { phaseLabel } from '../document.labels.js';
import { areaHeading, commitmentHeading, tableOfContents, templateRows, type TemplateRow, type TocEntry } from '../document.format.js';
import { documentAnchors, documentOdtPath, documentPath, documentPdfPath, documentStylesheetPath } from '../document.paths.js';
import type { PlanDocument } from '../document.reads.js';

export interface DocumentPageProps {
  doc: PlanDocument;
  lang: Lang;
  /** COCREATE_PUBLIC_URL without its trailing slash, for the canonical address. */
  publicOrigin?: string | undefined;
  /** Whether this server can print the PDF (Chromium installed): the link is shown only then. */
  pdfAvailable: boolean;
  /** For the PDF printer: the stylesheet itself, in the page, so printing fetches nothing. */
  inlineStylesheet?: string;
}

/** A table of contents level; nested levels for the areas and their commitments. */
function TocList(props: { entries: TocEntry[] }) {
  return (
    <ol>
      {props.entries.map((e) => (
        <li>
          <a href={`#${e.anchor}`}>{e.label}</a>
          {e.children.length > 0 ? <TocList entries={e.children} /> : null}
        </li>
      ))}
    </ol>
  );
}

function RowText(props: { text: string | Localized; lang: Lang }) {
  const { text, lang } = props;
  if (typeof text !== 'string') return <Paragraphs value={text} lang={lang} />;
  const paragraphs = text.split(/\n{2,}/);
  return paragraphs.length === 1 ? (
    <>{text}</>
  ) : (
    <>
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
    </>
  );
}

function TemplateTable(props: { caption: string; rows: TemplateRow[]; lang: Lang }) {
  return (
    <table class="template">
      <caption>{props.caption}</caption>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <th scope="row">{row.label}</th>
            <td>
              <RowText text={row.text} lang={props.lang} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MilestonesTable(props: { number: string; milestones: Milestone[]; lang: Lang }) {
  const { lang } = props;
  if (props.milestones.length === 0) return <p>{t(lang, 'commitment.noMilestones')}</p>;
  return (
    <table class="milestones">
      <caption>{t(lang, 'document.milestonesCaption', { number: props.number })}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'milestone.deliverable')}</th>
          <th scope="col">{t(lang, 'document.indicatorTarget')}</th>
          <th scope="col">{t(lang, 'milestone.startDate')}</th>
          <th scope="col">{t(lang, 'milestone.endDate')}</th>
        </tr>
      </thead>
      <tbody>
        {props.milestones.map((m) => (
          <tr>
            <td>
              <Text value={m.deliverable} lang={lang} />
            </td>
            <td>
              <Text value={m.indicator} lang={lang} />
              {pick(m.indicator, lang) && pick(m.target, lang) ? <br /> : null}
              <Text value={m.target} lang={lang} />
            </td>
            <td class="nowrap">
              <time datetime={m.startDate}>{formatDate(m.startDate, lang)}</time>
            </td>
            <td class="nowrap">
              <time datetime={m.endDate}>{formatDate(m.endDate, lang)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figures(props: { doc: PlanDocument; lang: Lang }) {
  const { doc, lang } = props;
  const figures = new Map(doc.record.phases.map((p) => [p.phaseId, p.total]));
  return (
    <section aria-labelledby="figures" class="figures">
      <h3 id="figures">{t(lang, 'document.figures')}</h3>
      {doc.phases.length === 0 ? (
        <p>{t(lang, 'cocreation.timeline.none')}</p>
      ) : (
        <table>
          <caption>{t(lang, 'document.figuresCaption', { date: formatDate(doc.today, lang) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'cocreation.timeline.phase')}</th>
              <th scope="col">{t(lang, 'plan.period')}</th>
              <th scope="col" class="num">
                {t(lang, 'cocreation.record.meetings')}
              </th>
              <th scope="col" class="num">
                {t(lang, 'cocreation.record.participations')}
              </th>
            </tr>
          </thead>
          <tbody>
            {doc.phases.map((p) => (
              <tr>
                <th scope="row">{phaseLabel(p.kind, lang)}</th>
                <td class="nowrap">{formatPeriod(p.startsOn, p.endsOn, lang)}</td>
                <td class="num">{figures.get(p.id)?.meetings ?? 0}</td>
                <td class="num">{figures.get(p.id)?.participations ?? 0}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan={2}>
                {t(lang, 'document.figuresTotal')}
              </th>
              <td class="num">{doc.record.total.meetings}</td>
              <td class="num">{doc.record.total.participations}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

function PlanSection(props: { id: string; title: string; value: Localized; lang: Lang; children?: Child }) {
  return (
    <section aria-labelledby={props.id} class="part">
      <h2 id={props.id}>{props.title}</h2>
      <Paragraphs value={props.value} lang={props.lang} />
      {props.children}
    </section>
  );
}

export function DocumentPage(props: DocumentPageProps) {
  const { doc, lang } = props;
  const { plan } = doc;
  const other: Lang = lang === 'en' ? 'zh-TW' : 'en';
  const path = documentPath(plan);
  const title = pick(plan.title, lang);
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{t(lang, 'document.title', { plan: title })}</title>
          {props.inlineStylesheet !== undefined ? <style>{raw(props.inlineStylesheet)}</style> : <link rel="stylesheet" href={documentStylesheetPath} />}
          <link rel="canonical" href={`${props.publicOrigin ?? ''}${href(lang, path)}`} />
          <link rel="alternate" hreflang="zh-TW" href={href('zh-TW', path)} />
          <link rel="alternate" hreflang="en" href={href('en', path)} />
          <link rel="alternate" hreflang="x-default" href={href('zh-TW', path)} />
        </head>
        <body>
          <a class="skip-link" href="#main">
            {t(lang, 'nav.skip')}
          </a>
          <header class="doc-tools">
            <nav aria-label={t(lang, 'document.tools')}>
              <ul>
                <li>
                  <a href={href(lang, planPath(plan))}>{t(lang, 'document.backToPlan')}</a>
                </li>
                <li>
                  <a href={href(other, path)} hreflang={other} lang={other}>
                    {t(other, `lang.${other}`)}
                  </a>
                </li>
                <li>
                  <a href={href(lang, documentOdtPath(plan))} type="application/vnd.oasis.opendocument.text" download>
                    {t(lang, 'document.downloadOdt')}
                  </a>
                </li>
                {props.pdfAvailable ? (
                  <li>
                    <a href={href(lang, documentPdfPath(plan))} type="application/pdf">
                      {t(lang, 'document.downloadPdf')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
            <p>{t(lang, 'document.printHint')}</p>
          </header>
          <main id="main" tabindex={-1}>
            <article>
              <header class="cover">
                <p class="cover-kicker">{doc.member ? pick(doc.member.name, lang) : null}</p>
                <h1>
                  <Text value={plan.title} lang={lang} />
                </h1>
                <p class="cover-subtitle">{t(lang, 'document.subtitle')}</p>
                <p class="cover-period">{formatPeriod(plan.periodStart, plan.periodEnd, lang)}</p>
                <p class="cover-generated">{t(lang, 'document.generated', { date: formatDate(doc.today, lang) })}</p>
                {plan.isDemo ? <DemoNotice lang={lang} /> : null}
              </header>
              <nav class="doc-toc" aria-labelledby="contents">
                <h2 id="contents">{t(lang, 'plan.contents')}</h2>
                <TocList entries={tableOfContents(doc, lang)} />
              </nav>
              <PlanSection id={documentAnchors.introduction} title={t(lang, 'plan.introduction')} value={plan.introduction} lang={lang} />
              <PlanSection id={documentAnchors.effortsToDate} title={t(lang, 'plan.effortsToDate')} value={plan.effortsToDate} lang={lang} />
              <PlanSection id={documentAnchors.developmentProcess} title={t(lang, 'plan.developmentProcess')} value={plan.developmentProcess} lang={lang}>
                <Figures doc={doc} lang={lang} />
              </PlanSection>
              <PlanSection id={documentAnchors.commitments} title={t(lang, 'plan.commitments')} value={plan.commitmentsIntro} lang={lang}>
                {doc.areas.map(({ area, commitments }) => (
                  <section aria-labelledby={documentAnchors.area(area)} class="area">
                    <h3 id={documentAnchors.area(area)}>{areaHeading(area.position, area.title, lang)}</h3>
                    <Paragraphs value={area.description} lang={lang} />
                    {commitments.map(({ commitment, milestones }) => (
                      <section aria-labelledby={documentAnchors.commitment(commitment.number)} class="commitment">
                        <h4 id={documentAnchors.commitment(commitment.number)}>{commitmentHeading(commitment, lang)}</h4>
                        <TemplateTable
                          caption={t(lang, 'document.commitmentCaption', { number: commitment.number })}
                          rows={templateRows(commitment, doc.agencies, lang)}
                          lang={lang}
                        />
                        <h5>{t(lang, 'commitment.milestones')}</h5>
                        <MilestonesTable number={commitment.number} milestones={milestones} lang={lang} />
                      </section>
                    ))}
                  </section>
                ))}
              </PlanSection>
            </article>
          </main>
        </body>
      </html>
    </>
  );
}
