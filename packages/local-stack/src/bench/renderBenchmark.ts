import type { BenchmarkResult } from './benchmark';

const MB = 1024 * 1024;

function outcomes(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${outcome} ${count}`)
    .join(', ');
}

/**
 * The benchmark's figures as a table, one line per concurrency level. Pure.
 *
 * @example
 * process.stdout.write(`${renderBenchmark(result)}\n`);
 */
function renderBenchmark(result: BenchmarkResult): string {
  const header = [
    'concurrency',
    'wall ms',
    'rows/s',
    'MSF calls',
    'Scan pages',
    'peak RSS MB',
    'heap Δ MB',
    'outcomes',
  ];
  const rows = result.runs.map((run) => [
    String(run.concurrency),
    run.wallMs.toFixed(0),
    run.rowsPerSecond.toFixed(1),
    String(run.msfCalls),
    String(run.scanPages),
    (run.peakRssBytes / MB).toFixed(1),
    `${run.heapDeltaBytes >= 0 ? '+' : ''}${(run.heapDeltaBytes / MB).toFixed(1)}`,
    outcomes(run.summary.counts),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  function line(cells: readonly string[]): string {
    return cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  }
  return [
    `Benchmark: ${result.apps} applications and rows, emulator latency ${result.latencyMs} ms per MSF call,`,
    `dynalite and the emulator in this process (RSS includes them); seeding took ${result.seedMs.toFixed(0)} ms.`,
    'Each run scales every row (peak and off-peak alternate): 1 Scan, then DescribeApplication + UpdateApplication per row.',
    '',
    line(header),
    ...rows.map(line),
  ].join('\n');
}

export { renderBenchmark };
