import { ExitCode, useColour, wholeNumberArg } from '@msf-scaler/commons';
import {
  ConfigError,
  chunked,
  Defaults,
  EnvVar,
  jsonChunks,
  Pricing,
  parseInstant,
  resolveMaxKpuPerApplication,
  ScheduleTableError,
  scanScheduleTable,
  writeChunks,
} from '@msf-scaler/scaler';
import { type Command, Option } from 'commander';
import type { CommandContext } from '../context';
import { CommandName, helpAfter } from '../help';
import type { CliIo } from '../io';
import { withNewlines } from '../render/lines';
import { renderSimulationLines } from '../render/simulation';
import { maxKpuOptionText } from '../scaleRun';
import { DEFAULT_PRICE, type LeftOut, type Simulation, simulateRows } from '../simulate/simulateRows';
import { resolveTableName } from '../tableName';
import { usageError } from '../usage';
import { validateFiles } from '../validate/validate';

const EXAMPLES: readonly (readonly [string, string])[] = [
  ['msf-scaler simulate schedules.json', 'a week of the schedules in a file, hour by hour, and what they cost'],
  ['msf-scaler simulate --table --days 30', 'the next 30 days of the table as it is'],
  ['msf-scaler simulate rows.json --from 2026-12-21T00:00:00Z --to 2027-01-04T00:00:00Z', 'the holidays'],
  ['msf-scaler simulate rows.json --price-per-kpu-hour 0.13 --json', "another region's price, as JSON"],
];

const HOUR_MS = 3_600_000;
/** Longest simulation, in days. */
const MAX_DAYS = 366;

/** The flags of `simulate`, as commander parses them. */
interface SimulateFlags {
  readonly table?: string | true;
  readonly from?: string;
  readonly days?: number;
  readonly to?: string;
  readonly pricePerKpuHour?: string;
  readonly maxKpuPerApplication?: string;
  readonly timeline?: boolean;
  readonly json?: boolean;
}

/** What `simulate` is asked, validated. */
interface SimulateCommandRequest {
  readonly files: readonly string[];
  readonly table?: string;
  readonly from: Date;
  readonly hours: number;
  readonly pricePerKpuHour: number;
  readonly priceSource: string;
  readonly maxKPUPerApplication: number;
}

/** A price in US dollars: a positive decimal number. */
function parsePrice(text: string): number {
  const price = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(price) || price <= 0 || price > 1000) {
    throw new ConfigError(
      `--price-per-kpu-hour must be a price in US dollars above 0, at most 1000, such as 0.11; got ${JSON.stringify(text)}`,
    );
  }
  return price;
}

function resolveRequest(files: readonly string[], flags: SimulateFlags, io: CliIo): SimulateCommandRequest {
  if (files.length === 0 && flags.table === undefined) {
    throw new ConfigError('nothing to simulate: give FILE..., - for standard input, or --table');
  }
  if (files.length > 0 && flags.table !== undefined) throw new ConfigError('give FILE... or --table, not both');
  if (flags.days !== undefined && flags.to !== undefined) throw new ConfigError('give --days or --to, not both');
  const now = io.now();
  const from =
    flags.from === undefined
      ? new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS)
      : parseInstant(flags.from, '--from');
  let hours = (flags.days ?? 7) * 24;
  if (flags.to !== undefined) {
    const to = parseInstant(flags.to, '--to');
    hours = Math.ceil((to.getTime() - from.getTime()) / HOUR_MS);
    if (hours < 1 || hours > MAX_DAYS * 24) {
      throw new ConfigError(
        `--to must be from 1 hour to ${MAX_DAYS} days after --from (${from.toISOString()}); got ${flags.to}`,
      );
    }
  }
  const price =
    flags.pricePerKpuHour === undefined
      ? DEFAULT_PRICE
      : { pricePerKpuHour: parsePrice(flags.pricePerKpuHour), priceSource: 'from --price-per-kpu-hour' };
  return {
    files,
    ...(flags.table === undefined
      ? {}
      : { table: resolveTableName(flags.table === true ? undefined : flags.table, io.env) }),
    from,
    hours,
    ...price,
    maxKPUPerApplication: resolveMaxKpuPerApplication(io.env, flags.maxKpuPerApplication),
  };
}

