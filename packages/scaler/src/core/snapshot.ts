/**
 * What the scaler needs to know about one MSF application, read from DescribeApplication.
 * Plain data: the decision core never sees SDK types.
 */
interface AppSnapshot {
  readonly name: string;
  /** One of MSF's ApplicationStatus values (RUNNING, UPDATING, AUTOSCALING, READY, ...). */
  readonly status: string;
  readonly versionId: number;
  /** Present on current MSF; preferred over the version id for optimistic concurrency. */
  readonly conditionalToken: string | undefined;
  /** Configured parallelism (what autoscaling never goes below); DEFAULT configuration means 1. */
  readonly parallelism: number;
  readonly parallelismPerKPU: number;
  /** What the job runs with right now (autoscaling may have raised it above `parallelism`). */
  readonly currentParallelism: number | undefined;
  readonly autoScalingEnabled: boolean;
  readonly configurationType: 'DEFAULT' | 'CUSTOM';
}

/** The RUNNING status: the only one in which the scaler acts. */
const RUNNING = 'RUNNING';

export type { AppSnapshot };
export { RUNNING };
