import { ExitCode, useColour, wholeNumberArg } from '@msf-scaler/commons';
import {
  ConfigError,
  chunked,
  createMsfApplications,
  Defaults,
  EnvVar,
  escapeControl,
  type HistoryRead,
  optionalRequiredTag,
  parseInstant,
  readHistory,
  renderHistoryLines,
  resolveHistoryTable,
  toJson,
  writeChunks,
} from '@msf-scaler/scaler';
import { type Command, Option } from 'commander';
import type { CommandContext } from '../context';
import { CommandName, helpAfter } from '../help';
import type { CliIo } from '../io';
import { withNewlines } from '../render/lines';
import { askScalings, type ShownScaling } from '../show/inspectApplication';
import { usageError } from '../usage';

const EXAMPLES: readonly (readonly [string, string])[] = [
  ['msf-scaler history', 'the latest runs, each followed by the rows it recorded'],
  ['msf-scaler history orders-enricher', 'what the scaler did to one application, newest first'],
  ['msf-scaler history orders-enricher --since 2026-11-26T00:00:00Z --limit 100', 'everything since an instant'],
  ['msf-scaler history --json | jq \'.entries[] | select(.outcome == "error")\'', 'the entries as one JSON document'],
];

/** Most entries printed: by default, and at most. */
const HistoryLimit = {
  DEFAULT: 20,
  MAX: 1_000,
} as const;

/** Longest line when stdout is not a terminal. */
const PIPED_WIDTH = 400;

/** The flags of `history`, as commander parses them. */
interface HistoryFlags {
  readonly since?: string;
  readonly limit?: number;
  readonly historyTable?: string;
  /** `--no-msf`: false. */
  readonly msf?: boolean;
  readonly json?: boolean;
}

/** What `history` is asked to read and print. */
interface HistoryRequest {
  readonly app?: string;
  readonly since?: Date;
  readonly limit: number;
  readonly table: string;
  /** Ask MSF how the application's latest scalings ended (with APP only). */
  readonly askMsf: boolean;
  readonly json: boolean;
}

/** Flags over env over defaults, validated; throws ConfigError naming the flag or variable. */
function resolveHistoryRequest(app: string | undefined, flags: HistoryFlags, io: CliIo): HistoryRequest {
  return {
    ...(app === undefined ? {} : { app }),
    ...(flags.since === undefined ? {} : { since: parseInstant(flags.since, '--since') }),
    limit: flags.limit ?? HistoryLimit.DEFAULT,
    table: resolveHistoryTable(io.env, flags.historyTable),
    askMsf: app !== undefined && flags.msf !== false,
    json: flags.json === true,
  };
}

/**
 * Exit code of `history`: 0 (OK) when the history was read, even if it holds no entry yet; 1
 * (FAILED) when the table could not be read.
 *
 * @example
 * historyExitCode({ ok: true, table: 'msf-scaler-history', entries: [] }); // 0
 */
function historyExitCode(read: HistoryRead): ExitCode {
  return read.ok ? ExitCode.OK : ExitCode.FAILED;
}

/** Writes the entries: one JSON document with `--json`, else the table `renderHistoryLines` draws. */
async function render(
  read: Extract<HistoryRead, { ok: true }>,
  asked: AskedScalings | undefined,
  request: HistoryRequest,
  io: CliIo,
): Promise<void> {
  if (request.json) {
    const document = {
      table: read.table,
      ...(request.app === undefined ? {} : { app: request.app }),
      ...(request.since === undefined ? {} : { since: request.since.toISOString() }),
      limit: request.limit,
      entries: read.entries,
      ...(asked === undefined
        ? {}
        : { scalings: asked.scalings, ...(asked.error === undefined ? {} : { scalingsError: asked.error }) }),
    };
    io.stdout.write(`${toJson(document, 2)}\n`);
    return;
  }
  if (asked !== undefined) {
    const told =
      asked.error !== undefined
        ? [`  could not ask MSF: ${escapeControl(asked.error)}`]
        : asked.scalings.length === 0
          ? ['  none recorded by MSF']
          : asked.scalings.map((scaling) => `  ${escapeControl(scaling.text)}`);
    io.stdout.write(`How the latest scalings ended, as MSF tells it now:\n${told.join('\n')}\n\n`);
  }
  if (read.entries.length === 0) {
    const what = request.app === undefined ? 'no run' : `no entry for ${JSON.stringify(escapeControl(request.app))}`;
    const since = request.since === undefined ? '' : ` since ${request.since.toISOString()}`;
    io.stderr.write(`${what} in history table ${read.table}${since}\n`);
    return;
  }
  // On a terminal the table fits its width; piped, no line exceeds 400 characters.
  const width = io.stdout.isTTY === true ? (io.stdout.columns ?? 120) : PIPED_WIDTH;
  const lines = renderHistoryLines(read.entries, { colour: useColour(io.stdout, io.env), width });
  await writeChunks(io.stdout, chunked(withNewlines(lines)));
}

