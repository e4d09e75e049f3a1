import {
  type ExampleApplication,
  type Examples,
  type LocalClients,
  type LocalStack,
  type LocalStackOptions,
  localClients,
  seed,
  startLocalStack,
} from '@msf-scaler/local-stack';
import type { ParallelismConfigurationDescription } from '@msf-scaler/msf-emulator';

/** A local stack plus the clients a test uses against it. */
interface World {
  readonly stack: LocalStack;
  readonly clients: LocalClients;
  /** Destroys the clients and closes the stack. */
  close(): Promise<void>;
}

/**
 * Starts a local stack on free ports with instant transitions (unless overridden), and clients for it.
 *
 * @example
 * let world: World;
 * beforeAll(async () => { world = await startWorld(); });
 * afterAll(() => world.close());
 */
async function startWorld(options: LocalStackOptions = {}): Promise<World> {
  const stack = await startLocalStack({ ddbPort: 0, msfPort: 0, transitionMs: 0, ...options });
  const clients = localClients(stack);
  return {
    stack,
    clients,
    close: async () => {
      clients.destroy();
      await stack.close();
    },
  };
}

/** An application that starts RUNNING at `parallelism`, 1 per KPU, autoscaling on. */
function anApp(name: string, parallelism: number, overrides: Partial<ExampleApplication> = {}): ExampleApplication {
  return {
    name,
    parallelism,
    parallelismPerKPU: 1,
    autoScalingEnabled: true,
    running: true,
    ...overrides,
  };
}

/** A business-hours row: `low` KPU outside 08:00-20:00 UTC, `high` inside. */
function aRow(
  appName: string,
  low: number,
  high: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    appName,
    lowKPU: low,
    highKPU: high,
    scaleUpHour: 8,
    scaleDownHour: 20,
    ...overrides,
  };
}

/** Writes the rows and creates (and starts) the applications, through the SDK. */
async function seedWorld(world: World, examples: Examples): Promise<void> {
  await seed(world.stack, examples, { clients: world.clients });
}

/** The parallelism configuration the emulator holds for `name`. */
function parallelismOf(world: World, name: string): ParallelismConfigurationDescription {
  const detail = world.stack.emulator.getApplication(name);
  if (detail === undefined) throw new Error(`the emulator has no application "${name}"`);
  return detail.ApplicationConfigurationDescription.FlinkApplicationConfigurationDescription
    .ParallelismConfigurationDescription;
}

/** A business-hours instant (10:00 UTC on Friday 27 November 2026): rows above are at peak. */
const PEAK = new Date('2026-11-27T10:00:00Z');
/** 22:00 UTC the same day: off-peak for the rows above. */
const OFF_PEAK = new Date('2026-11-27T22:00:00Z');

export type { World };
export { anApp, aRow, OFF_PEAK, PEAK, parallelismOf, seedWorld, startWorld };
