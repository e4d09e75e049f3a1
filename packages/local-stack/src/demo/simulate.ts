import type { MsfEmulator } from '@msf-scaler/msf-emulator';
import { runScaler, type ScalerClients } from '@msf-scaler/scaler';
import type { AppState, HourRecord } from './buildReport';

const HOUR_MS = 3_600_000;

/** Options of {@link simulate}. */
interface SimulationOptions {
  readonly clients: ScalerClients;
  readonly emulator: MsfEmulator;
  readonly tableName: string;
  /** Applications whose state is recorded after every run. */
  readonly applications: readonly string[];
  /** Instant of the first run. */
  readonly start: Date;
  /** Runs, one per simulated hour. */
  readonly hours: number;
  /** Called with each run's instant before the run (e.g. to move the emulator's clock). */
  readonly onHour?: (instant: Date) => void;
}

function stateOf(emulator: MsfEmulator, name: string): AppState | undefined {
  const detail = emulator.getApplication(name);
  if (detail === undefined) return undefined;
  const parallelism =
    detail.ApplicationConfigurationDescription.FlinkApplicationConfigurationDescription
      .ParallelismConfigurationDescription;
  return {
    status: detail.ApplicationStatus,
    parallelism: parallelism.Parallelism,
    parallelismPerKPU: parallelism.ParallelismPerKPU,
  };
}

/**
 * Runs the real scaler once per simulated hour from `start`, recording each run's summary
 * and every application's state (as the emulator holds it) right after the run. Meant for a
 * stack with `transitionMs: 0`, where every update has completed before the next request.
 *
 * @example
 * const records = await simulate({ clients, emulator: stack.emulator, tableName: stack.tableName,
 *   applications: ['orders-enricher'], start: new Date('2026-11-27T00:00:00Z'), hours: 48 });
 */
async function simulate(options: SimulationOptions): Promise<HourRecord[]> {
  const records: HourRecord[] = [];
  for (let hour = 0; hour < options.hours; hour += 1) {
    const instant = new Date(options.start.getTime() + hour * HOUR_MS);
    options.onHour?.(instant);
    // As the Lambda does: the runs publish their events (to the local world's EventBridge sink).
    const summary = await runScaler({ clients: options.clients, table: options.tableName, instant, events: true });
    const apps = new Map<string, AppState>();
    for (const name of options.applications) {
      const state = stateOf(options.emulator, name);
      if (state !== undefined) apps.set(name, state);
    }
    records.push({ instant, summary, apps });
  }
  return records;
}

export type { SimulationOptions };
export { simulate };
