import { useColour } from '@msf-scaler/commons';
import { DEFAULT_EXAMPLES_FILE, readExamples } from '../examples';
import { localClients } from '../localClients';
import { type LocalStack, startLocalStack } from '../localStack';
import { seed } from '../seed';
import { buildReport } from './buildReport';
import { renderDemo } from './renderReport';
import { simulate } from './simulate';
import type { DemoReport } from './types';

/**
 * Where the demo starts: Friday 27 November 2026, 00:00 UTC. Over 48 hours this shows a
 * working day (Friday) and a weekend day (Saturday), so the weekday-only application stays
 * low on Saturday; in late November Berlin is UTC+1 and New York UTC-5.
 */
const DEMO_START = new Date('2026-11-27T00:00:00Z');
/** Simulated hours, one scaler run each. */
const DEMO_HOURS = 48;

/** Options of {@link runDemo}; all but `stdout` have defaults. */
interface DemoOptions {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Read for NO_COLOR only. @default {} */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** @default DEMO_START (2026-11-27T00:00:00Z, a Friday) */
  readonly start?: Date;
  /** @default DEMO_HOURS (48) */
  readonly hours?: number;
  /** @default DEFAULT_EXAMPLES_FILE (examples/schedules.json) */
  readonly examplesFile?: string;
  /** Called once the stack is up (tests use it to check that it is closed afterwards). */
  readonly onStackStarted?: (stack: LocalStack) => void;
}

/**
 * The embedded demo behind `pnpm start`: starts the local stack in-process on free ports with
 * instant transitions, loads the examples, runs the real scaler once per simulated hour and
 * prints the timeline, the rows it did not act on and the KPU-hours saved. Every server it
 * started is stopped before it returns or throws.
 *
 * @example
 * const report = await runDemo({ stdout: process.stdout, env: process.env });
 */
async function runDemo(options: DemoOptions): Promise<DemoReport> {
  const start = options.start ?? DEMO_START;
  const examples = await readExamples(options.examplesFile ?? DEFAULT_EXAMPLES_FILE);
  // The emulator's clock follows the simulation, so timestamps match the simulated hours.
  let now = start;
  const stack = await startLocalStack({ ddbPort: 0, msfPort: 0, transitionMs: 0, clock: () => now });
  const clients = localClients(stack);
  try {
    options.onStackStarted?.(stack);
    await seed(stack, examples, { clients });
    const records = await simulate({
      clients,
      emulator: stack.emulator,
      tableName: stack.tableName,
      applications: examples.applications.map((app) => app.name),
      start,
      hours: options.hours ?? DEMO_HOURS,
      onHour: (instant) => {
        now = instant;
      },
    });
    const report = buildReport(examples, records);
    options.stdout.write(`${renderDemo(report, { colour: useColour(options.stdout, options.env ?? {}) })}\n`);
    return report;
  } finally {
    clients.destroy();
    await stack.close();
  }
}

export type { DemoOptions };
export { DEMO_HOURS, DEMO_START, runDemo };
