import { type CliStreams, ExitCode, runProgram, useColour, wholeNumberArg } from '@msf-scaler/commons';
import { Command, Option } from 'commander';
import type { ScalerClients } from '../adapters/clients';
import {
  optionalRequiredTag,
  parseInstant,
  readString,
  resolveConcurrency,
  resolveMaxKpuPerApplication,
} from '../config';
import { Defaults, EnvVar } from '../constants';
import { ConfigError, ScheduleTableError } from '../errors';
import { chunked, writeChunks } from '../output/chunkedWriter';
import { jsonChunks } from '../output/json';
import { runScaler } from '../run/runScaler';
import type { RunSummary } from '../run/types';
import { exitCodeFor } from './exitCode';
import { renderSummaryLines, renderWarnings } from './render';

/** Where the CLI reads and writes, and what it calls: injected so tests run it in-process. */
interface CliIo extends CliStreams {
  readonly createClients: () => ScalerClients;
  /** The clock `--deadline` is measured on, in epoch milliseconds. @default Date.now */
  readonly clock?: () => number;
  /** The instant when `--at` is not given. */
  readonly now: () => Date;
}

interface RunFlags {
  readonly at?: string;
  readonly dryRun?: boolean;
  readonly table?: string;
  readonly concurrency?: string;
  readonly maxKpuPerApplication?: string;
  readonly json?: boolean;
  readonly deadline?: number;
}

interface RunRequest {
  readonly instant: Date;
  readonly dryRun: boolean;
  readonly table: string;
  readonly concurrency: number;
  readonly maxKPUPerApplication: number;
  readonly json: boolean;
  /** Seconds the run may take, from its start. */
  readonly deadlineSeconds?: number;
}

/** Flags over env over defaults, validated; throws ConfigError naming the flag. */
function resolveRunRequest(flags: RunFlags, forceDryRun: boolean, io: CliIo): RunRequest {
  return {
    instant: flags.at === undefined ? io.now() : parseInstant(flags.at, '--at'),
    dryRun: forceDryRun || flags.dryRun === true,
    table: flags.table ?? readString(io.env, EnvVar.TABLE) ?? Defaults.TABLE_NAME,
    concurrency: resolveConcurrency(io.env, flags.concurrency),
    maxKPUPerApplication: resolveMaxKpuPerApplication(io.env, flags.maxKpuPerApplication),
    json: flags.json === true,
    ...(flags.deadline === undefined ? {} : { deadlineSeconds: flags.deadline }),
  };
}

function addRunOptions(command: Command): Command {
  return command
    .option(
      '--at <instant>',
      'evaluate the schedule at this ISO-8601 instant (default: now), e.g. 2026-11-27T20:00:00Z',
    )
    .option('--table <name>', `schedule table (default: $${EnvVar.TABLE}, else ${Defaults.TABLE_NAME})`)
    .option(
      '--concurrency <n>',
      `most rows in flight at once (the run adapts below it to throttling), 1-${Defaults.MAX_CONCURRENCY} (default: $${EnvVar.CONCURRENCY}, else ${Defaults.CONCURRENCY})`,
    )
    .option(
      '--max-kpu-per-application <n>',
      `most KPU a row may ask for; rows above it are invalid (default: $${EnvVar.MAX_KPU_PER_APPLICATION}, else 64)`,
    )
    .option('--json', 'print the run summary as JSON on stdout')
    .addOption(
      new Option(
        '--deadline <seconds>',
        'stop starting rows in time to finish within this many seconds; rows not reached end "deferred"',
      ).argParser(wholeNumberArg('--deadline', 1, Defaults.MAX_DEADLINE_SECONDS)),
    );
}

/** Longest table line when stdout is not a terminal. */
const PIPED_WIDTH = 400;

function* withNewlines(lines: Iterable<string>): Generator<string> {
  for (const line of lines) yield `${line}\n`;
}

/** Writes the run's output, pulled as stdout drains: a large table or JSON is never queued whole. */
async function render(summary: RunSummary, request: RunRequest, io: CliIo): Promise<void> {
  for (const warning of renderWarnings(summary)) io.stderr.write(`${warning}\n`);
  if (request.json) {
    await writeChunks(io.stdout, jsonChunks(summary, 'outcomes'));
    io.stdout.write('\n');
    return;
  }
  // On a terminal the table fits its width; piped, no line exceeds 400 characters.
  const width = io.stdout.isTTY === true ? (io.stdout.columns ?? 120) : PIPED_WIDTH;
  const lines = renderSummaryLines(summary, { colour: useColour(io.stdout, io.env), width });
  await writeChunks(io.stdout, chunked(withNewlines(lines)));
}

/**
 * The `msf-scaler` command line: parse -> run -> render -> exit code. Never calls
 * process.exit; returns the exit code (0 ok, 1 a row invalid/errored or the run failed,
 * 2 usage error).
 *
 * @example
 * const code = await main(['plan', '--at', '2026-11-27T20:00:00Z'], io);
 */
async function main(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode: ExitCode = ExitCode.OK;
  const clock = io.clock ?? Date.now;
  async function execute(flags: RunFlags, forceDryRun: boolean, command: Command): Promise<void> {
    let request: RunRequest;
    try {
      request = resolveRunRequest(flags, forceDryRun, io);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr.write(`error: ${error.message}\n\n${command.helpInformation()}`);
      exitCode = ExitCode.USAGE;
      return;
    }
    try {
      const summary = await runScaler({
        clients: io.createClients(),
        table: request.table,
        instant: request.instant,
        dryRun: request.dryRun,
        concurrency: request.concurrency,
        maxKPUPerApplication: request.maxKPUPerApplication,
        ...optionalRequiredTag(io.env),
        ...(request.deadlineSeconds === undefined ? {} : { deadline: clock() + request.deadlineSeconds * 1000, clock }),
      });
      await render(summary, request, io);
      exitCode = exitCodeFor(summary);
    } catch (error) {
      if (!(error instanceof ScheduleTableError)) throw error;
      io.stderr.write(`error: ${error.message}\n`);
      exitCode = ExitCode.FAILED;
    }
  }

  const program = new Command('msf-scaler')
    .description('Scale Managed Service for Apache Flink applications to the KPU their schedule rows ask for.')
    .showHelpAfterError();
  const run = addRunOptions(
    program
      .command('run')
      .description('reconcile every row of the schedule table now (or at --at)')
      .addOption(new Option('--dry-run', 'decide and report, but send no UpdateApplication')),
  );
  run.action(async (flags: RunFlags) => execute(flags, false, run));
  const plan = addRunOptions(program.command('plan').description('the same as run --dry-run: what a run would do'));
  plan.action(async (flags: RunFlags) => execute(flags, true, plan));
  return (await runProgram(program, args, io)) ?? exitCode;
}

export type { CliIo };
export { main };
