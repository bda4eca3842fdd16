/** Every human-readable field exists in both languages with a translation status. */
export const LANGUAGES = ['zh-TW', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const TRANSLATION_STATUSES = ['missing', 'draft', 'reviewed'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

/** Stored as JSONB `{"zh": …, "en": …, "status": …}`; status describes the pair, not one side. */
export interface Localized {
  zh: string;
  en: string;
  status: TranslationStatus;
}

export const emptyLocalized = (): Localized => ({ zh: '', en: '', status: 'missing' });

/**
 * A pair with one side empty is a missing translation whatever status was asked for;
 * a complete pair keeps the status the editor chose (draft unless reviewed).
 */
export function normalizeLocalized(input: { zh?: string | null; en?: string | null; status?: TranslationStatus | null }): Localized {
  const zh = (input.zh ?? '').trim();
  const en = (input.en ?? '').trim();
  if (zh === '' && en === '') return { zh, en, status: 'missing' };
  if (zh === '' || en === '') return { zh, en, status: 'missing' };
  const status = input.status === 'reviewed' ? 'reviewed' : 'draft';
  return { zh, en, status };
}

/** The text in the wanted language, falling back to the other one so a page is never blank. */
export function pick(text: Localized | null | undefined, lang: Lang): string {
  if (!text) return '';
  const wanted = lang === 'en' ? text.en : text.zh;
  return wanted !== '' ? wanted : lang === 'en' ? text.zh : text.en;
}

/** True when the page shows the other language's text because this one is missing. */
export function isFallback(text: Localized | null | undefined, lang: Lang): boolean {
  if (!text) return false;
  const wanted = lang === 'en' ? text.en : text.zh;
  const other = lang === 'en' ? text.zh : text.en;
  return wanted === '' && other !== '';
}

export type LocalizedPatch = Partial<Pick<Localized, 'zh' | 'en' | 'status'>>;

/**
 * Applies an edit to a localized pair. Changing either text without saying the translation was reviewed
 * makes it a draft again, since the other side may no longer say the same.
 */
export function mergeLocalized(current: Localized, patch: LocalizedPatch | undefined): Localized {
  if (!patch) return current;
  const zh = patch.zh ?? current.zh;
  const en = patch.en ?? current.en;
  const textChanged = zh.trim() !== current.zh || en.trim() !== current.en;
  const status = patch.status ?? (textChanged ? 'draft' : current.status);
  return normalizeLocalized({ zh, en, status });
}
