import { OUTCOMES, type Outcome, type RowOutcome, type RunSummary } from '@msf-scaler/scaler';
import type { AppState, HourRecord } from '../../src/demo/buildReport';

/** A run summary holding `outcomes`, with counts to match. */
function aSummary(at: Date, outcomes: readonly RowOutcome[]): RunSummary {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const { outcome } of outcomes) counts[outcome] += 1;
  return {
    table: 'msf-scaler-schedules',
    at: at.toISOString(),
    dryRun: false,
    calendars: [],
    total: outcomes.length,
    peakConcurrency: 1,
    counts,
    outcomes,
  };
}

/** One simulated hour: the run's outcomes and the applications' states after it. */
function anHour(instant: Date, outcomes: readonly RowOutcome[], apps: Readonly<Record<string, AppState>>): HourRecord {
  return { instant, summary: aSummary(instant, outcomes), apps: new Map(Object.entries(apps)) };
}

/** A RUNNING application state at `parallelism` (1 per KPU unless given). */
function running(parallelism: number, parallelismPerKPU = 1): AppState {
  return {
    status: 'RUNNING',
    parallelism,
    parallelismPerKPU,
  };
}

export { anHour, aSummary, running };
