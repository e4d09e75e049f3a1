import { paint, Style } from '@msf-scaler/commons';
import type { Outcome } from '../core/outcome';
import { truncateTo } from './text';

/** The colour of each outcome wherever a table shows one. */
const OUTCOME_STYLE: Readonly<Record<Outcome, Style>> = {
  scaled: Style.GREEN,
  unchanged: Style.DIM,
  skipped: Style.YELLOW,
  busy: Style.YELLOW,
  invalid: Style.RED,
  error: Style.RED,
  deferred: Style.YELLOW,
};

/** One line of a {@link fitTable} table: its cells (already escaped) and the column to paint, if any. */
interface TableRow {
  readonly cells: readonly string[];
  readonly paint?: { readonly column: number; readonly style: Style };
}

/** Options of {@link fitTable}. */
interface FitTableOptions {
  readonly colour: boolean;
  /** Longest line: the terminal's width on a TTY, a fixed one when piped. */
  readonly width: number;
  /** Narrowest last column kept however narrow the terminal, so its text never vanishes. @default 20 */
  readonly minLastWidth?: number;
}

/**
 * Lines of a table: every column but the last padded to its widest cell, the last (a reason, a
 * schedule) cut with `…` so that no line is longer than `options.width`, the header first. Cells
 * must already have their control characters escaped. Made as they are asked for.
 *
 * @example
 * [...fitTable(['APP', 'REASON'], [{ cells: ['orders', 'a long reason'] }], { colour: false, width: 20 })];
 * // ['APP     REASON', 'orders  a long reason']
 */
function* fitTable(header: readonly string[], rows: readonly TableRow[], options: FitTableOptions): Generator<string> {
  const fixed = header.length - 1;
  const widths = header.slice(0, fixed).map((title) => title.length);
  for (const { cells } of rows) {
    for (let column = 0; column < fixed; column += 1) {
      widths[column] = Math.max(widths[column] ?? 0, (cells[column] ?? '').length);
    }
  }
  const lastWidth = Math.max(
    options.minLastWidth ?? 20,
    options.width - widths.reduce((sum, width) => sum + width + 2, 0),
  );
  function line(row: TableRow): string {
    return row.cells
      .map((text, column) => {
        if (column >= fixed) return truncateTo(text, lastWidth);
        const padded = text.padEnd(widths[column] ?? 0);
        return row.paint?.column === column ? paint(padded, row.paint.style, options.colour) : padded;
      })
      .join('  ')
      .trimEnd();
  }
  yield line({ cells: header });
  for (const row of rows) yield line(row);
}

export type { FitTableOptions, TableRow };
export { fitTable, OUTCOME_STYLE };
