/**
 * The plan document as ODF text (an .odt package, OpenDocument 1.3), written here with fflate: the `mimetype` entry
 * first and stored uncompressed (so the package is recognised by its first bytes), META-INF/manifest.xml,
 * content.xml (headings with outline levels, a table of contents linking to bookmarks, the template's tables),
 * styles.xml (A4 pages numbered in the footer; Noto Serif/Sans CJK TC declared for Asian text) and meta.xml. Every
 * text is escaped, and characters XML 1.0 cannot carry are dropped. The same data in, the same bytes out.
 */
import { strToU8, zipSync } from 'fflate';
import { pick, type Lang, type Localized } from '../../domain/localized.js';
import type { Milestone } from '../../domain/plan.js';
import { t } from '../../web/i18n.js';
import { formatDate, formatPeriod } from '../../web/ui/index.js';
import { phaseLabel } from './document.labels.js';
import { areaHeading, commitmentHeading, tableOfContents, templateRows, type TocEntry } from './document.format.js';
import { documentAnchors } from './document.paths.js';
import type { PlanDocument } from './document.reads.js';

export const ODT_MIME = 'application/vnd.oasis.opendocument.text';

// Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE/U+FFFF) and unpaired surrogates.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data or an attribute value. */
export function xmlEscape(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(' ');

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A paragraph of plain text: single line breaks kept as line breaks. */
const para = (style: string, text: string) => `<text:p text:style-name="${style}">${text.split('\n').map(xmlEscape).join('<text:line-break/>')}</text:p>`;

/** Paragraphs separated by blank lines, each its own <text:p>. */
const paras = (style: string, text: string) =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => para(style, p))
    .join('');

const localized = (style: string, value: Localized, lang: Lang) => paras(style, pick(value, lang));

const heading = (level: number, text: string, anchor: string, style = `Heading_20_${level}`) =>
  `<text:h text:style-name="${style}" text:outline-level="${level}"><text:bookmark text:name="${xmlEscape(anchor)}"/>${xmlEscape(text)}</text:h>`;

const cell = (content: string, style = 'Cell') => `<table:table-cell table:style-name="${style}" office:value-type="string">${content}</table:table-cell>`;

function tocEntries(entries: TocEntry[], level = 1): string {
  return entries
    .map(
      (e) =>
        `<text:p text:style-name="Contents_20_${level}"><text:a xlink:type="simple" xlink:href="#${xmlEscape(e.anchor)}">${xmlEscape(e.label)}</text:a></text:p>` +
        tocEntries(e.children, level + 1),
    )
    .join('');
}

function tableOfContentsXml(doc: PlanDocument, lang: Lang): string {
  const title = t(lang, 'plan.contents');
  return (
    `<text:table-of-content text:style-name="Sect_TOC" text:protected="true" text:name="${xmlEscape(title)}">` +
    `<text:table-of-content-source text:outline-level="4" text:use-index-marks="false">` +
    `<text:index-title-template text:style-name="Contents_20_Heading">${xmlEscape(title)}</text:index-title-template>` +
    [1, 2, 3, 4]
      .map(
        (level) =>
          `<text:table-of-content-entry-template text:outline-level="${level}" text:style-name="Contents_20_${level}">` +
          `<text:index-entry-link-start/><text:index-entry-text/><text:index-entry-link-end/></text:table-of-content-entry-template>`,
      )
      .join('') +
    `</text:table-of-content-source><text:index-body>` +
    `<text:index-title text:name="${xmlEscape(title)}_Head">${para('Contents_20_Heading', title)}</text:index-title>` +
    tocEntries(tableOfContents(doc, lang)) +
    `</text:index-body></text:table-of-content>`
  );
}

let tableCount = 0;
const tableName = (base: string) => xmlEscape(`${base}_${++tableCount}`);