/** The items to simulate, and the rows and inputs that cannot be. */
async function readItems(
  request: SimulateCommandRequest,
  io: CliIo,
): Promise<{ items: unknown[]; leftOut: LeftOut[]; unreadable: string[] }> {
  if (request.table !== undefined) {
    return { items: await scanScheduleTable(io.createClients().dynamodb, request.table), leftOut: [], unreadable: [] };
  }
  const checked = await validateFiles(
    request.files,
    { maxKPUPerApplication: request.maxKPUPerApplication, keepItems: true },
    io.stdin,
    io.stderr,
  );
  return {
    items: checked.rows.flatMap((row) => (row.item === undefined ? [] : [row.item])),
    leftOut: checked.rows
      .filter((row) => !row.valid)
      .map((row) => ({
        rowId: `${row.source}: ${row.rowId}`,
        reason: row.issues.map((issue) => issue.message).join('; '),
      })),
    unreadable: checked.sources.flatMap((source) =>
      source.error === undefined ? [] : [`${source.source}: ${source.error.message}`],
    ),
  };
}

async function executeSimulate(
  files: readonly string[],
  flags: SimulateFlags,
  command: Command,
  io: CliIo,
): Promise<ExitCode> {
  let request: SimulateCommandRequest;
  try {
    request = resolveRequest(files, flags, io);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return usageError(error.message, command, io);
  }
  let read: Awaited<ReturnType<typeof readItems>>;
  try {
    read = await readItems(request, io);
  } catch (error) {
    if (!(error instanceof ScheduleTableError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return ExitCode.FAILED;
  }
  for (const problem of read.unreadable) io.stderr.write(`error: ${problem}\n`);
  const simulated = simulateRows(read.items, request);
  const simulation: Simulation = { ...simulated, leftOut: [...read.leftOut, ...simulated.leftOut] };
  if (flags.json === true) {
    await writeChunks(io.stdout, jsonChunks(simulation, 'apps'));
    io.stdout.write('\n');
  } else {
    const lines = renderSimulationLines(simulation, {
      colour: useColour(io.stdout, io.env),
      timeline: flags.timeline !== false,
    });
    await writeChunks(io.stdout, chunked(withNewlines(lines)));
  }
  const invalid = simulation.leftOut.some((left) => !left.reason.startsWith('disabled'));
  return invalid || read.unreadable.length > 0 ? ExitCode.FAILED : ExitCode.OK;
}

/**
 * Adds `msf-scaler simulate`: the schedules of files or of the table evaluated hour by hour,
 * without calling MSF, with each application's timeline, KPU-hours and cost against keeping it
 * at its highest KPU, and totals. Made for pull requests: what a schedule change costs.
 *
 * @example
 * addSimulateCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addSimulateCommand(program: Command, context: CommandContext): Command {
  const simulate = program
    .command(`${CommandName.SIMULATE} [FILE...]`)
    .description('evaluate schedules hour by hour without calling MSF: timelines, KPU-hours and cost')
    .option(
      '--table [name]',
      `simulate the table's rows instead of files (default: $${EnvVar.TABLE}, else ${Defaults.TABLE_NAME})`,
    )
    .option('--from <instant>', 'first hour, an ISO-8601 instant (default: the start of the current hour)')
    .addOption(
      new Option('--days <n>', `how many days, 1-${MAX_DAYS} (default: 7)`).argParser(
        wholeNumberArg('--days', 1, MAX_DAYS),
      ),
    )
    .option('--to <instant>', 'end instead of --days, an ISO-8601 instant (excluded)')
    .option(
      '--price-per-kpu-hour <usd>',
      `price of one KPU-hour in US dollars (default: ${Pricing.DEFAULT_PRICE_PER_KPU_HOUR}, the ${Pricing.DEFAULT_PRICE_SOURCE})`,
    )
    .option('--max-kpu-per-application <n>', maxKpuOptionText())
    .option('--no-timeline', 'leave out the hour-by-hour timeline')
    .option('--json', 'print the simulation as JSON on stdout')
    .addHelpText('after', helpAfter(EXAMPLES, CommandName.SIMULATE));
  simulate.action(async (files: string[], flags: SimulateFlags) =>
    context.exit(await executeSimulate(files, flags, simulate, context.io)),
  );
  return simulate;
}

export { addSimulateCommand };
