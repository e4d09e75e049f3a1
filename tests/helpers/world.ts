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
import { createScalerClients, type OwnedScalerClients, type ScalerClientOptions } from '@msf-scaler/scaler';

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

/**
 * Rows that end in every outcome a run reaches without faults: scaled (`scale-me`), unchanged
 * (`at-target`), skipped as not running (`stopped`) and as disabled (`off`), invalid (`broken`),
 * and error (`gone`, no such application).
 */
async function seedEveryOutcome(world: World): Promise<void> {
  await seedWorld(world, {
    rows: [
      aRow('scale-me', 1, 4),
      aRow('at-target', 4, 4),
      aRow('stopped', 1, 4),
      aRow('off', 1, 4, { enabled: false }),
      aRow('broken', 6, 2),
      aRow('gone', 1, 4),
    ],
    applications: [
      anApp('scale-me', 1),
      anApp('at-target', 4),
      anApp('stopped', 1, { running: false }),
      anApp('off', 1),
    ],
  });
}

/** The parallelism configuration the emulator holds for `name`. */
function parallelismOf(world: World, name: string): ParallelismConfigurationDescription {
  const detail = world.stack.emulator.getApplication(name);
  if (detail === undefined) throw new Error(`the emulator has no application "${name}"`);
  return detail.ApplicationConfigurationDescription.FlinkApplicationConfigurationDescription
    .ParallelismConfigurationDescription;
}

/**
 * The scaler's own clients for `world`, with overrides (attempts, timeouts, backoff jitter).
 *
 * @example
 * const clients = worldClients(world, { retryRandom: () => 0 });
 */
function worldClients(world: World, options: ScalerClientOptions = {}): OwnedScalerClients {
  return createScalerClients({
    region: world.stack.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    dynamodbEndpoint: world.stack.ddbEndpoint,
    msfEndpoint: world.stack.msfEndpoint,
    ...options,
  });
}

/**
 * A seeded random source (mulberry32): the same faults in every run of a test.
 *
 * @example
 * emulator.setFaults({ throttleRate: 0.3, random: seededRandom(7) });
 */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A business-hours instant (10:00 UTC on Friday 27 November 2026): rows above are at peak. */
const PEAK = new Date('2026-11-27T10:00:00Z');
/** 22:00 UTC the same day: off-peak for the rows above. */
const OFF_PEAK = new Date('2026-11-27T22:00:00Z');

export type { World };
export {
  anApp,
  aRow,
  OFF_PEAK,
  PEAK,
  parallelismOf,
  seedEveryOutcome,
  seededRandom,
  seedWorld,
  startWorld,
  worldClients,
};