function figuresXml(doc: PlanDocument, lang: Lang): string {
  if (doc.phases.length === 0) return para('Text_20_body', t(lang, 'cocreation.timeline.none'));
  const figures = new Map(doc.record.phases.map((p) => [p.phaseId, p.total]));
  const header = [
    t(lang, 'cocreation.timeline.phase'),
    t(lang, 'plan.period'),
    t(lang, 'cocreation.record.meetings'),
    t(lang, 'cocreation.record.participations'),
  ];
  const row = (cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;
  return (
    para('Table_20_caption', t(lang, 'document.figuresCaption', { date: formatDate(doc.today, lang) })) +
    `<table:table table:name="${tableName('Figures')}" table:style-name="Tbl">` +
    `<table:table-column table:style-name="ColWide"/><table:table-column table:style-name="ColWide"/><table:table-column table:style-name="ColNarrow" table:number-columns-repeated="2"/>` +
    `<table:table-header-rows>${row(header.map((h) => cell(para('Table_20_Heading', h), 'HeadCell')))}</table:table-header-rows>` +
    doc.phases
      .map((p) =>
        row([
          cell(para('Table_20_Heading', phaseLabel(p.kind, lang)), 'HeadCell'),
          cell(para('Table_20_Contents', formatPeriod(p.startsOn, p.endsOn, lang))),
          cell(para('Figure', String(figures.get(p.id)?.meetings ?? 0))),
          cell(para('Figure', String(figures.get(p.id)?.participations ?? 0))),
        ]),
      )
      .join('') +
    row([
      `<table:table-cell table:style-name="HeadCell" office:value-type="string" table:number-columns-spanned="2">${para('Table_20_Heading', t(lang, 'document.figuresTotal'))}</table:table-cell><table:covered-table-cell/>`,
      cell(para('Figure', String(doc.record.total.meetings))),
      cell(para('Figure', String(doc.record.total.participations))),
    ]) +
    `</table:table>`
  );
}

function milestonesXml(number: string, milestones: Milestone[], lang: Lang): string {
  if (milestones.length === 0) return para('Text_20_body', t(lang, 'commitment.noMilestones'));
  const header = [t(lang, 'milestone.deliverable'), t(lang, 'document.indicatorTarget'), t(lang, 'milestone.startDate'), t(lang, 'milestone.endDate')];
  const indicatorTarget = (m: Milestone) => [pick(m.indicator, lang), pick(m.target, lang)].filter(Boolean).join('\n');
  return (
    para('Table_20_caption', t(lang, 'document.milestonesCaption', { number })) +
    `<table:table table:name="${tableName(`Milestones_${number}`)}" table:style-name="Tbl">` +
    `<table:table-column table:style-name="ColWide" table:number-columns-repeated="2"/><table:table-column table:style-name="ColNarrow" table:number-columns-repeated="2"/>` +
    `<table:table-header-rows><table:table-row>${header.map((h) => cell(para('Table_20_Heading', h), 'HeadCell')).join('')}</table:table-row></table:table-header-rows>` +
    milestones
      .map(
        (m) =>
          `<table:table-row>${cell(localized('Table_20_Contents', m.deliverable, lang) || para('Table_20_Contents', ''))}${cell(para('Table_20_Contents', indicatorTarget(m)))}` +
          `${cell(para('Table_20_Contents', formatDate(m.startDate, lang)))}${cell(para('Table_20_Contents', formatDate(m.endDate, lang)))}</table:table-row>`,
      )
      .join('') +
    `</table:table>`
  );
}

function contentXml(doc: PlanDocument, lang: Lang): string {
  const { plan } = doc;
  const section = (
    anchor: string,
    key: 'plan.introduction' | 'plan.effortsToDate' | 'plan.developmentProcess' | 'plan.commitments',
    value: Localized,
    rest = '',
  ) => heading(1, t(lang, key), anchor, 'Heading_20_1_Break') + localized('Text_20_body', value, lang) + rest;
  const commitments = doc.areas
    .map(
      ({ area, commitments: list }) =>
        heading(2, areaHeading(area.position, area.title, lang), documentAnchors.area(area)) +
        localized('Text_20_body', area.description, lang) +
        list
          .map(({ commitment: c, milestones }) => {
            const rows = templateRows(c, doc.agencies, lang);
            return (
              heading(3, commitmentHeading(c, lang), documentAnchors.commitment(c.number), 'Heading_20_3_Break') +
              para('Table_20_caption', t(lang, 'document.commitmentCaption', { number: c.number })) +
              `<table:table table:name="${tableName(`Commitment_${c.number}`)}" table:style-name="Tbl">` +
              `<table:table-column table:style-name="ColLabel"/><table:table-column table:style-name="ColValue"/>` +
              rows
                .map(
                  (r) =>
                    `<table:table-row>${cell(para('Table_20_Heading', r.label), 'HeadCell')}${cell(
                      (typeof r.text === 'string' ? paras('Table_20_Contents', r.text) : localized('Table_20_Contents', r.text, lang)) ||
                        para('Table_20_Contents', ''),
                    )}</table:table-row>`,
                )
                .join('') +
              `</table:table>` +
              heading(4, t(lang, 'commitment.milestones'), `${documentAnchors.commitment(c.number)}-milestones`) +
              milestonesXml(c.number, milestones, lang)
            );
          })
          .join(''),
    )
    .join('');
  const body =
    (doc.member ? para('Subtitle', pick(doc.member.name, lang)) : '') +
    para('Title', pick(plan.title, lang)) +
    para('Subtitle', t(lang, 'document.subtitle')) +
    para('Subtitle', formatPeriod(plan.periodStart, plan.periodEnd, lang)) +
    para('Text_20_body', t(lang, 'document.generated', { date: formatDate(doc.today, lang) })) +
    (plan.isDemo ? para('Text_20_body', t(lang, 'demo.notice')) : '') +
    tableOfContentsXml(doc, lang) +
    section(documentAnchors.introduction, 'plan.introduction', plan.introduction) +
    section(documentAnchors.effortsToDate, 'plan.effortsToDate', plan.effortsToDate) +
    section(
      documentAnchors.developmentProcess,
      'plan.developmentProcess',
      plan.developmentProcess,
      heading(2, t(lang, 'document.figures'), 'figures') + figuresXml(doc, lang),
    ) +
    section(documentAnchors.commitments, 'plan.commitments', plan.commitmentsIntro, commitments);
  return (
    XML_DECLARATION +
    `<office:document-content ${NS} office:version="1.3">` +
    `<office:automatic-styles>` +
    `<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-bottom="0.3cm"/></style:style>` +
    `<style:style style:name="ColLabel" style:family="table-column"><style:table-column-properties style:column-width="5cm"/></style:style>` +
    `<style:style style:name="ColValue" style:family="table-column"><style:table-column-properties style:column-width="12cm"/></style:style>` +
    `<style:style style:name="ColWide" style:family="table-column"><style:table-column-properties style:column-width="5.5cm"/></style:style>` +
    `<style:style style:name="ColNarrow" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>` +
    `<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #8a96a3"/></style:style>` +
    `<style:style style:name="HeadCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #8a96a3" fo:background-color="#eef2f6"/></style:style>` +
    `<style:style style:name="Sect_TOC" style:family="section"><style:section-properties style:editable="false"/></style:style>` +
    `</office:automatic-styles>` +
    `<office:body><office:text>${body}</office:text></office:body></office:document-content>`
  );
}

function stylesXml(lang: Lang): string {
  const western = lang === 'en' ? 'fo:language="en" fo:country="US"' : 'fo:language="zh" fo:country="TW"';
  const textProps = (size: string, bold = false, sans = false) =>
    `<style:text-properties style:font-name="${sans ? 'Liberation Sans' : 'Liberation Serif'}" style:font-name-asian="${sans ? 'Noto Sans CJK TC' : 'Noto Serif CJK TC'}" ` +
    `fo:font-size="${size}" style:font-size-asian="${size}"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : ''}/>`;
  const paragraph = (name: string, display: string, parent: string, props: string, text: string) =>
    `<style:style style:name="${name}" style:display-name="${display}" style:family="paragraph" style:parent-style-name="${parent}">${props}${text}</style:style>`;
  const headingStyle = (level: number, size: string) =>
    paragraph(
      `Heading_20_${level}`,
      `Heading ${level}`,
      'Heading',
      `<style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>`,
      textProps(size, true, true),
    ).replace('style:family="paragraph"', `style:family="paragraph" style:default-outline-level="${level}"`);
  return (
    XML_DECLARATION +
    `<office:document-styles ${NS} office:version="1.3">` +
    `<office:font-face-decls>` +
    `<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>` +
    `<style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>` +
    `<style:font-face style:name="Noto Serif CJK TC" svg:font-family="'Noto Serif CJK TC'" style:font-family-generic="roman" style:font-pitch="variable"/>` +
    `<style:font-face style:name="Noto Sans CJK TC" svg:font-family="'Noto Sans CJK TC'" style:font-family-generic="swiss" style:font-pitch="variable"/>` +
    `</office:font-face-decls>` +
    `<office:styles>` +
    `<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="140%"/>` +
    `<style:text-properties style:font-name="Liberation Serif" style:font-name-asian="Noto Serif CJK TC" fo:font-size="11pt" style:font-size-asian="11pt" ${western} style:language-asian="zh" style:country-asian="TW"/></style:default-style>` +
    `<style:default-style style:family="table-cell"><style:table-cell-properties style:vertical-align="top"/></style:default-style>` +
    `<style:style style:name="Standard" style:family="paragraph" style:class="text"/>` +
    paragraph(
      'Heading',
      'Heading',
      'Standard',
      '<style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>',
      textProps('14pt', true, true),
    ) +
    paragraph(
      'Text_20_body',
      'Text body',
      'Standard',
      '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:text-align="justify"/>',
      '',
    ) +
    paragraph('Title', 'Title', 'Heading', '<style:paragraph-properties fo:margin-top="6cm" fo:margin-bottom="0.5cm"/>', textProps('24pt', true, true)) +
    paragraph('Subtitle', 'Subtitle', 'Heading', '<style:paragraph-properties fo:margin-top="0.1cm"/>', textProps('14pt', false, true)) +
    headingStyle(1, '18pt') +
    headingStyle(2, '15pt') +
    headingStyle(3, '13pt') +
    headingStyle(4, '12pt') +
    paragraph('Heading_20_1_Break', 'Heading 1 on a new page', 'Heading_20_1', '<style:paragraph-properties fo:break-before="page"/>', '').replace(
      'style:family="paragraph"',
      'style:family="paragraph" style:default-outline-level="1"',
    ) +
    paragraph('Heading_20_3_Break', 'Heading 3 on a new page', 'Heading_20_3', '<style:paragraph-properties fo:break-before="page"/>', '').replace(
      'style:family="paragraph"',
      'style:family="paragraph" style:default-outline-level="3"',
    ) +
    paragraph('Table_20_Contents', 'Table Contents', 'Standard', '', textProps('10pt')) +
    paragraph('Table_20_Heading', 'Table Heading', 'Table_20_Contents', '', textProps('10pt', true)) +
    paragraph('Figure', 'Figure', 'Table_20_Contents', '<style:paragraph-properties fo:text-align="end"/>', '') +
    paragraph(
      'Table_20_caption',
      'Table caption',
      'Standard',
      '<style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>',
      textProps('10pt', true),
    ) +
    paragraph('Contents_20_Heading', 'Contents Heading', 'Heading', '<style:paragraph-properties fo:break-before="page"/>', textProps('18pt', true, true)) +
    [1, 2, 3, 4]
      .map((level) =>
        paragraph(
          `Contents_20_${level}`,
          `Contents ${level}`,
          'Standard',
          `<style:paragraph-properties fo:margin-left="${(level - 1) * 0.6}cm" fo:margin-bottom="0.05cm"/>`,
          '',
        ),
      )
      .join('') +
    paragraph('Footer', 'Footer', 'Standard', '<style:paragraph-properties fo:text-align="center"/>', textProps('9pt')) +
    `</office:styles>` +
    `<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" ` +
    `fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>` +
    `<style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout></office:automatic-styles>` +
    `<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">` +
    `<style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number> / <text:page-count>1</text:page-count></text:p></style:footer>` +
    `</style:master-page></office:master-styles></office:document-styles>`
  );
}

function metaXml(doc: PlanDocument, lang: Lang): string {
  return (
    XML_DECLARATION +
    `<office:document-meta ${NS} office:version="1.3"><office:meta>` +
    `<meta:generator>Cocreate</meta:generator>` +
    `<dc:title>${xmlEscape(pick(doc.plan.title, lang))}</dc:title>` +
    `<dc:language>${lang}</dc:language>` +
    `<meta:creation-date>${doc.today}T00:00:00</meta:creation-date>` +
    `</office:meta></office:document-meta>`
  );
}

const MANIFEST =
  XML_DECLARATION +
  `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
  `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODT_MIME}"/>` +
  `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>` +
  `<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>` +
  `<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>` +
  `</manifest:manifest>`;

/** The .odt package: the same document, in the same order, as bytes; dated by the document's day, so stable. */
export function writeOdt(doc: PlanDocument, lang: Lang): Uint8Array {
  tableCount = 0;
  const mtime = new Date(`${doc.today}T00:00:00Z`);
  return zipSync(
    {
      mimetype: [strToU8(ODT_MIME), { level: 0 }],
      'META-INF/manifest.xml': strToU8(MANIFEST),
      'content.xml': strToU8(contentXml(doc, lang)),
      'styles.xml': strToU8(stylesXml(lang)),
      'meta.xml': strToU8(metaXml(doc, lang)),
    },
    { level: 6, mtime },
  );
}
