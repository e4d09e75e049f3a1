import { paint, Style } from '@msf-scaler/commons';
import { escapeControl, renderTimeline, truncateTo } from '@msf-scaler/scaler';
import { type Simulation, timelineApps } from '../simulate/simulateRows';

/** Options of {@link renderSimulationLines}. */
interface SimulationRenderOptions {
  readonly colour: boolean;
  /** Draw the hour-by-hour timeline. @default true */
  readonly timeline?: boolean;
}

/** Widest APP cell. */
const MAX_APP_WIDTH = 40;
const HEADERS = ['APP', 'KPU-HOURS', 'ALWAYS HIGH', 'SAVED', 'COST', 'ALWAYS HIGH $', 'SAVED $', 'CHANGES'] as const;

function money(amount: number): string {
  return `${amount < 0 ? '-' : ''}$${Math.abs(amount).toFixed(2)}`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '' : ` (${Math.round((part / whole) * 100)}%)`;
}

/** `2026-11-30 00:00 UTC`. */
function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function cellsOf(
  name: string,
  figures: {
    readonly kpuHours: number;
    readonly alwaysHighKpuHours: number;
    readonly cost: number;
    readonly alwaysHighCost: number;
    readonly changes: number;
  },
): string[] {
  const saved = figures.alwaysHighKpuHours - figures.kpuHours;
  return [
    truncateTo(escapeControl(name), MAX_APP_WIDTH),
    String(figures.kpuHours),
    String(figures.alwaysHighKpuHours),
    `${saved}${percent(saved, figures.alwaysHighKpuHours)}`,
    money(figures.cost),
    money(figures.alwaysHighCost),
    money(Math.round((figures.alwaysHighCost - figures.cost) * 100) / 100),
    String(figures.changes),
  ];
}

/**
 * `msf-scaler simulate` as lines: the period and price, the timeline of each application's target
 * (drawn as the `pnpm start` demo draws it), then per application and in total the KPU-hours billed
 * (with MSF's orchestration KPU) and their cost against keeping it at its highest KPU, and the rows
 * left out with why.
 *
 * @example
 * for (const line of renderSimulationLines(simulation, { colour: false })) console.log(line);
 */
function* renderSimulationLines(simulation: Simulation, options: SimulationRenderOptions): Generator<string> {
  yield paint(
    `Simulation of ${simulation.apps.length} application${simulation.apps.length === 1 ? '' : 's'}, ${when(simulation.from)} to ${when(simulation.to)} (${simulation.hours} hours), at $${simulation.pricePerKpuHour} per KPU-hour (${simulation.priceSource})`,
    Style.BOLD,
    options.colour,
  );
  if (simulation.apps.length > 0 && options.timeline !== false) {
    yield '';
    const timeline = renderTimeline(
      {
        start: new Date(simulation.from),
        apps: timelineApps(simulation).map((app) => ({ ...app, name: escapeControl(app.name) })),
        eventLegend: "the schedule's target goes up/down (each change restarts the job)",
      },
      { colour: options.colour },
    );
    yield* timeline.split('\n');
  }
  yield '';
  const rows = [...simulation.apps.map((app) => cellsOf(app.appName, app)), cellsOf('TOTAL', simulation.totals)];
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((cells) => (cells[column] ?? '').length)),
  );
  function line(cells: readonly string[]): string {
    return cells
      .map((text, column) => (column === 0 ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0)))
      .join('  ');
  }
  yield paint(line(HEADERS), Style.BOLD, options.colour);
  for (const cells of rows.slice(0, -1)) yield line(cells);
  yield paint(line(rows.at(-1) ?? []), Style.BOLD, options.colour);
  yield '';
  yield 'KPU-hours bill each hour at the schedule\'s target plus the 1 KPU MSF adds per Flink application for orchestration; "always high" keeps each application at its highest KPU. Storage and backups are not included.';
  for (const left of simulation.leftOut) {
    yield paint(`left out: ${escapeControl(left.rowId)}: ${escapeControl(left.reason)}`, Style.YELLOW, options.colour);
  }
}

export type { SimulationRenderOptions };
export { renderSimulationLines };
