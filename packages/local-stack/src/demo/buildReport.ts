import {
  describeSchedule,
  highestKpuOf,
  kpuFor,
  OUTCOMES,
  Outcome,
  type RunSummary,
  type TimelineApp,
  type TimelineCell,
} from '@msf-scaler/scaler';
import { parseRow } from '@msf-scaler/schema';
import type { Examples } from '../examples';
import type { AppKpuHours, DemoReport, RowNote, RuleNote } from './types';

/** An application as the emulator holds it after one run. */
interface AppState {
  readonly status: string;
  readonly parallelism: number;
  readonly parallelismPerKPU: number;
}

/** One simulated hour: the run's summary and every application's state right after it. */
interface HourRecord {
  readonly instant: Date;
  readonly summary: RunSummary;
  /** By application name; missing when the emulator has no such application. */
  readonly apps: ReadonlyMap<string, AppState>;
}

// Statuses in which the job does not run, so no KPU is billed.
const STOPPED = new Set(['READY', 'DELETING', 'ROLLED_BACK']);
// Outcomes that are the scaler doing its job; every other one is worth a note.
const QUIET: ReadonlySet<Outcome> = new Set([Outcome.SCALED, Outcome.UNCHANGED]);
// The rules the timeline's windows do not explain: an override in force, a holiday (the words the
// core's describeRule starts them with).
const NOTED_RULES = ['override ', 'holiday '] as const;
const HOUR_MS = 3_600_000;

function kpuOf(state: AppState | undefined): number | null {
  return state === undefined || STOPPED.has(state.status) ? null : kpuFor(state.parallelism, state.parallelismPerKPU);
}

interface RowView {
  readonly label: string;
  /**
   * The highest KPU the row can ask for (its highest window, or an override above it) when
   * the scaler manages the application (valid, enabled row).
   */
  readonly highKPU?: number;
}

function viewRow(rows: Examples['rows'], name: string): RowView {
  const position = rows.findIndex((row) => row.appName === name);
  if (position < 0) return { label: 'no schedule row' };
  const parsed = parseRow(rows[position], position);
  if (!parsed.ok) return { label: 'row invalid: left alone' };
  const { row } = parsed;
  const schedule = describeSchedule(row);
  if (!row.enabled) return { label: `row disabled: left alone (${schedule})` };
  const overrides = (row.overrides ?? []).map((override) => override.kpu);
  return { label: schedule, highKPU: Math.max(highestKpuOf(row), ...overrides) };
}

function cellFor(record: HourRecord, name: string): TimelineCell {
  const kpu = kpuOf(record.apps.get(name));
  const outcome = record.summary.outcomes.find((candidate) => candidate.rowId === name);
  if (outcome?.outcome !== Outcome.SCALED || outcome.targetKPU === undefined || outcome.currentKPU === undefined)
    return { kpu };
  return { kpu, event: outcome.targetKPU > outcome.currentKPU ? 'up' : 'down' };
}

function rowNotes(records: readonly HourRecord[]): RowNote[] {
  const notes = new Map<string, { rowId: string; outcome: Outcome; runs: number; reason: string }>();
  for (const record of records) {
    for (const outcome of record.summary.outcomes) {
      if (QUIET.has(outcome.outcome)) continue;
      const key = `${outcome.rowId}\u0000${outcome.outcome}`;
      const note = notes.get(key);
      if (note === undefined) {
        notes.set(key, { rowId: outcome.rowId, outcome: outcome.outcome, runs: 1, reason: outcome.reason });
      } else {
        note.runs += 1;
      }
    }
  }
  return [...notes.values()];
}

/**
 * The stretches of runs in which an override or a holiday decided a row's target, in time
 * order: consecutive runs with the same rule make one note, from the first run's instant to
 * the instant of the first run without it (or the end of the simulation). An override that
 * stopped deciding because it expired, as the next run's warning says, is marked `expired`.
 */
function ruleNotes(records: readonly HourRecord[]): RuleNote[] {
  const notes: RuleNote[] = [];
  const open = new Map<string, { rowId: string; rule: string; targetKPU: number; from: Date }>();
  function close(rowId: string, to: Date, warnings: readonly string[]): void {
    const note = open.get(rowId);
    if (note === undefined) return;
    open.delete(rowId);
    const expired = warnings.some((warning) => warning.includes('expired') && warning.includes(`(${note.rule})`));
    notes.push({ ...note, to, ...(expired ? { expired: true } : {}) });
  }
  for (const record of records) {
    for (const outcome of record.summary.outcomes) {
      const { rule, targetKPU } = outcome;
      if (open.get(outcome.rowId)?.rule === rule) continue;
      close(outcome.rowId, record.instant, outcome.warnings);
      if (rule === undefined || targetKPU === undefined || !NOTED_RULES.some((kind) => rule.startsWith(kind))) continue;
      open.set(outcome.rowId, { rowId: outcome.rowId, rule, targetKPU, from: record.instant });
    }
  }
  const last = records[records.length - 1];
  const end = new Date((last?.instant.getTime() ?? 0) + HOUR_MS);
  for (const rowId of [...open.keys()]) close(rowId, end, []);
  return notes.sort((a, b) => a.from.getTime() - b.from.getTime() || a.rowId.localeCompare(b.rowId));
}

function outcomeTotals(records: readonly HourRecord[]): Record<string, number> {
  const totals: Record<string, number> = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0]));
  for (const record of records) {
    for (const [outcome, count] of Object.entries(record.summary.counts))
      totals[outcome] = (totals[outcome] ?? 0) + count;
  }
  return totals;
}

/**
 * Turns a simulation (one record per hour) into what the demo prints: the timeline, the
 * rows the scaler did not act on with their reasons, the overrides and holidays that decided a
 * target and when, and the KPU-hours of the applications it manages against keeping each at
 * its highest KPU around the clock. KPUs come from the
 * emulator's state, not from the scaler's report, so the timeline shows what really ran.
 * Pure.
 *
 * @example
 * const report = buildReport(examples, records);
 * report.kpuHours; // [{ name: 'orders-enricher', used: 120, atHigh: 192 }, ...]
 */
function buildReport(examples: Examples, records: readonly HourRecord[]): DemoReport {
  const apps: TimelineApp[] = [];
  const kpuHours: AppKpuHours[] = [];
  for (const app of examples.applications) {
    const view = viewRow(examples.rows, app.name);
    const cells = records.map((record) => cellFor(record, app.name));
    apps.push({ name: app.name, label: app.running ? view.label : `${view.label}; not started`, cells });
    if (view.highKPU !== undefined && app.running) {
      kpuHours.push({
        name: app.name,
        used: cells.reduce((sum, cell) => sum + (cell.kpu ?? 0), 0),
        atHigh: view.highKPU * records.length,
      });
    }
  }
  const first = records[0];
  return {
    timeline: { start: first?.instant ?? new Date(0), apps },
    hours: records.length,
    outcomeTotals: outcomeTotals(records),
    rowNotes: rowNotes(records),
    ruleNotes: ruleNotes(records),
    kpuHours,
  };
}

export type { AppState, HourRecord };
export { buildReport };