/** parse -> read -> render -> exit code. */
async function executeHistory(
  app: string | undefined,
  flags: HistoryFlags,
  command: Command,
  io: CliIo,
): Promise<ExitCode> {
  let request: HistoryRequest;
  try {
    request = resolveHistoryRequest(app, flags, io);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return usageError(error.message, command, io);
  }
  const read = await readHistory(io.createClients().dynamodb, request.table, {
    ...(request.app === undefined ? {} : { appName: request.app }),
    ...(request.since === undefined ? {} : { since: request.since }),
    limit: request.limit,
  });
  if (!read.ok) {
    io.stderr.write(`error: ${read.problem}\n`);
    return historyExitCode(read);
  }
  const asked = request.askMsf && request.app !== undefined ? await askMsf(request.app, io) : undefined;
  await render(read, asked, request, io);
  return asked?.error !== undefined ? ExitCode.FAILED : historyExitCode(read);
}

/** What MSF says of an application's latest scalings, or why it could not be asked. */
interface AskedScalings {
  readonly scalings: readonly ShownScaling[];
  readonly error?: string;
}

/** Describes the application and asks MSF how its latest scalings ended; never throws. */
async function askMsf(appName: string, io: CliIo): Promise<AskedScalings> {
  const applications = createMsfApplications(io.createClients().msf, optionalRequiredTag(io.env));
  try {
    return await askScalings(applications, await applications.describe(appName));
  } catch (error) {
    return { scalings: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Adds `msf-scaler history [APP]`: what the scaler did, newest first, from the history table
 * every run writes (its audit trail). With APP, that application's entries (one Query of its
 * partition); without, the latest runs, each followed by the entries of the rows it recorded.
 *
 * @example
 * addHistoryCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addHistoryCommand(program: Command, context: CommandContext): Command {
  const history = program
    .command(`${CommandName.HISTORY} [app]`)
    .description(
      'what the scaler did, newest first: an application (its row) with APP, else the latest runs with the rows they recorded',
    )
    .option('--since <instant>', 'only runs at or after this ISO-8601 instant, e.g. 2026-11-26T00:00:00Z')
    .addOption(
      new Option(
        '--limit <n>',
        `most entries printed, run entries included, 1-${HistoryLimit.MAX} (default: ${HistoryLimit.DEFAULT})`,
      ).argParser(wholeNumberArg('--limit', 1, HistoryLimit.MAX)),
    )
    .option(
      '--history-table <name>',
      `history table (default: $${EnvVar.HISTORY_TABLE}, else ${Defaults.HISTORY_TABLE})`,
    )
    .option('--no-msf', 'with APP: do not ask MSF how the latest scalings ended (only the history table is read)')
    .option('--json', 'print the entries as one JSON document on stdout')
    .addHelpText('after', helpAfter(EXAMPLES, CommandName.HISTORY));
  history.action(async (app: string | undefined, flags: HistoryFlags) =>
    context.exit(await executeHistory(app, flags, history, context.io)),
  );
  return history;
}

export type { HistoryFlags };
export { addHistoryCommand, historyExitCode };
