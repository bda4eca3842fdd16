/** The one data table: caption, typed columns, `scope` on headers, numeric alignment, an empty state, a scroll wrapper. */
import type { Child } from 'hono/jsx';

export interface Column<Row> {
  header: Child;
  cell: (row: Row, index: number) => Child;
  /** Figures: right-aligned, kept on one line (class `num`, as app.css styles it). */
  numeric?: boolean;
  /** Kept on one line without being a figure (dates, periods, codes). */
  nowrap?: boolean;
  /** The cell names its row: rendered as `<th scope="row">`. */
  rowHeader?: boolean;
}

/** A column, or nothing where a column shows only to some (`canEdit ? column : null`). */
export type ColumnEntry<Row> = Column<Row> | false | null | undefined;

type Label =
  /** A visible caption (hidden from sight but not from screen readers with `hideCaption`). */
  | { caption: string; hideCaption?: boolean; labelledBy?: undefined }
  /** The id of a heading that already names the table. */
  | { labelledBy: string; caption?: undefined; hideCaption?: undefined };

export type DataTableProps<Row> = Label & {
  columns: readonly ColumnEntry<Row>[];
  rows: readonly Row[];
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  empty?: Child;
  id?: string;
  class?: string;
  /** Attributes of a row's `<tr>`: an anchor id, `aria-current`, a class, data attributes. */
  rowAttributes?: (row: Row, index: number) => Record<string, string | undefined>;
};

function cellClass(column: Column<unknown>): string | undefined {
  if (column.numeric) return 'num';
  return column.nowrap ? 'nowrap' : undefined;
}

/**
 * A wide table scrolls sideways inside its wrapper; the wrapper can take the keyboard focus (so it can be scrolled
 * without a mouse) and is named after the table, so a screen reader says what the focused region holds.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  if (props.rows.length === 0 && props.empty !== undefined) return <p>{props.empty}</p>;
  const columns = props.columns.filter((c): c is Column<Row> => Boolean(c));
  return (
    <div class="table-scroll" role="group" tabindex={0} aria-label={props.caption} aria-labelledby={props.labelledBy}>
      <table id={props.id} class={props.class} aria-labelledby={props.labelledBy}>
        {props.caption !== undefined ? <caption class={props.hideCaption ? 'visually-hidden' : undefined}>{props.caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" class={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, index) => (
            <tr {...(props.rowAttributes?.(row, index) ?? {})}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th scope="row" class={cellClass(column as Column<unknown>)}>
                    {column.cell(row, index)}
                  </th>
                ) : (
                  <td class={cellClass(column as Column<unknown>)}>{column.cell(row, index)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
