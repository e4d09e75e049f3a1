import { ExitCode, useColour, wholeNumberArg } from '@msf-scaler/commons';
import {
  ConfigError,
  chunked,
  Defaults,
  describeHistoryFailure,
  EnvVar,
  jsonChunks,
  optionalRequiredTag,
  parseInstant,
  type RunSummary,
  resolveConcurrency,
  resolveHistoryTable,
  resolveMaxKpuPerApplication,
  resolveMaxTotalKpu,
  runScaler,
  ScheduleTableError,
  writeChunks,
} from '@msf-scaler/scaler';
import { type Command, Option } from 'commander';
import { type ClientTarget, describeClientTarget } from './clientTarget';
import { exitCodeFor } from './exitCode';
import type { CliIo } from './io';
import { withNewlines } from './render/lines';
import { renderSummaryLines, renderWarnings } from './render/runTable';
import { resolveTableName } from './tableName';
import { usageError } from './usage';

/** The flags `run` and `plan` share, as commander parses them. */
interface RunFlags {
  readonly at?: string;
  readonly dryRun?: boolean;
  /** `run --events`: publish the run's EventBridge events, as the Lambda does. */
  readonly events?: boolean;
  readonly table?: string;
  readonly concurrency?: string;
  readonly maxKpuPerApplication?: string;
  readonly maxTotalKpu?: string;
  readonly historyTable?: string;
  readonly json?: boolean;
  readonly deadline?: number;
}

interface RunRequest {
  readonly instant: Date;
  readonly dryRun: boolean;
  readonly table: string;
  readonly concurrency: number;
  readonly maxKPUPerApplication: number;
  readonly maxTotalKPU?: number;
  /** Where a run (not a plan) records what it did. */
  readonly historyTable: string;
  readonly json: boolean;
  /** Seconds the run may take, from its start. */
  readonly deadlineSeconds?: number;
}

/** Flags over env over defaults, validated; throws ConfigError naming the flag. */
function resolveRunRequest(flags: RunFlags, forceDryRun: boolean, io: CliIo): RunRequest {
  return {
    instant: flags.at === undefined ? io.now() : parseInstant(flags.at, '--at'),
    dryRun: forceDryRun || flags.dryRun === true,
    table: resolveTableName(flags.table, io.env),
    concurrency: resolveConcurrency(io.env, flags.concurrency),
    maxKPUPerApplication: resolveMaxKpuPerApplication(io.env, flags.maxKpuPerApplication),
    ...optionalMaxTotalKpu(io, flags.maxTotalKpu),
    historyTable: resolveHistoryTable(io.env, flags.historyTable),
    json: flags.json === true,
    ...(flags.deadline === undefined ? {} : { deadlineSeconds: flags.deadline }),
  };
}

/** `--max-total-kpu`, else `$SCALER_MAX_TOTAL_KPU`, as a spreadable option (absent: no limit). */
function optionalMaxTotalKpu(io: CliIo, flag: string | undefined): { readonly maxTotalKPU?: number } {
  const maxTotalKPU = resolveMaxTotalKpu(io.env, flag);
  return maxTotalKPU === undefined ? {} : { maxTotalKPU };
}

/** The `--table` option of every command that reads the schedule table. */
function tableOptionText(): string {
  return `schedule table (default: $${EnvVar.TABLE}, else ${Defaults.TABLE_NAME})`;
}

/** The `--max-kpu-per-application` option of every command that checks rows. */
function maxKpuOptionText(): string {
  return `most KPU a row may ask for; rows above it are invalid (default: $${EnvVar.MAX_KPU_PER_APPLICATION}, else 64)`;
}

/**
 * Adds the options `run` and `plan` share to `command`.
 *
 * @example
 * addRunOptions(program.command('plan'));
 */
function addRunOptions(command: Command): Command {
  return command
    .option(
      '--at <instant>',
      'evaluate the schedule at this ISO-8601 instant (default: now), e.g. 2026-11-27T20:00:00Z',
    )
    .option('--table <name>', tableOptionText())
    .option(
      '--concurrency <n>',
      `most rows in flight at once (the run adapts below it to throttling), 1-${Defaults.MAX_CONCURRENCY} (default: $${EnvVar.CONCURRENCY}, else ${Defaults.CONCURRENCY})`,
    )
    .option('--max-kpu-per-application <n>', maxKpuOptionText())
    .option(
      '--max-total-kpu <n>',
      `most KPU the table's running applications may hold together; scale-ups that would cross it are refused, scale-downs always go through (default: $${EnvVar.MAX_TOTAL_KPU}, else no limit)`,
    )
    .option(
      '--history-table <name>',
      `history table the run records what it did in; a plan records nothing (default: $${EnvVar.HISTORY_TABLE}, else ${Defaults.HISTORY_TABLE})`,
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

/** Writes the run's output, pulled as stdout drains: a large table or JSON is never queued whole. */
async function render(summary: RunSummary, request: RunRequest, io: CliIo, target: ClientTarget): Promise<void> {
  for (const warning of renderWarnings(summary)) io.stderr.write(`${warning}\n`);
  if (request.json) {
    await writeChunks(io.stdout, jsonChunks(summary, 'outcomes'));
    io.stdout.write('\n');
    return;
  }
  // On a terminal the table fits its width; piped, no line exceeds 400 characters.
  const width = io.stdout.isTTY === true ? (io.stdout.columns ?? 120) : PIPED_WIDTH;
  const lines = renderSummaryLines(summary, { colour: useColour(io.stdout, io.env), width, target });
  await writeChunks(io.stdout, chunked(withNewlines(lines)));
}

/**
 * `run` and `plan`: parse the flags -> run the scaler -> render -> the exit code (0 fine,
 * 1 a row invalid/errored/deferred or the table unreadable, 2 a bad flag value).
 *
 * @param command - the command, whose usage is printed after a bad flag value
 * @example
 * plan.action(async (flags: RunFlags) => context.exit(await executeRun(flags, true, plan, context.io)));
 */
async function executeRun(flags: RunFlags, forceDryRun: boolean, command: Command, io: CliIo): Promise<ExitCode> {
  let request: RunRequest;
  try {
    request = resolveRunRequest(flags, forceDryRun, io);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return usageError(error.message, command, io);
  }
  const clock = io.clock ?? Date.now;
  try {
    const clients = io.createClients();
    const summary = await runScaler({
      clients,
      table: request.table,
      instant: request.instant,
      dryRun: request.dryRun,
      concurrency: request.concurrency,
      maxKPUPerApplication: request.maxKPUPerApplication,
      ...(request.maxTotalKPU === undefined ? {} : { maxTotalKPU: request.maxTotalKPU }),
      ...optionalRequiredTag(io.env),
      historyTable: request.historyTable,
      ...(flags.events === true ? { events: true } : {}),
      // A history that could not be written changes no outcome and no exit code: a warning.
      onHistory: (result) => {
        if (result.failed > 0) io.stderr.write(`warning: ${describeHistoryFailure(result)}\n`);
      },
      // The clock the failed-scaling back-off compares MSF's operation times with, and the deadline's.
      clock,
      ...(request.deadlineSeconds === undefined ? {} : { deadline: clock() + request.deadlineSeconds * 1000 }),
    });
    await render(summary, request, io, await describeClientTarget(clients, io.env));
    return exitCodeFor(summary);
  } catch (error) {
    if (!(error instanceof ScheduleTableError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return ExitCode.FAILED;
  }
}

export type { RunFlags };
export { addRunOptions, executeRun, maxKpuOptionText, tableOptionText };
