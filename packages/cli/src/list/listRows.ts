import {
  createMsfApplications,
  describeSchedule,
  evaluateSchedule,
  kpuFor,
  MsfCallError,
  mapWithConcurrency,
  nextChanges,
  optionalRequiredTag,
  readCalendars,
  type ScalerClients,
  scanScheduleTable,
} from '@msf-scaler/scaler';
import { parseRow } from '@msf-scaler/schema';

/** The next change of a row's target, in UTC and in the row's zone. */
interface ListedChange {
  readonly at: string;
  readonly localTime: string;
  readonly timezone: string;
  readonly targetKPU: number;
  readonly rule: string;
}

/** One row of `msf-scaler list`: what it asks for, where its application stands, what comes next. */
interface ListedRow {
  readonly rowId: string;
  readonly valid: boolean;
  readonly enabled?: boolean;
  readonly schedule?: string;
  /** The issues of an invalid row, joined. */
  readonly problem?: string;
  readonly warnings: readonly string[];
  readonly status?: string;
  readonly currentKPU?: number;
  /** Why the application could not be described. */
  readonly applicationError?: string;
  readonly targetKPU?: number;
  readonly rule?: string;
  readonly next?: ListedChange;
}

/** Every row of a table, in name order, with the valid calendars it holds. */
interface Listing {
  readonly table: string;
  readonly at: string;
  readonly rows: readonly ListedRow[];
  readonly calendars: readonly string[];
}

/** What {@link listRows} needs. */
interface ListRequest {
  readonly table: string;
  readonly instant: Date;
  readonly maxKPUPerApplication: number;
  /** Most DescribeApplication calls in flight at once (the run's concurrency). */
  readonly concurrency: number;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function compareIds(a: ListedRow, b: ListedRow): number {
  return a.rowId < b.rowId ? -1 : a.rowId > b.rowId ? 1 : 0;
}

/**
 * Scans the table and, for every row, evaluates its schedule now and finds its next change
 * (pure), and describes its application (a valid, enabled row only, `concurrency` at a time).
 * Calendar items are read from the same scan. Only the scan may throw (ScheduleTableError).
 *
 * @example
 * const listing = await listRows(clients, { table, instant: new Date(), maxKPUPerApplication: 64, concurrency: 32, env });
 */
async function listRows(clients: ScalerClients, request: ListRequest): Promise<Listing> {
  const items = await scanScheduleTable(clients.dynamodb, request.table);
  const { calendars, calendarOutcomes, rowPositions } = readCalendars(items);
  const applications = createMsfApplications(clients.msf, optionalRequiredTag(request.env));
  const rows = await mapWithConcurrency(rowPositions, request.concurrency, async (position): Promise<ListedRow> => {
    const parsed = parseRow(items[position], position, { maxKPUPerApplication: request.maxKPUPerApplication });
    const warnings = parsed.warnings.map((warning) => warning.message);
    if (!parsed.ok) {
      return {
        rowId: parsed.rowId,
        valid: false,
        problem: parsed.issues.map((issue) => issue.message).join('; '),
        warnings,
      };
    }
    const { row } = parsed;
    const evaluation = evaluateSchedule(row, calendars.byName, request.instant);
    const [change] = nextChanges(row, calendars.byName, request.instant, 1);
    const base: ListedRow = {
      rowId: row.appName,
      valid: true,
      enabled: row.enabled,
      schedule: describeSchedule(row),
      warnings: [...warnings, ...evaluation.warnings.map((warning) => warning.message)],
      targetKPU: evaluation.targetKPU,
      rule: evaluation.rule,
      ...(change === undefined
        ? {}
        : {
            next: {
              at: change.at.toISOString(),
              localTime: evaluateSchedule(row, calendars.byName, change.at).localTime,
              timezone: row.timezone,
              targetKPU: change.targetKPU,
              rule: change.rule,
            },
          }),
    };
    if (!row.enabled) return base;
    try {
      const app = await applications.describe(row.appName);
      return { ...base, status: app.status, currentKPU: kpuFor(app.parallelism, app.parallelismPerKPU) };
    } catch (error) {
      const message = error instanceof MsfCallError || error instanceof Error ? error.message : String(error);
      return { ...base, applicationError: message };
    }
  });
  const invalidCalendars: ListedRow[] = [...calendarOutcomes.values()].map((outcome) => ({
    rowId: outcome.rowId,
    valid: false,
    problem: outcome.reason,
    warnings: outcome.warnings,
  }));
  return {
    table: request.table,
    at: request.instant.toISOString(),
    rows: [...rows, ...invalidCalendars].sort(compareIds),
    calendars: calendars.read.map(({ rowId }) => rowId),
  };
}

export type { ListedChange, ListedRow, Listing, ListRequest };
export { listRows };
