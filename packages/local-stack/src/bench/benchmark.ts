import { type RunSummary, runScaler } from '@msf-scaler/scaler';
import type { ExampleApplication } from '../examples';
import { localClients } from '../localClients';
import { startLocalStack } from '../localStack';
import { seed } from '../seed';

/** Options of {@link runBenchmark}. */
interface BenchmarkOptions {
  /** Applications (and rows). @default 200 */
  readonly apps?: number;
  /** Latency the emulator adds to every MSF call, in ms. @default 20 */
  readonly latencyMs?: number;
  /** Concurrency levels, one run each. @default [1, 8, 32] */
  readonly concurrencies?: readonly number[];
}

/** Figures of one run. */
interface BenchmarkRun {
  readonly concurrency: number;
  readonly wallMs: number;
  readonly rowsPerSecond: number;
  readonly msfCalls: number;
  readonly scanPages: number;
  /** Largest RSS sampled during the run (the servers run in this process too). */
  readonly peakRssBytes: number;
  /** heapUsed after the run minus before it (no forced GC: indicative only). */
  readonly heapDeltaBytes: number;
  readonly summary: RunSummary;
}

/** Everything {@link runBenchmark} measured. */
interface BenchmarkResult {
  readonly apps: number;
  readonly latencyMs: number;
  readonly seedMs: number;
  readonly runs: readonly BenchmarkRun[];
}

// Alternating between peak and off-peak makes every row scale in every run.
const PEAK = new Date('2026-11-27T10:00:00Z');
const OFF_PEAK = new Date('2026-11-27T22:00:00Z');
const RSS_SAMPLE_MS = 5;

function names(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `bench-${String(index).padStart(4, '0')}`);
}

/**
 * Measures the scaler against the local stack: N applications with N rows (1 KPU off-peak,
 * 2 KPU at peak), the emulator adding `latencyMs` to every MSF call, then one run per
 * concurrency level, alternating peak and off-peak so that every run scales every row.
 * Wall-clock figures, by nature: this is not a test and asserts nothing.
 *
 * @example
 * const result = await runBenchmark({ apps: 200, latencyMs: 20, concurrencies: [1, 8, 32] });
 */
async function runBenchmark(options: BenchmarkOptions = {}): Promise<BenchmarkResult> {
  const apps = names(options.apps ?? 200);
  const latencyMs = options.latencyMs ?? 20;
  const stack = await startLocalStack({ transitionMs: 0 });
  const clients = localClients(stack);
  let scanPages = 0;
  clients.dynamodbClient.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'ScanCommand') scanPages += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countScanPages' },
  );
  try {
    const seedStart = performance.now();
    const applications: ExampleApplication[] = apps.map((name) => ({
      name,
      parallelism: 1,
      parallelismPerKPU: 1,
      autoScalingEnabled: true,
      running: true,
    }));
    await seed(
      stack,
      {
        rows: apps.map((appName) => ({ appName, lowKPU: 1, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20 })),
        applications,
      },
      { clients },
    );
    const seedMs = performance.now() - seedStart;
    stack.emulator.setFaults({ latencyMs });

    const runs: BenchmarkRun[] = [];
    for (const [index, concurrency] of (options.concurrencies ?? [1, 8, 32]).entries()) {
      const callsBefore = stack.emulator.callCount();
      const pagesBefore = scanPages;
      const heapBefore = process.memoryUsage().heapUsed;
      let peakRssBytes = process.memoryUsage.rss();
      const sampler = setInterval(() => {
        peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
      }, RSS_SAMPLE_MS);
      const started = performance.now();
      let summary: RunSummary;
      try {
        summary = await runScaler({
          clients,
          table: stack.tableName,
          instant: index % 2 === 0 ? PEAK : OFF_PEAK,
          concurrency,
        });
      } finally {
        clearInterval(sampler);
      }
      const wallMs = performance.now() - started;
      peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
      runs.push({
        concurrency,
        wallMs,
        rowsPerSecond: summary.total / (wallMs / 1000),
        msfCalls: stack.emulator.callCount() - callsBefore,
        scanPages: scanPages - pagesBefore,
        peakRssBytes,
        heapDeltaBytes: process.memoryUsage().heapUsed - heapBefore,
        summary,
      });
    }
    return { apps: apps.length, latencyMs, seedMs, runs };
  } finally {
    clients.destroy();
    await stack.close();
  }
}

export type { BenchmarkOptions, BenchmarkResult, BenchmarkRun };
export { runBenchmark };
