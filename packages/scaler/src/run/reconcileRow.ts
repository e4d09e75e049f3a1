import { type CalendarEntry, parseRow, type Row } from '@msf-scaler/schema';
import type { ApplicationsPort } from '../adapters/msfApplications';
import { type Decision, decide } from '../core/decide';
import { type BackoffVerdict, backoffReason, backoffVerdict, retryNote } from '../core/operationHistory';
import { Outcome } from '../core/outcome';
import type { AppSnapshot } from '../core/snapshot';
import { ApplicationBusyError, ConcurrentModificationError, MsfCallError } from '../errors';
import { type KpuBudget, overBudgetReason } from './kpuBudget';
import { failedAttemptsAt, stoppedByFailedScaling } from './operationHistory';
import type { RowOutcome } from './types';

interface RowContext {
  readonly applications: ApplicationsPort;
  readonly instant: Date;
  readonly dryRun: boolean;
  /** Most KPU a row may ask for; above it the row is invalid. */
  readonly maxKPUPerApplication?: number;
  /**
   * The real time, in epoch milliseconds, that MSF's operation times are compared with (the
   * back-off); not the schedule's `instant`, which `--at` may move. @default Date.now
   */
  readonly clock?: () => number;
  /** The shared holiday calendars of the table, by name (read from the same scan). @default none */
  readonly calendars?: ReadonlyMap<string, CalendarEntry>;
  /** The table-wide KPU guard (`maxTotalKPU`): scale-ups reserve their increase from it. @default none */
  readonly budget?: KpuBudget;
}

/** Error codes of the scalings the scaler itself refuses: the operation history's, and the KPU budget's. */
const RefusalCode = {
  BACKING_OFF: 'ScalingBackOff',
  STOPPED: 'StoppedAfterFailedScaling',
  OVER_TOTAL: 'MaxTotalKpuExceeded',
} as const;

function figuresOf(decision: Decision): Omit<RowOutcome, 'rowId' | 'outcome' | 'reason' | 'warnings'> {
  return {
    status: decision.figures.status,
    peak: decision.figures.peak,
    rule: decision.figures.rule,
    localTime: decision.figures.localTime,
    currentKPU: decision.figures.currentKPU,
    targetKPU: decision.figures.targetKPU,
    parallelism: decision.figures.parallelism,
    parallelismPerKPU: decision.figures.parallelismPerKPU,
    ...(decision.action === 'scale'
      ? {
          targetParallelism: decision.plan.parallelism,
          autoScalingEnabled: decision.plan.autoScalingEnabled,
        }
      : {}),
  };
}

function failure(row: Row, warnings: readonly string[], error: unknown, decision?: Decision): RowOutcome {
  const base = { rowId: row.appName, warnings, ...(decision ? figuresOf(decision) : {}) };
  if (error instanceof ApplicationBusyError) {
    return {
      ...base,
      outcome: Outcome.BUSY,
      reason: `${error.message}; the next run retries`,
      errorCode: error.code,
    };
  }
  if (error instanceof MsfCallError) {
    return {
      ...base,
      outcome: Outcome.ERROR,
      reason: error.message,
      errorCode: error.code,
      ...(error.transient ? { transient: true } : {}),
    };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { ...base, outcome: Outcome.ERROR, reason: `unexpected failure: ${message}`, errorCode: 'UnknownError' };
}

/**
 * `read()`, or `fallback` with a warning when MSF could not be asked because of throttling, a
 * 5xx or a timeout. The operation history only guards against repeating a failure: one run
 * without it costs at most one extra attempt, while refusing would let a throttle storm stop
 * every scaling. Any other failure (access denied, ...) is the row's error.
 */
async function readHistory<T>(
  read: () => Promise<T>,
  fallback: T,
  warnings: string[],
  consequence: string,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof MsfCallError) || !error.transient) throw error;
    warnings.push(`${error.message}; ${consequence}`);
    return fallback;
  }
}

