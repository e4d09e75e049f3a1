import type { ScalerClients } from '../adapters/clients';
import { createEventBus } from '../adapters/eventBus';
import { createHistoryTable } from '../adapters/historyTable';
import { createMsfApplications } from '../adapters/msfApplications';
import { scanScheduleTable } from '../adapters/scheduleTable';
import { Defaults } from '../constants';
import { type EventPublishResult, type EventsPort, scalerEvents } from './events';
import { type HistoryPort, type HistoryWriteResult, historyEntries, newRunId } from './history';
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
  /**
   * The history (audit trail) table the run records what it did in, through `clients.dynamodb`.
   * @default 'msf-scaler-history' (`Defaults.HISTORY_TABLE`)
   */
  readonly historyTable?: string;
  /** Where the run records what it did, instead of `historyTable` (unit tests pass a fake). @default the DynamoDB table `historyTable` */
  readonly history?: HistoryPort;
  /**
   * Called once after the history of a run that is not a dry run was written, with what was and
   * was not written (the handler logs a failure and counts it as `HistoryWriteFailures`).
   */
  readonly onHistory?: (result: HistoryWriteResult) => void;
  /** The run's id in its history keys and events. @default 8 random hex characters */
  readonly runId?: string;
  /**
   * Publish one EventBridge event per `scaled` row and per `busy`, `error` or `invalid` row, on the
   * default bus, through `clients.eventbridge` (never in a dry run). The handler turns it on
   * unless `SCALER_EVENTS=off`. @default false
   */
  readonly events?: boolean;
  /** Where the run publishes its events, instead of `clients.eventbridge` (unit tests pass a fake). */
  readonly eventBus?: EventsPort;
  /**
   * Called once after the events of a run with `events: true` that is not a dry run were
   * published, with what was and was not (the handler logs a failure and counts it as
   * `EventPublishFailures`).
   */
  readonly onEvents?: (result: EventPublishResult) => void;
}

/**
 * When the work after a run (history, events) must stop: `budgetMs` from now, and never more than
 * `budgetMs` past the run's own deadline (the handler keeps that much back from Lambda's).
 */
function afterRunDeadline(clock: () => number, runDeadline: number | undefined, budgetMs: number): number {
  return Math.min(clock() + budgetMs, (runDeadline ?? Number.POSITIVE_INFINITY) + budgetMs);
}

/**
 * Writes the history of a finished run: its run entry and one entry per recorded row. Bounded
 * in time: at most `Defaults.HISTORY_WRITE_BUDGET_MS` (5 s) from now, and never more than that
 * past the run's deadline, which the handler keeps 15 s before Lambda's own
 * (`Defaults.DEADLINE_MARGIN_MS`). Never throws: a failure is reported, not an outcome.
 */
async function recordHistory(
  summary: RunSummary,
  options: RunScalerOptions,
  runId: string,
): Promise<HistoryWriteResult> {
  const clock = options.clock ?? Date.now;
  const history =
    options.history ??
    createHistoryTable(options.clients.dynamodb, options.historyTable ?? Defaults.HISTORY_TABLE, { clock });
  const entries = historyEntries(summary, runId);
  try {
    return await history.write(entries, afterRunDeadline(clock, options.deadline, Defaults.HISTORY_WRITE_BUDGET_MS));
  } catch (error) {
    // A port must not reject; if one does, the rows still keep their outcomes.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { table: history.table, written: 0, failed: entries.length, problem: `unexpected failure: ${detail}` };
  }
}

/**
 * Publishes the events of a finished run, bounded in time like its history
 * (`Defaults.EVENTS_PUBLISH_BUDGET_MS`, 5 s, and never more than that past the run's deadline).
 * Never throws: a failure is reported, not an outcome.
 */
async function publishEvents(
  summary: RunSummary,
  options: RunScalerOptions,
  runId: string,
): Promise<EventPublishResult> {
  const clock = options.clock ?? Date.now;
  const events = scalerEvents(summary, runId);
  const eventbridge = options.clients.eventbridge;
  const bus = options.eventBus ?? (eventbridge === undefined ? undefined : createEventBus(eventbridge, { clock }));
  if (bus === undefined) {
    return {
      bus: 'default',
      published: 0,
      failed: events.length,
      problem: 'the run was given no EventBridge client; build the clients with createScalerClients',
    };
  }
  try {
    return await bus.publish(events, afterRunDeadline(clock, options.deadline, Defaults.EVENTS_PUBLISH_BUDGET_MS));
  } catch (error) {
    // A port must not reject; if one does, the rows still keep their outcomes.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { bus: bus.bus, published: 0, failed: events.length, problem: `unexpected failure: ${detail}` };
  }
}

/**
 * Reads the whole schedule table, then reconciles every row at `instant`, then records what it
 * did in the history table and, with `events`, publishes its EventBridge events (neither in a dry
 * run; both at once). The one entry point the Lambda handler, the CLI and the local world share.
 * Writing the history or publishing the events never changes a row's outcome: what could not be
 * written is reported to `onHistory`, what could not be published to `onEvents`.
 *
 * @throws ScheduleTableError when the table cannot be read.
 * @example
 * const summary = await runScaler({ clients: createScalerClients(), table: 'msf-scaler-schedules', instant: new Date() });
 */
async function runScaler(options: RunScalerOptions): Promise<RunSummary> {
  const items = await scanScheduleTable(options.clients.dynamodb, options.table);
  const summary = await reconcile({
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
  // A plan decides without acting: there is nothing to audit.
  if (!summary.dryRun) {
    const runId = options.runId ?? newRunId();
    const [history, events] = await Promise.all([
      recordHistory(summary, options, runId),
      options.events === true ? publishEvents(summary, options, runId) : Promise.resolve(undefined),
    ]);
    options.onHistory?.(history);
    if (events !== undefined) options.onEvents?.(events);
  }
  return summary;
}

export type { RunScalerOptions };
export { runScaler };
