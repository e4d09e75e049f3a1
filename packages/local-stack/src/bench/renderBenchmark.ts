import { type BenchFaults, type BenchmarkResult, deriveFigures, type LoopFigures } from './benchmark';

const MB = 1024 * 1024;

function percent(rate: number | undefined): string | undefined {
  return rate === undefined || rate === 0 ? undefined : `${Math.round(rate * 100)}%`;
}

function describeFaults(faults: BenchFaults): string {
  const parts = [
    ['throttling', percent(faults.throttle)],
    ['5xx', percent(faults.serverError)],
    ['update conflicts', percent(faults.conflict)],
  ].filter(([, rate]) => rate !== undefined);
  return parts.length === 0 ? 'no faults' : parts.map(([kind, rate]) => `${rate} ${kind}`).join(', ');
}

function outcomes(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${outcome} ${count}`)
    .join(', ');
}

/**
 * The benchmark as a person reads it: the sequential loop and the scaler side by side, then the
 * speedup, the ratio to the ideal and how many applications fit in the deployed timeout. Pure.
 *
 * @example
 * process.stdout.write(`${renderBenchmark(result)}\n`);
 */
function renderBenchmark(result: BenchmarkResult): string {
  const figures = deriveFigures(result);
  const header = ['', 'wall s', 'MSF calls', 'calls/row', 'converged', 'peak RSS MB'];
  function row(label: string, loop: LoopFigures): string[] {
    return [
      label,
      (loop.wallMs / 1000).toFixed(2),
      String(loop.msfCalls),
      (loop.msfCalls / Math.max(1, result.apps)).toFixed(2),
      `${loop.converged}/${result.apps}`,
      (loop.peakRssBytes / MB).toFixed(1),
    ];
  }
  const rows = [row('sequential loop', result.sequential), row('scaler (defaults)', result.scaler)];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((cells) => (cells[column] ?? '').length)),
  );
  function line(cells: readonly string[]): string {
    return cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  }
  const peak = result.scaler.summary.peakConcurrency;
  return [
    `Benchmark: ${result.apps} applications and rows, ${result.latencyMs} ms per MSF call, ${describeFaults(result.faults)}.`,
    `dynalite and the emulator run in this process (RSS includes them); seeding took ${(result.seedMs / 1000).toFixed(1)} s.`,
    'Both scale every application once: DescribeApplication, then UpdateApplication, same SDK client, same emulator.',
    '',
    line(header),
    ...rows.map(line),
    '',
    `speedup ${figures.speedup.toFixed(1)}x; ideal ${(figures.idealMs / 1000).toFixed(2)} s (${result.scaler.msfCalls} calls x ${result.latencyMs} ms / ${peak} in flight, the concurrency the scaler reached); the scaler took ${figures.ratioToIdeal.toFixed(2)}x the ideal`,
    `in the deployed timeout (${result.timeoutSeconds} s, ${figures.budgetSeconds} s after the deadline margin) at these rates: sequential ~${figures.fitInTimeout.sequential} applications, scaler ~${figures.fitInTimeout.scaler}`,
    `scaler outcomes: ${outcomes(result.scaler.summary.counts)}`,
  ].join('\n');
}

export { renderBenchmark };
