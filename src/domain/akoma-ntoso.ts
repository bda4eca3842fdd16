/**
 * Akoma Ntoso 3.0 debate XML for one transcript, shaped like SayIt's export (speakers as TLCPerson references,
 * one debateSection per transcript with its title as heading, nested debateSections for `## sections`,
 * speech/question/answer/other with `by` and `from`, narrative without a speaker). Pure.
 */
import type { SpeechKind } from './transcript-markdown.js';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

export interface AknSpeaker {
  slug: string;
  name: string;
}

export interface AknSpeech {
  id: number;
  speakerSlug: string | null;
  speakerLabel: string | null;
  kind: SpeechKind;
  body: string;
  section?: string | null;
}

export interface AknTranscript {
  title: string;
  heldOn: string | null;
  language: 'zh-TW' | 'en';
  /** The work's FRBR URI, e.g. `/akn/tw/debate/2020-12-31/12`. */
  uri: string;
  speakers: AknSpeaker[];
  speeches: AknSpeech[];
  /** FRBR country code; 'tw' when absent. */
  country?: string;
  /** Date of this export (YYYY-MM-DD) for the manifestation; the meeting date, or today, when absent. */
  exportedOn?: string;
}

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot carry. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An XML name token usable as an eId: letters, digits, `-`, `_`, `.`, not starting with a digit, `-` or `.`. */
function safeId(slug: string): string {
  const cleaned = slug.replace(/[^\p{L}\p{N}\p{M}_.-]/gu, '-');
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `p_${cleaned}`;
}

/** ISO 639-2 code used in FRBR expression URIs. */
const AKN_LANGUAGE: Record<AknTranscript['language'], string> = { 'zh-TW': 'zho', en: 'eng' };

/** One `<p>` per paragraph (blank-line separated); line breaks inside a paragraph become `<br/>`. */
function paragraphs(body: string, indent: string): string[] {
  const ps = body
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => `${indent}<p>${p.split('\n').map(xmlEscape).join('<br/>')}</p>`);
  return ps.length > 0 ? ps : [`${indent}<p/>`];
}

/**
 * One FRBR level (work, expression or manifestation) of the identification block: the elements every level has,
 * then the one only that level states (country, language), if any. Lines come indented for their place in the document.
 */
function frbrLevel(element: string, thisValue: string, uri: string, date: string, dateName: string, own?: string): string[] {
  return [
    `        <${element}>`,
    `          <FRBRthis value="${xmlEscape(thisValue)}"/>`,
    `          <FRBRuri value="${xmlEscape(uri)}"/>`,
    `          <FRBRdate date="${xmlEscape(date)}" name="${dateName}"/>`,
    '          <FRBRauthor href="#cocreate"/>',
    ...(own === undefined ? [] : [`          ${own}`]),
    `        </${element}>`,
  ];
}

/** Akoma Ntoso 3.0 debate document for a transcript. */
export function akomaNtosoDebate(t: AknTranscript): string {
  const known = new Map(t.speakers.map((s) => [s.slug, s]));
  const lang = AKN_LANGUAGE[t.language];
  const today = new Date().toISOString().slice(0, 10);
  const workDate = t.heldOn ?? t.exportedOn ?? today;
  const manifestationDate = t.exportedOn ?? t.heldOn ?? today;
  const uri = t.uri.replace(/\/+$/, '');
  const a = xmlEscape;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<akomaNtoso xmlns="${AKN_NAMESPACE}">`);
  out.push('  <debate name="transcript">');
  out.push('    <meta>');
  out.push('      <identification source="#cocreate">');
  const workDateName = t.heldOn ? 'meeting' : 'export';
  out.push(...frbrLevel('FRBRWork', `${uri}/!main`, uri, workDate, workDateName, `<FRBRcountry value="${a(t.country ?? 'tw')}"/>`));
  out.push(...frbrLevel('FRBRExpression', `${uri}/${lang}@/!main`, `${uri}/${lang}@`, workDate, workDateName, `<FRBRlanguage language="${lang}"/>`));
  out.push(...frbrLevel('FRBRManifestation', `${uri}/${lang}@/!main.xml`, `${uri}/${lang}@.akn`, manifestationDate, 'export'));
  out.push('      </identification>');
  out.push('      <references source="#cocreate">');
  out.push('        <TLCOrganization eId="cocreate" href="/ontology/organization/cocreate" showAs="Cocreate"/>');
  for (const s of t.speakers) {
    out.push(`        <TLCPerson eId="${a(safeId(s.slug))}" href="/ontology/person/${a(s.slug)}" showAs="${a(s.name)}"/>`);
  }
  out.push('      </references>');
  out.push('    </meta>');
  out.push('    <preface>');
  out.push(`      <p><docTitle>${a(t.title)}</docTitle></p>`);
  if (t.heldOn) out.push(`      <p><docDate date="${a(t.heldOn)}">${a(t.heldOn)}</docDate></p>`);
  out.push('    </preface>');
  out.push('    <debateBody>');
  out.push('      <debateSection eId="dbsect_1">');
  if (t.title.trim() !== '') out.push(`        <heading>${a(t.title)}</heading>`);

  let section: string | null = null;
  let sectionCount = 0;
  let indent = '        ';
  for (const s of t.speeches) {
    const wanted = s.section ?? null;
    if (wanted !== section) {
      if (section !== null) out.push('        </debateSection>');
      section = wanted;
      indent = '        ';
      if (section !== null) {
        sectionCount++;
        out.push(`        <debateSection eId="dbsect_1__dbsect_${sectionCount}">`);
        if (section.trim() !== '') out.push(`          <heading>${a(section)}</heading>`);
        indent = '          ';
      }
    }
    const eId = `s${s.id}`;
    if (s.kind === 'narrative') {
      out.push(`${indent}<narrative eId="${eId}">`);
      out.push(...paragraphs(s.body, `${indent}  `));
      out.push(`${indent}</narrative>`);
      continue;
    }
    const by = s.speakerSlug !== null && known.has(s.speakerSlug) ? `#${safeId(s.speakerSlug)}` : '';
    out.push(`${indent}<${s.kind} by="${a(by)}" eId="${eId}">`);
    if (s.speakerLabel !== null && s.speakerLabel !== '') out.push(`${indent}  <from>${a(s.speakerLabel)}</from>`);
    out.push(...paragraphs(s.body, `${indent}  `));
    out.push(`${indent}</${s.kind}>`);
  }
  if (section !== null) out.push('        </debateSection>');
  out.push('      </debateSection>');
  out.push('    </debateBody>');
  out.push('  </debate>');
  out.push('</akomaNtoso>');
  return out.join('\n') + '\n';
}