/** Applies a decision: sends the update unless it is a dry run, nothing is to be done, or the back-off holds it. */
async function apply(
  row: Row,
  decision: Decision,
  rowWarnings: readonly string[],
  context: RowContext,
  note: string,
): Promise<RowOutcome> {
  const warnings = [...rowWarnings];
  const base = { rowId: row.appName, warnings, ...figuresOf(decision) };
  switch (decision.action) {
    case 'skip': {
      const stopped =
        decision.figures.status === 'READY'
          ? await readHistory(
              () => stoppedByFailedScaling(context.applications, row.appName),
              undefined,
              warnings,
              'could not check whether a failed scaling stopped it',
            )
          : undefined;
      if (stopped !== undefined) {
        return { ...base, outcome: Outcome.ERROR, reason: stopped, errorCode: RefusalCode.STOPPED };
      }
      return { ...base, outcome: Outcome.SKIPPED, reason: `${decision.reason}${note}` };
    }
    case 'keep':
      return { ...base, outcome: Outcome.UNCHANGED, reason: `${decision.reason}${note}` };
    case 'scale': {
      const failures = await readHistory(
        () => failedAttemptsAt(context.applications, row.appName, decision.plan.parallelism),
        [],
        warnings,
        'scaled without checking for earlier failed attempts',
      );
      const verdict: BackoffVerdict = backoffVerdict(failures, new Date((context.clock ?? Date.now)()));
      if (verdict.wait) {
        return {
          ...base,
          outcome: Outcome.ERROR,
          reason: `${decision.reason}: ${backoffReason(verdict, decision.figures.targetKPU)}`,
          errorCode: RefusalCode.BACKING_OFF,
          operationId: verdict.last.operationId,
        };
      }
      const retried = retryNote(verdict);
      const change = decision.figures.targetKPU - decision.figures.currentKPU;
      const budget = context.budget;
      if (budget !== undefined && change > 0 && !budget.tryReserve(change)) {
        return {
          ...base,
          outcome: Outcome.ERROR,
          reason: `${decision.reason}: ${overBudgetReason(budget, decision.figures.currentKPU, decision.figures.targetKPU)}`,
          errorCode: RefusalCode.OVER_TOTAL,
        };
      }
      if (context.dryRun) {
        if (change < 0) budget?.release(-change);
        return {
          ...base,
          outcome: Outcome.SCALED,
          reason: `${decision.reason}${retried}${note} (dry run: not sent)`,
          dryRun: true,
          wouldScale: true,
        };
      }
      let operationId: string | undefined;
      try {
        operationId = await context.applications.update(decision.plan);
      } catch (error) {
        if (change > 0) budget?.release(change);
        throw error;
      }
      if (change < 0) budget?.release(-change);
      return {
        ...base,
        outcome: Outcome.SCALED,
        reason: `${decision.reason}${retried}${note}`,
        ...(operationId !== undefined ? { operationId } : {}),
      };
    }
  }
}

/** A row read and its application described, ready to decide; or a row that ended before that. */
type PreparedRow =
  | { readonly kind: 'done'; readonly outcome: RowOutcome }
  | {
      readonly kind: 'described';
      readonly row: Row;
      readonly warnings: readonly string[];
      readonly snapshot: AppSnapshot;
    };

/**
 * The first half of a row: validate, then describe the application. Never throws: an invalid
 * or disabled row, or a failed describe, ends the row here.
 */
async function prepareRow(raw: unknown, position: number, context: RowContext): Promise<PreparedRow> {
  const parsed = parseRow(
    raw,
    position,
    context.maxKPUPerApplication === undefined ? {} : { maxKPUPerApplication: context.maxKPUPerApplication },
  );
  const warnings = parsed.warnings.map((warning) => warning.message);
  if (!parsed.ok) {
    return {
      kind: 'done',
      outcome: {
        rowId: parsed.rowId,
        outcome: Outcome.INVALID,
        reason: parsed.issues.map((issue) => issue.message).join('; '),
        issues: parsed.issues,
        warnings,
      },
    };
  }
  const { row } = parsed;
  if (!row.enabled) {
    return {
      kind: 'done',
      outcome: {
        rowId: row.appName,
        outcome: Outcome.SKIPPED,
        reason: 'row is disabled (enabled = false); set enabled to true to scale this application',
        warnings,
      },
    };
  }
  try {
    return { kind: 'described', row, warnings, snapshot: await context.applications.describe(row.appName) };
  } catch (error) {
    return { kind: 'done', outcome: failure(row, warnings, error) };
  }
}

/**
 * The second half of a row: decide on the snapshot and apply. Never throws. A
 * ConcurrentModificationException (the app changed between describe and update) is answered by
 * describing again and retrying once with the fresh version.
 */
async function finishRow(
  prepared: Extract<PreparedRow, { kind: 'described' }>,
  context: RowContext,
): Promise<RowOutcome> {
  const { row } = prepared;
  const { calendars } = context;
  let decision: Decision = decide(row, prepared.snapshot, context.instant, calendars);
  // What the evaluation noticed (an expired override, a calendar that does not exist, ...).
  const warnings = [...prepared.warnings, ...decision.warnings];
  try {
    try {
      return await apply(row, decision, warnings, context, '');
    } catch (error) {
      if (!(error instanceof ConcurrentModificationError)) throw error;
      decision = decide(row, await context.applications.describe(row.appName), context.instant, calendars);
      return await apply(row, decision, warnings, context, ' (after a concurrent change, retried once)');
    }
  } catch (error) {
    if (error instanceof ConcurrentModificationError) {
      // Changed again under us: someone else is updating it right now. Busy, not broken.
      return failure(
        row,
        warnings,
        new ApplicationBusyError(row.appName, `${error.message} (twice in a row)`, { cause: error }),
        decision,
      );
    }
    return failure(row, warnings, error, decision);
  }
}

/**
 * Reconciles one raw table row: validate, describe, decide, update. Never throws: every
 * failure becomes the row's outcome, so one row never stops or delays the others.
 */
async function reconcileRow(raw: unknown, position: number, context: RowContext): Promise<RowOutcome> {
  const prepared = await prepareRow(raw, position, context);
  return prepared.kind === 'done' ? prepared.outcome : finishRow(prepared, context);
}

export type { PreparedRow, RowContext };
export { finishRow, prepareRow, reconcileRow };
