import { ExitCode } from '@msf-scaler/commons';
import {
  ConfigError,
  deleteRow,
  readScheduleItems,
  ScheduleTableError,
  toJson,
  WriteRefusal,
} from '@msf-scaler/scaler';
import type { Command } from 'commander';
import type { CommandContext } from '../context';
import { CommandName, helpAfter } from '../help';
import type { CliIo, InputStream } from '../io';
import { type RemoveReport, renderRemoved, renderRemoveRow } from '../render/remove';
import { storedAttributes } from '../render/storedItem';
import { checkAppName, resolveRowTable } from '../rowTarget';
import { tableOptionText } from '../scaleRun';
import { usageError } from '../usage';

const EXAMPLES: readonly (readonly [string, string])[] = [
  ['msf-scaler remove orders-enricher', 'show the row, ask, then remove it (on a terminal)'],
  ['msf-scaler remove orders-enricher --yes', 'in a script: no question (required when not on a terminal)'],
  ['msf-scaler remove orders-enricher --yes --json', 'the row removed, as JSON'],
];

/** The flags of `remove`, as commander parses them. */
interface RemoveFlags {
  readonly yes?: boolean;
  readonly table?: string;
  readonly json?: boolean;
}

/** Longest answer read: a line longer than this is not a yes. */
const MAX_ANSWER = 1024;

/** Whether a person can answer: both stdout and stdin are a terminal. */
function isInteractive(io: CliIo): boolean {
  return io.stdout.isTTY === true && io.stdin?.isTTY === true;
}

/** One line of standard input, without its line feed; what was typed before the end of input if none. */
async function readLine(stdin: InputStream): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const end = text.indexOf('\n');
    if (end !== -1) return text.slice(0, end);
    if (text.length > MAX_ANSWER) break;
  }
  return text;
}

function isYes(answer: string): boolean {
  return /^\s*y(?:es)?\s*$/i.test(answer);
}

function refuse(io: CliIo, message: string): ExitCode {
  io.stderr.write(`error: ${message}\n`);
  return ExitCode.FAILED;
}

/** read -> show -> ask (or --yes) -> conditional delete -> render. */
async function applyRemove(appName: string, table: string, flags: RemoveFlags, io: CliIo): Promise<ExitCode> {
  const clients = io.createClients();
  const item = (await readScheduleItems(clients.dynamodb, table, [appName])).get(appName);
  if (item === undefined) {
    return refuse(io, `no row "${appName}" in table "${table}"; nothing to remove (msf-scaler list shows the rows)`);
  }
  const report: RemoveReport = { table, appName, removed: false, item: storedAttributes(item) };
  if (flags.json !== true) for (const line of renderRemoveRow(report)) io.stdout.write(`${line}\n`);
  if (flags.yes !== true && io.stdin !== undefined) {
    io.stderr.write(`remove row ${appName} from ${table}? [y/N] `);
    const answer = await readLine(io.stdin);
    if (!isYes(answer)) {
      if (flags.json === true) io.stdout.write(`${toJson(report, 2)}\n`);
      return refuse(io, `not removed: the answer was ${JSON.stringify(answer.trim())}, not yes`);
    }
  }
  // The delete holds only while the row is exactly as shown: a change made meanwhile is never removed unseen.
  const result = await deleteRow(clients.dynamodb, table, { appName, expected: item });
  if (!result.ok) {
    return refuse(
      io,
      result.refusal === WriteRefusal.CHANGED
        ? `row "${appName}" changed since it was shown (someone else wrote it in between); it was not removed: run msf-scaler remove ${appName} again to see it as it is now`
        : result.message,
    );
  }
  const removed = { ...report, removed: true };
  io.stdout.write(flags.json === true ? `${toJson(removed, 2)}\n` : `${renderRemoved(removed)}\n`);
  return ExitCode.OK;
}

/** parse -> read, ask, delete -> render -> exit code. */
async function executeRemove(appName: string, flags: RemoveFlags, command: Command, io: CliIo): Promise<ExitCode> {
  let table: string;
  try {
    checkAppName(appName);
    table = resolveRowTable(flags.table, io);
    // Never prompt where nobody can answer (a pipe, CI): ask for --yes instead, before reading anything.
    if (flags.yes !== true && !isInteractive(io)) {
      throw new ConfigError(
        'remove asks before it removes a row, and stdin or stdout is not a terminal: pass --yes to remove without asking',
      );
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return usageError(error.message, command, io);
  }
  try {
    return await applyRemove(appName, table, flags, io);
  } catch (error) {
    if (!(error instanceof ScheduleTableError)) throw error;
    return refuse(io, error.message);
  }
}

/**
 * Adds `msf-scaler remove APP`: shows the row, asks on a terminal (`--yes` elsewhere), then
 * removes it with one DeleteItem conditional on the row being exactly as shown. The application
 * keeps the KPU it has: the scaler just stops managing it.
 *
 * @example
 * addRemoveCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addRemoveCommand(program: Command, context: CommandContext): Command {
  const remove = program
    .command(`${CommandName.REMOVE} <APP>`)
    .description("remove an application's row: the scaler stops managing it (asks first on a terminal)")
    .option('--yes', 'remove without asking (required when not on a terminal)')
    .option('--table <name>', tableOptionText())
    .option('--json', 'print the row removed as JSON on stdout')
    .addHelpText(
      'after',
      `
The row is shown first, as DynamoDB stores it, then removed with one DeleteItem conditional on
it being exactly as shown: if someone changed it in between, nothing is removed (exit 1: run
again to see it as it is now). The application itself is not touched: it keeps its KPU.
${helpAfter(EXAMPLES, CommandName.REMOVE)}`,
    );
  remove.action(async (appName: string, flags: RemoveFlags) =>
    context.exit(await executeRemove(appName, flags, remove, context.io)),
  );
  return remove;
}

export { addRemoveCommand };
