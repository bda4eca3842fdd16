/** README.md of an export: every file and every column, in Traditional Chinese and in English, from the entities' tables. */
import { headersOf, type OpenDataColumn, type OpenDataEntity } from '../../web/open-data.js';
import type { DataLicense } from './opendata.license.js';

const TYPE_LABEL: Record<OpenDataColumn['type'], { en: string; zh: string }> = {
  int: { en: 'whole number', zh: '整數' },
  decimal: { en: 'decimal (two places)', zh: '小數（兩位）' },
  text: { en: 'text', zh: '文字' },
  date: { en: 'date, YYYY-MM-DD', zh: '日期（YYYY-MM-DD）' },
  enum: { en: 'one of the listed values', zh: '列舉值之一' },
  bool: { en: 'true or false', zh: 'true 或 false' },
  localized: { en: 'text in zh-TW and en, and the translation status (missing / draft / reviewed)', zh: '中文、英文及翻譯狀態（missing / draft / reviewed）' },
  list: { en: 'list, items separated by "; "', zh: '清單，以「; 」分隔' },
  json: { en: 'JSON', zh: 'JSON' },
};

const cellText = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function columnRows(column: OpenDataColumn, lang: 'en' | 'zh'): string {
  const type = TYPE_LABEL[column.type][lang];
  const values = column.values ? ` (${column.values.join(', ')})` : '';
  const optional = column.nullable ? (lang === 'en' ? '; may be empty' : '；可為空') : '';
  const derived = column.derived ? (lang === 'en' ? '; derived, ignored on import' : '；衍生欄位，匯入時略過') : '';
  return `| ${headersOf(column).map(cellText).join('<br>')} | \`${column.key}\` | ${cellText(type + values + optional + derived)} | ${cellText(column.description[lang])} |`;
}

export function readmeText(
  entities: readonly OpenDataEntity[],
  options: { license: DataLicense; siteName: string; planSlug: string | null; schemaUrl: string },
): string {
  const lines: string[] = [];
  const scopeZh = options.planSlug ? `行動方案「${options.planSlug}」` : '全站';
  const scopeEn = options.planSlug ? `the action plan "${options.planSlug}"` : 'the whole site';
  lines.push(`# ${options.siteName} 開放資料 · Open data`, '');
  lines.push(`本資料為${scopeZh}的公開資料，以「${options.license.name}」授權（見 LICENSE.txt）。`);
  lines.push(`This is the public data of ${scopeEn}, under ${options.license.name} (see LICENSE.txt).`, '');
  lines.push('## 檔案 · Files', '');
  lines.push(
    '- `data.json`：單一 JSON 文件，結構見 `schema.json`（JSON Schema）· one JSON document; its JSON Schema is `schema.json` (also at ' +
      options.schemaUrl +
      ').',
  );
  lines.push(
    '- `csv/<表>.csv`：每個資料表一個 CSV（UTF-8，無 BOM；網站另提供含 BOM 的版本供試算表使用）· one CSV per table (UTF-8 without BOM; the site also serves a BOM variant for spreadsheets).',
  );
  lines.push('- `data.ods`：ODF 試算表，每個資料表一個工作表 · an OpenDocument spreadsheet, one sheet per table.');
  lines.push('');
  lines.push("以「; 」分隔的欄位為清單。以 `=`、`+`、`-`、`@` 開頭的文字在 CSV 中前加 `'`，以免試算表將其當作公式；匯入時會移除。");
  lines.push(
    'Cells holding lists separate their items with "; ". In CSV, text starting with `=`, `+`, `-` or `@` is prefixed with `\'` so spreadsheets do not run it as a formula; the import takes it off.',
  );
  lines.push('');
  lines.push('同一份檔案（JSON、CSV 或 ZIP）可由幕僚單位匯回：以識別碼新增或更新，全部檢查通過才寫入。');
  lines.push('The same files (JSON, CSV or this ZIP) import back: rows are created or updated by ID, all or nothing.', '');
  for (const entity of entities) {
    lines.push(`## ${entity.title.zh} · ${entity.title.en} (\`${entity.name}\`)`, '');
    lines.push(entity.description.zh, '', entity.description.en, '');
    lines.push('| 欄位 Column | JSON | 型別 | 說明 |', '| --- | --- | --- | --- |');
    for (const column of entity.columns) lines.push(columnRows(column, 'zh'));
    lines.push('');
    lines.push('| Column | JSON | Type | Description |', '| --- | --- | --- | --- |');
    for (const column of entity.columns) lines.push(columnRows(column, 'en'));
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
