import type { ScalerClients } from '../adapters/clients';
import { createMsfApplications } from '../adapters/msfApplications';
import { scanScheduleTable } from '../adapters/scheduleTable';
import { type ReconcileOptions, reconcile } from './reconcile';
import type { RowOutcome, RunSummary } from './types';

/** Options of {@link runScaler}: what the handler, the CLI and the local demo all pass. */
interface RunScalerOptions {
  readonly clients: ScalerClients;
  readonly table: string;
  readonly instant: Date;
  /** @default false */
  readonly dryRun?: boolean;
  /** @default 8 */
  readonly concurrency?: number;
  readonly onOutcome?: (outcome: RowOutcome) => void;
  /** Most KPU a row may ask for; rows above it are invalid. @default 64 */
  readonly maxKPUPerApplication?: number;
  /** Most KPU the table's running applications may hold together; see {@link ReconcileOptions.maxTotalKPU}. @default no limit */
  readonly maxTotalKPU?: number;
  /**
   * The `key=value` tag the scaler's role requires on applications (stack option `requiredTag`):
   * an access denial then names the missing tag and the command that adds it. @default none
   */
  readonly requiredTag?: string;
  /** Epoch milliseconds by which the run must be done; see {@link ReconcileOptions.deadline}. */
  readonly deadline?: number;
  /** @default Date.now */
  readonly clock?: () => number;
}

/**
 * Reads the whole schedule table, then reconciles every row at `instant`. The one entry
 * point the Lambda handler, the CLI and the local world share.
 *
 * @throws ScheduleTableError when the table cannot be read.
 * @example
 * const summary = await runScaler({ clients: createScalerClients(), table: 'msf-scaler-schedules', instant: new Date() });
 */
async function runScaler(options: RunScalerOptions): Promise<RunSummary> {
  const items = await scanScheduleTable(options.clients.dynamodb, options.table);
  return reconcile({
    items,
    // The scanned array is ours alone: each raw row may go once it is reconciled.
    releaseItems: true,
    applications: createMsfApplications(
      options.clients.msf,
      options.requiredTag === undefined ? {} : { requiredTag: options.requiredTag },
    ),
    ...(options.clients.throttles === undefined ? {} : { throttles: options.clients.throttles }),
    instant: options.instant,
    table: options.table,
    ...(options.dryRun !== undefined ? { dryRun: options.dryRun } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.onOutcome !== undefined ? { onOutcome: options.onOutcome } : {}),
    ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
    ...(options.maxKPUPerApplication !== undefined ? { maxKPUPerApplication: options.maxKPUPerApplication } : {}),
    ...(options.maxTotalKPU !== undefined ? { maxTotalKPU: options.maxTotalKPU } : {}),
    ...(options.clock !== undefined ? { clock: options.clock } : {}),
  });
}

export type { RunScalerOptions };
export { runScaler };
