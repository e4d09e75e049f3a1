import type { ApplicationDetail } from '@aws-sdk/client-kinesis-analytics-v2';
import type { Row } from '@msf-scaler/schema';
import type { AppSnapshot } from '../../src/core/snapshot';

/** A valid, business-hours row (08:00-20:00 UTC, 1 -> 4 KPU); override what a test needs. */
function aRow(overrides: Partial<Row> = {}): Row {
  return {
    appName: 'orders-enricher',
    lowKPU: 1,
    highKPU: 4,
    scaleUpHour: 8,
    scaleDownHour: 20,
    timezone: 'UTC',
    peakDays: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'],
    enabled: true,
    autoScaling: 'keep',
    ...overrides,
  };
}

/** A RUNNING application at parallelism 1, 1 per KPU. */
function aSnapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    name: 'orders-enricher',
    status: 'RUNNING',
    versionId: 7,
    conditionalToken: 'token-7',
    parallelism: 1,
    parallelismPerKPU: 1,
    currentParallelism: 1,
    autoScalingEnabled: true,
    configurationType: 'CUSTOM',
    ...overrides,
  };
}

/** A DescribeApplication detail as MSF returns it (wire shape). */
function anApplicationDetail(
  options: {
    readonly name?: string;
    readonly status?: string;
    readonly versionId?: number;
    readonly token?: string | undefined;
    readonly parallelism?: number;
    readonly perKPU?: number;
    readonly autoScaling?: boolean;
  } = {},
): ApplicationDetail {
  const name = options.name ?? 'orders-enricher';
  return {
    ApplicationARN: `arn:aws:kinesisanalytics:us-east-1:123456789012:application/${name}`,
    ApplicationName: name,
    RuntimeEnvironment: 'FLINK-1_20',
    ApplicationStatus: (options.status ?? 'RUNNING') as ApplicationDetail['ApplicationStatus'],
    ApplicationVersionId: options.versionId ?? 7,
    ...('token' in options
      ? options.token === undefined
        ? {}
        : { ConditionalToken: options.token }
      : { ConditionalToken: 'token-7' }),
    ApplicationConfigurationDescription: {
      FlinkApplicationConfigurationDescription: {
        ParallelismConfigurationDescription: {
          ConfigurationType: 'CUSTOM',
          Parallelism: options.parallelism ?? 1,
          ParallelismPerKPU: options.perKPU ?? 1,
          CurrentParallelism: options.parallelism ?? 1,
          AutoScalingEnabled: options.autoScaling ?? true,
        },
      },
    },
  };
}

/** A raw table item as lib-dynamodb returns it. */
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

/** Friday 2026-11-27, 10:00 UTC: peak for the 08-20 row. */
const PEAK_INSTANT = new Date('2026-11-27T10:00:00Z');
/** Friday 2026-11-27, 20:00 UTC: the scale-down hour, off-peak. */
const OFF_PEAK_INSTANT = new Date('2026-11-27T20:00:00Z');

export { anApplicationDetail, anItem, aRow, aSnapshot, OFF_PEAK_INSTANT, PEAK_INSTANT };
