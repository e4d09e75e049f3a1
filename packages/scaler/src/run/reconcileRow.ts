import { parseRow, type Row } from '@msf-scaler/schema';
import type { ApplicationsPort } from '../adapters/msfApplications';
import { type Decision, decide } from '../core/decide';
import { Outcome } from '../core/outcome';
import { ApplicationBusyError, ConcurrentModificationError, MsfCallError } from '../errors';
import type { RowOutcome } from './types';

interface RowContext {
  readonly applications: ApplicationsPort;
  readonly instant: Date;
  readonly dryRun: boolean;
  /** Most KPU a row may ask for; above it the row is invalid. */
  readonly maxKPUPerApplication?: number;
}

function figuresOf(decision: Decision): Omit<RowOutcome, 'rowId' | 'outcome' | 'reason' | 'warnings'> {
  return {
    status: decision.figures.status,
    peak: decision.figures.peak,
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
    return { ...base, outcome: Outcome.ERROR, reason: error.message, errorCode: error.code };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { ...base, outcome: Outcome.ERROR, reason: `unexpected failure: ${message}`, errorCode: 'UnknownError' };
}

/** Applies a decision: sends the update unless it is a dry run or nothing is to be done. */
async function apply(
  row: Row,
  decision: Decision,
  warnings: readonly string[],
  context: RowContext,
  note: string,
): Promise<RowOutcome> {
  const base = { rowId: row.appName, warnings, ...figuresOf(decision) };
  switch (decision.action) {
    case 'skip':
      return { ...base, outcome: Outcome.SKIPPED, reason: `${decision.reason}${note}` };
    case 'keep':
      return { ...base, outcome: Outcome.UNCHANGED, reason: `${decision.reason}${note}` };
    case 'scale': {
      if (context.dryRun) {
        return { ...base, outcome: Outcome.SCALED, reason: `${decision.reason}${note} (dry run: not sent)` };
      }
      const operationId = await context.applications.update(decision.plan);
      return {
        ...base,
        outcome: Outcome.SCALED,
        reason: `${decision.reason}${note}`,
        ...(operationId !== undefined ? { operationId } : {}),
      };
    }
  }
}

/**
 * Reconciles one raw table row: validate, describe, decide, update. Never throws: every
 * failure becomes the row's outcome, so one row never stops or delays the others.
 *
 * A ConcurrentModificationException (the app changed between describe and update) is
 * answered by describing again and retrying once with the fresh version.
 */
async function reconcileRow(raw: unknown, position: number, context: RowContext): Promise<RowOutcome> {
  const parsed = parseRow(
    raw,
    position,
    context.maxKPUPerApplication === undefined ? {} : { maxKPUPerApplication: context.maxKPUPerApplication },
  );
  const warnings = parsed.warnings.map((warning) => warning.message);
  if (!parsed.ok) {
    return {
      rowId: parsed.rowId,
      outcome: Outcome.INVALID,
      reason: parsed.issues.map((issue) => issue.message).join('; '),
      issues: parsed.issues,
      warnings,
    };
  }
  const { row } = parsed;
  if (!row.enabled) {
    return {
      rowId: row.appName,
      outcome: Outcome.SKIPPED,
      reason: 'row is disabled (enabled = false); set enabled to true to scale this application',
      warnings,
    };
  }

  let decision: Decision | undefined;
  try {
    decision = decide(row, await context.applications.describe(row.appName), context.instant);
    try {
      return await apply(row, decision, warnings, context, '');
    } catch (error) {
      if (!(error instanceof ConcurrentModificationError)) throw error;
      decision = decide(row, await context.applications.describe(row.appName), context.instant);
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

export type { RowContext };
export { reconcileRow };
