import {
  DescribeApplicationCommand,
  type KinesisAnalyticsV2Client,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import type { MsfEmulator } from '@msf-scaler/msf-emulator';
import { Defaults, type RunSummary, runScaler } from '@msf-scaler/scaler';
import type { ExampleApplication } from '../examples';
import { localClients } from '../localClients';
import { startLocalStack } from '../localStack';
import { seed } from '../seed';

/** Faults the emulator injects during the measured loops, as probabilities per call. */
interface BenchFaults {
  /** ThrottlingException. @default 0 */
  readonly throttle?: number;
  /** HTTP 500 ServiceUnavailableException. @default 0 */
  readonly serverError?: number;
  /** ConcurrentModificationException on UpdateApplication. @default 0 */
  readonly conflict?: number;
}

/** Options of {@link runBenchmark}. */
interface BenchmarkOptions {
  /** Applications (and rows). @default 200 */
  readonly apps?: number;
  /** Latency the emulator adds to every MSF call, in ms. @default 20 */
  readonly latencyMs?: number;
  /** @default no faults */
  readonly faults?: BenchFaults;
  /** The scaler's most rows in flight. @default the scaler's default (32) */
  readonly concurrency?: number;
  /** Called before each measured loop, for progress on stderr. */
  readonly onProgress?: (message: string) => void;
}

/** What one way of scaling every application did. */
interface LoopFigures {
  readonly wallMs: number;
  /** MSF calls the emulator answered (retries and faulted calls included). */
  readonly msfCalls: number;
  /** Applications at their target afterwards. */
  readonly converged: number;
  /** Largest RSS sampled during the loop (the servers run in this process too). */
  readonly peakRssBytes: number;
}

/** Everything {@link runBenchmark} measured. */
interface BenchmarkResult {
  readonly apps: number;
  readonly latencyMs: number;
  readonly faults: BenchFaults;
  readonly seedMs: number;
  /** Describe, check, Update, one application after the other (the AWS sample's loop). */
  readonly sequential: LoopFigures;
  /** The scaler at its defaults. */
  readonly scaler: LoopFigures & { readonly summary: RunSummary };
  /** The scaler's Lambda timeout, in seconds, for {@link fitInTimeout}. */
  readonly timeoutSeconds: number;
}

// The sequential loop scales every application up to HIGH, the scaler back down at an off-peak
// instant: the same calls for both.
const OFF_PEAK = new Date('2026-11-27T22:00:00Z');
const LOW = 1;
const HIGH = 2;
const RSS_SAMPLE_MS = 5;

function names(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `bench-${String(index).padStart(5, '0')}`);
}

/** Runs `work`, sampling this process's RSS meanwhile. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; wallMs: number; peakRssBytes: number }> {
  let peakRssBytes = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
  }, RSS_SAMPLE_MS);
  const started = performance.now();
  try {
    const value = await work();
    return {
      value,
      wallMs: performance.now() - started,
      peakRssBytes: Math.max(peakRssBytes, process.memoryUsage.rss()),
    };
  } finally {
    clearInterval(sampler);
  }
}

function convergedCount(emulator: MsfEmulator, apps: readonly string[], kpu: number): number {
  return apps.filter(
    (name) =>
      emulator.getApplication(name)?.ApplicationConfigurationDescription.FlinkApplicationConfigurationDescription
        .ParallelismConfigurationDescription.Parallelism === kpu,
  ).length;
}

/**
 * The loop of the AWS sample, for comparison: for each application in turn, DescribeApplication,
 * compare, UpdateApplication when needed, with the same SDK client. A failed call is counted
 * and the loop goes on (the sample would stop).
 */
async function sequentialLoop(msf: KinesisAnalyticsV2Client, apps: readonly string[], target: number): Promise<void> {
  for (const name of apps) {
    try {
      const { ApplicationDetail: detail } = await msf.send(new DescribeApplicationCommand({ ApplicationName: name }));
      const parallelism =
        detail?.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
          ?.ParallelismConfigurationDescription?.Parallelism;
      if (detail === undefined || parallelism === target) continue;
      await msf.send(
        new UpdateApplicationCommand({
          ApplicationName: name,
          CurrentApplicationVersionId: detail.ApplicationVersionId,
          ApplicationConfigurationUpdate: {
            FlinkApplicationConfigurationUpdate: {
              ParallelismConfigurationUpdate: { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: target },
            },
          },
        }),
      );
    } catch {
      // Counted through `converged`: the application stays off its target.
    }
  }
}

