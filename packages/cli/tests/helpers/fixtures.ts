import type { ApplicationDetail } from '@aws-sdk/client-kinesis-analytics-v2';
import { OUTCOMES, type Outcome, type RowOutcome, type RunSummary } from '@msf-scaler/scaler';

/** A DescribeApplication detail as MSF returns it (wire shape): RUNNING, CUSTOM parallelism. */
function anApplicationDetail(
  options: { readonly name?: string; readonly parallelism?: number; readonly perKPU?: number } = {},
): ApplicationDetail {
  const name = options.name ?? 'orders-enricher';
  return {
    ApplicationARN: `arn:aws:kinesisanalytics:us-east-1:123456789012:application/${name}`,
    ApplicationName: name,
    RuntimeEnvironment: 'FLINK-1_20',
    ApplicationStatus: 'RUNNING',
    ApplicationVersionId: 7,
    ConditionalToken: 'token-7',
    ApplicationConfigurationDescription: {
      FlinkApplicationConfigurationDescription: {
        ParallelismConfigurationDescription: {
          ConfigurationType: 'CUSTOM',
          Parallelism: options.parallelism ?? 1,
          ParallelismPerKPU: options.perKPU ?? 1,
          CurrentParallelism: options.parallelism ?? 1,
          AutoScalingEnabled: true,
        },
      },
    },
  };
}

/** A raw table item as lib-dynamodb returns it: a business-hours row (08:00-20:00 UTC, 1 -> 4 KPU). */
function anItem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appName: 'orders-enricher',
    lowKPU: 1,
    highKPU: 4,
    scaleUpHour: 8,
    scaleDownHour: 20,
    ...overrides,
  };
}

/** A run summary of `outcomes`, with the counts they make. */
function aSummary(outcomes: readonly RowOutcome[]): RunSummary {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const { outcome } of outcomes) counts[outcome] += 1;
  return {
    table: 't',
    at: '2026-11-27T10:00:00.000Z',
    dryRun: false,
    calendars: [],
    total: outcomes.length,
    peakConcurrency: 1,
    counts,
    outcomes,
  };
}

/** An `unchanged` row outcome; override what a test needs. */
function anOutcome(overrides: Partial<RowOutcome> = {}): RowOutcome {
  return { rowId: 'orders', outcome: 'unchanged', reason: 'already at 2 KPU', warnings: [], ...overrides };
}

export { anApplicationDetail, anItem, anOutcome, aSummary };
