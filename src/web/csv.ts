/** The one way this app writes CSV: every export goes through toCsv(), so every cell is written the same safe way. */
import type { AppContext } from './context.js';

/** First characters a spreadsheet reads as the start of a formula, their full-width forms included. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);
const NEEDS_QUOTES = /[",\n\r]/;

function csvCell(cell: string | number): string {
  if (typeof cell === 'number') return String(cell);
  const value = cell !== '' && FORMULA_START.has(cell[0]!) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * CSV text for rows of cells (RFC 4180, LF line ends). A text cell that a spreadsheet would read as a formula
 * (starting with =, +, -, @, a tab or a carriage return, or their full-width forms) is prefixed with `'`, as OWASP
 * advises against CSV injection; numbers stay numbers, so -3 is still -3. The same bytes as csv-stringify with
 * `escape_formulas` (csv.test.ts compares them), written here because the open data export writes tens of megabytes
 * of it and the library's general path cost a tenth of the export's time.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(csvCell).join(',')}\n`;
  return text;
}

/** A CSV download; a BOM first so spreadsheet programs read the Chinese text as UTF-8. */
export function csvResponse(c: AppContext, fileName: string, rows: readonly (readonly (string | number)[])[]): Response {
  return c.body(`\uFEFF${toCsv(rows)}`, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` });
}