/**
 * Measures the scaler against the sequential loop it replaces, on the local stack: N
 * applications with N rows (1 KPU off-peak, 2 KPU at peak), the emulator adding `latencyMs`
 * (and optional faults) to every MSF call. The sequential loop scales every application up, the
 * scaler at its defaults scales every one back down: the same calls for both. Wall-clock
 * figures, by nature: this is not a test and asserts nothing.
 *
 * @example
 * const result = await runBenchmark({ apps: 1000, latencyMs: 100, faults: { throttle: 0.3 } });
 */
async function runBenchmark(options: BenchmarkOptions = {}): Promise<BenchmarkResult> {
  const apps = names(options.apps ?? 200);
  const latencyMs = options.latencyMs ?? 20;
  const faults = options.faults ?? {};
  const stack = await startLocalStack({ transitionMs: 0 });
  const clients = localClients(stack);
  try {
    options.onProgress?.(`Seeding ${apps.length} applications and rows...`);
    const seedStart = performance.now();
    const applications: ExampleApplication[] = apps.map((name) => ({
      name,
      parallelism: LOW,
      parallelismPerKPU: 1,
      autoScalingEnabled: true,
      running: true,
    }));
    await seed(
      stack,
      {
        rows: apps.map((appName) => ({ appName, lowKPU: LOW, highKPU: HIGH, scaleUpHour: 8, scaleDownHour: 20 })),
        applications,
      },
      { clients },
    );
    const seedMs = performance.now() - seedStart;
    stack.emulator.setFaults({
      latencyMs,
      throttleRate: faults.throttle ?? 0,
      serverErrorRate: faults.serverError ?? 0,
      conflictRate: faults.conflict ?? 0,
    });

    options.onProgress?.(`Sequential loop over ${apps.length} applications (${latencyMs} ms per call)...`);
    let callsBefore = stack.emulator.callCount();
    const sequentialRun = await measure(() => sequentialLoop(clients.msf, apps, HIGH));
    const sequential = {
      wallMs: sequentialRun.wallMs,
      msfCalls: stack.emulator.callCount() - callsBefore,
      converged: convergedCount(stack.emulator, apps, HIGH),
      peakRssBytes: sequentialRun.peakRssBytes,
    };

    options.onProgress?.('The scaler at its defaults...');
    callsBefore = stack.emulator.callCount();
    const scalerRun = await measure(() =>
      runScaler({
        clients,
        table: stack.tableName,
        instant: OFF_PEAK,
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      }),
    );
    const scaler = {
      wallMs: scalerRun.wallMs,
      msfCalls: stack.emulator.callCount() - callsBefore,
      converged: convergedCount(stack.emulator, apps, LOW),
      peakRssBytes: scalerRun.peakRssBytes,
      summary: scalerRun.value,
    };
    return {
      apps: apps.length,
      latencyMs,
      faults,
      seedMs,
      sequential,
      scaler,
      timeoutSeconds: Defaults.LAMBDA_TIMEOUT_SECONDS,
    };
  } finally {
    clients.destroy();
    await stack.close();
  }
}

/** The figures derived from a result, for the table and for the README. */
interface BenchmarkFigures {
  /** Sequential wall time over the scaler's. */
  readonly speedup: number;
  /** MSF calls × latency / the concurrency the scaler reached: the best any run could do. */
  readonly idealMs: number;
  /** The scaler's wall time over the ideal (1 is perfect). */
  readonly ratioToIdeal: number;
  /** Seconds a run may take in the deployed function: its timeout less the handler's deadline margin. */
  readonly budgetSeconds: number;
  /** Applications each way can reconcile within {@link BenchmarkFigures.budgetSeconds}. */
  readonly fitInTimeout: { readonly sequential: number; readonly scaler: number };
}

/**
 * Speedup, the ratio to the ideal and what fits in the deployed timeout. Pure.
 *
 * @example
 * deriveFigures(result).speedup; // 24.3
 */
function deriveFigures(result: BenchmarkResult): BenchmarkFigures {
  const budgetSeconds = result.timeoutSeconds - Defaults.DEADLINE_MARGIN_MS / 1000;
  const idealMs = (result.scaler.msfCalls * result.latencyMs) / Math.max(1, result.scaler.summary.peakConcurrency);
  function appsInBudget(figures: LoopFigures): number {
    return Math.floor((result.apps / (figures.wallMs / 1000)) * budgetSeconds);
  }
  return {
    speedup: result.sequential.wallMs / result.scaler.wallMs,
    idealMs,
    budgetSeconds,
    ratioToIdeal: idealMs === 0 ? 1 : result.scaler.wallMs / idealMs,
    fitInTimeout: { sequential: appsInBudget(result.sequential), scaler: appsInBudget(result.scaler) },
  };
}

export type { BenchFaults, BenchmarkFigures, BenchmarkOptions, BenchmarkResult, LoopFigures };
export { deriveFigures, runBenchmark };
