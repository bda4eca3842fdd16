/** The one way this app writes CSV: every export goes through csvResponse(), so every cell is written the same safe way. */
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from './context.js';

/**
 * CSV text for rows of cells. A text cell that a spreadsheet would read as a formula (starting with =, +, -, @, a
 * tab or a carriage return, or their full-width forms) is prefixed with `'`, as OWASP advises against CSV injection
 * (csv-stringify's escape_formulas); numbers stay numbers, so -3 is still -3.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return stringify(rows as (string | number)[][], { escape_formulas: true });
}

/** A CSV download; a BOM first so spreadsheet programs read the Chinese text as UTF-8. */
export function csvResponse(c: AppContext, fileName: string, rows: readonly (readonly (string | number)[])[]): Response {
  return c.body(`\uFEFF${toCsv(rows)}`, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` });
}
