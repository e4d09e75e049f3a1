import { paint, Style } from '@msf-scaler/commons';
import { cellsFromTargets, escapeControl, kpuFor, renderTimeline } from '@msf-scaler/scaler';
import type { Inspection } from '../show/inspectApplication';

/** Options of {@link renderShowLines}. */
interface ShowRenderOptions {
  readonly colour: boolean;
}

/** Width of the label column. */
const LABEL_WIDTH = 13;

/** `label     value`, continuation lines indented under the value; every value escaped. */
function* labelled(label: string, values: readonly string[], options: ShowRenderOptions): Generator<string> {
  const [first = '', ...rest] = values;
  yield `  ${paint(label.padEnd(LABEL_WIDTH), Style.DIM, options.colour)}${escapeControl(first)}`;
  for (const value of rest) yield `  ${' '.repeat(LABEL_WIDTH)}${escapeControl(value)}`;
}

/** `RUNNING, 4 KPU (parallelism 4, 1 per KPU), autoscaling on`. */
function describeApplication(inspection: Inspection): string {
  const app = inspection.application;
  if (app === undefined) return inspection.applicationError ?? 'not described';
  const kpu = kpuFor(app.parallelism, app.parallelismPerKPU);
  const running = app.currentParallelism === undefined ? '' : `, running at parallelism ${app.currentParallelism}`;
  return `${app.status}, ${kpu} KPU (parallelism ${app.parallelism}, ${app.parallelismPerKPU} per KPU${running}), autoscaling ${app.autoScalingEnabled ? 'on' : 'off'}`;
}

/**
 * `msf-scaler show APP` as lines: the row and its warnings, the application as MSF describes
 * it, the target now with its rule, the next changes, and how the latest scalings ended.
 *
 * @example
 * for (const line of renderShowLines(inspection, { colour: false })) console.log(line);
 */
function* renderShowLines(inspection: Inspection, options: ShowRenderOptions): Generator<string> {
  yield paint(escapeControl(inspection.appName), Style.BOLD, options.colour);
  if (inspection.row === undefined) {
    yield* labelled('row', [`none in table ${inspection.table}; add one with msf-scaler put`], options);
    return;
  }
  if (!inspection.valid) {
    yield* labelled('row', ['invalid: the scaler leaves this application alone'], options);
    yield* labelled(
      'issues',
      inspection.issues.map((issue) => issue.message),
      options,
    );
  } else {
    yield* labelled('schedule', [inspection.schedule ?? ''], options);
    yield* labelled(
      'row',
      [inspection.enabled === false ? 'disabled (enabled = false): left alone' : 'valid, enabled'],
      options,
    );
  }
  if (inspection.warnings.length > 0) yield* labelled('warnings', inspection.warnings, options);
  if (!inspection.valid) return;
  yield* labelled('application', [describeApplication(inspection)], options);
  if (inspection.now !== undefined) {
    yield* labelled(
      'now',
      [`${inspection.now.targetKPU} KPU: ${inspection.now.rule} (${inspection.at}, local ${inspection.now.localTime})`],
      options,
    );
  }
  yield* labelled(
    'next',
    inspection.nextChanges.length === 0
      ? ['no change in the next 35 days']
      : inspection.nextChanges.map(
          (change) => `${change.at} (local ${change.localTime}) -> ${change.targetKPU} KPU: ${change.rule}`,
        ),
    options,
  );
  if (inspection.timeline !== undefined) {
    const { targets } = inspection.timeline;
    yield '';
    const drawn = renderTimeline(
      {
        start: new Date(inspection.timeline.start),
        apps: [
          {
            name: escapeControl(inspection.appName),
            label: '',
            cells: cellsFromTargets(targets),
          },
        ],
        eventLegend: "the schedule's target goes up/down",
      },
      { colour: options.colour },
    );
    for (const line of drawn.split('\n')) yield `  ${line}`.trimEnd();
    yield '';
  }
  if (inspection.application !== undefined) {
    yield* labelled(
      'scalings',
      inspection.scalingsError !== undefined
        ? [`could not ask MSF: ${inspection.scalingsError}`]
        : inspection.scalings.length === 0
          ? ['none recorded by MSF']
          : inspection.scalings.map((scaling) => scaling.text),
      options,
    );
  }
}

export type { ShowRenderOptions };
export { renderShowLines };
