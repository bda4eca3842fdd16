/**
 * The licence the open data is published under: COCREATE_DATA_LICENSE names one of the known licences by its SPDX
 * identifier (default CC-BY-4.0, as data.gov.tw's Open Government Data License is compatible with it), or gives
 * another as "Name|https://address".
 */
export interface DataLicense {
  name: string;
  url: string;
}

const KNOWN: Record<string, DataLicense> = {
  'CC-BY-4.0': { name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC0-1.0': { name: 'CC0 1.0 Universal (public domain dedication)', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'OGDL-Taiwan-1.0': { name: 'Open Government Data License, version 1.0 (Taiwan)', url: 'https://data.gov.tw/license' },
};

/** The configured licence; an unreadable setting is an error at the first export rather than a silent default. */
export function dataLicense(setting = process.env.COCREATE_DATA_LICENSE): DataLicense {
  const value = (setting ?? '').trim();
  if (value === '') return KNOWN['CC-BY-4.0']!;
  const known = KNOWN[value];
  if (known) return known;
  const [name, url] = value.split('|').map((part) => part.trim());
  if (name && url && /^https?:\/\/\S+$/.test(url)) return { name, url };
  throw new Error(`COCREATE_DATA_LICENSE must be one of ${Object.keys(KNOWN).join(', ')} or "Name|https://address"; got "${value}"`);
}

/** LICENSE.txt: which licence, in both languages, and how to credit. */
export function licenseText(license: DataLicense, siteName: string): string {
  return [
    `${siteName} open data`,
    '',
    `This data is published under ${license.name}.`,
    `Full text: ${license.url}`,
    `Credit: "${siteName}", with a link to the data page (/data) where you can.`,
    '',
    `${siteName} 開放資料`,
    '',
    `本資料以「${license.name}」授權釋出。`,
    `授權條款全文：${license.url}`,
    `請註明出處「${siteName}」，並盡可能附上資料頁面（/data）的連結。`,
    '',
  ].join('\n');
}
