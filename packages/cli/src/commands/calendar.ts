import { ExitCode } from '@msf-scaler/commons';
import {
  ConfigError,
  listCalendarItems,
  putCalendar,
  readScheduleItems,
  ScheduleTableError,
  toJson,
} from '@msf-scaler/scaler';
import { CALENDAR_PREFIX, type CalendarParseResult, isCalendarName, parseCalendarItem } from '@msf-scaler/schema';
import type { Command } from 'commander';
import type { CommandContext } from '../context';
import { InputError } from '../errors';
import { CommandName, helpAfter } from '../help';
import type { CliIo } from '../io';
import {
  type CalendarListing,
  type CalendarPutReport,
  renderCalendarList,
  renderCalendarPut,
} from '../render/calendar';
import { tableOptionText } from '../scaleRun';
import { resolveTableName } from '../tableName';
import { usageError } from '../usage';
import { readInput } from '../validate/readInput';

const EXAMPLES: readonly (readonly [string, string])[] = [
  [
    'msf-scaler calendar put de-public --dates 2026-12-24,2026-12-25,2026-12-26',
    'create or replace the shared holiday list de-public',
  ],
  ['msf-scaler calendar put us-holidays --dates us-2026.txt', 'the dates from a file: one per line, or a JSON array'],
  ['msf-scaler calendar list', 'every calendar of the table, with its dates'],
];

const PUT_EXAMPLES: readonly (readonly [string, string])[] = [
  [
    'msf-scaler calendar put de-public --dates 2026-12-25,2026-12-26 --description "German public holidays"',
    'the dates inline, with a description',
  ],
  ['msf-scaler calendar put company --dates shutdown.json', 'a JSON array of dates'],
];

const LIST_EXAMPLES: readonly (readonly [string, string])[] = [
  ['msf-scaler calendar list', 'name, number of dates, first and last date, description'],
  ['msf-scaler calendar list --json | jq ".calendars[].name"', 'the names, as JSON'],
];

/** The flags of `calendar put`, as commander parses them. */
interface PutFlags {
  readonly dates?: string;
  readonly description?: string;
  readonly table?: string;
  readonly json?: boolean;
}

/** The flags of `calendar list`. */
interface ListFlags {
  readonly table?: string;
  readonly json?: boolean;
}

/** Longest table line when stdout is not a terminal. */
const PIPED_WIDTH = 400;

/** `--dates` holding dates itself (digits, `-`, `,` and spaces) rather than naming a file. */
const INLINE_DATES = /^[\d\s,-]*$/;

/** The table of `--table` / `$SCHEDULE_TABLE`, or `undefined` after writing the usage error. */
function tableOf(flag: string | undefined, io: CliIo, command: Command): string | undefined {
  try {
    return resolveTableName(flag, io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    usageError(error.message, command, io);
    return undefined;
  }
}

/**
 * The dates of a file: a JSON array, or one date per line (blank lines and `#` comments
 * ignored). The entries are returned as written: the schema judges them.
 *
 * @throws InputError when a JSON array was meant but the text is not one
 */
function datesInText(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new InputError(`not a JSON array of dates: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    if (!Array.isArray(parsed)) throw new InputError('not a JSON array of dates');
    return parsed;
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
}

/** `--dates`: `D1,D2,...` itself, or the file it names. */
async function readDates(value: string): Promise<unknown[]> {
  if (INLINE_DATES.test(value)) {
    return value
      .split(',')
      .map((date) => date.trim())
      .filter((date) => date !== '');
  }
  try {
    return datesInText(await readInput(value, value, undefined));
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`--dates ${value}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** The dates of an item as read, if it is a valid calendar item. */
function datesOf(result: CalendarParseResult | undefined): readonly string[] {
  return result?.ok === true ? result.calendar.dates : [];
}

/** read the dates -> check the would-be item with the scaler's rules -> write -> render. */
async function executePut(name: string, flags: PutFlags, command: Command, io: CliIo): Promise<ExitCode> {
  if (!isCalendarName(name) || flags.dates === undefined) {
    const problem = flags.dates === undefined ? 'give the dates with --dates D1,D2,... or --dates FILE' : '';
    const nameProblem = isCalendarName(name)
      ? ''
      : `NAME must be a calendar name: 1-64 letters, digits, _ . -, starting with a letter or a digit (the item is "${CALENDAR_PREFIX}NAME"); got ${JSON.stringify(name)}`;
    return usageError([nameProblem, problem].filter((text) => text !== '').join('; '), command, io);
  }
  const table = tableOf(flags.table, io, command);
  if (table === undefined) return ExitCode.USAGE;
  const appName = `${CALENDAR_PREFIX}${name}`;
  try {
    const dates = await readDates(flags.dates);
    const clients = io.createClients();
    const existing = (await readScheduleItems(clients.dynamodb, table, [appName])).get(appName);
    const before = existing === undefined ? undefined : parseCalendarItem(existing, 0);
    const wouldBe = {
      ...existing,
      appName,
      dates,
      ...(flags.description === undefined ? {} : { description: flags.description }),
    };
    const parsed = parseCalendarItem(wouldBe, 0);
    for (const warning of parsed.warnings) io.stderr.write(`warning: ${warning.message}\n`);
    if (!parsed.ok) {
      for (const issue of parsed.issues) io.stderr.write(`error: ${issue.message}\n`);
      io.stderr.write('error: nothing was written: the scaler would reject this calendar\n');
      return ExitCode.FAILED;
    }
    const { calendar } = parsed;
    await putCalendar(clients.dynamodb, table, {
      name,
      dates: calendar.dates,
      ...(flags.description === undefined ? {} : { description: flags.description }),
    });
    const old = new Set(datesOf(before));
    const report: CalendarPutReport = {
      table,
      name,
      dates: calendar.dates,
      ...(calendar.description === undefined ? {} : { description: calendar.description }),
      created: existing === undefined,
      added: calendar.dates.filter((date) => !old.has(date)),
      removed: [...old].filter((date) => !calendar.dates.includes(date)),
    };
    io.stdout.write(flags.json === true ? `${toJson(report)}\n` : `${renderCalendarPut(report)}\n`);
    return ExitCode.OK;
  } catch (error) {
    if (!(error instanceof ScheduleTableError) && !(error instanceof InputError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return ExitCode.FAILED;
  }
}

function listingOf(result: CalendarParseResult): CalendarListing {
  const warnings = result.warnings.map((warning) => warning.message);
  if (result.ok) {
    const { name, dates, description } = result.calendar;
    return { name, valid: true, dates, ...(description === undefined ? {} : { description }), warnings };
  }
  return {
    name: result.name ?? result.rowId,
    valid: false,
    issues: result.issues.map((issue) => issue.message),
    warnings,
  };
}

/** scan the calendar items -> parse each -> render; exit 1 when one is invalid. */
async function executeList(flags: ListFlags, command: Command, io: CliIo): Promise<ExitCode> {
  const table = tableOf(flags.table, io, command);
  if (table === undefined) return ExitCode.USAGE;
  let items: Record<string, unknown>[];
  try {
    items = await listCalendarItems(io.createClients().dynamodb, table);
  } catch (error) {
    if (!(error instanceof ScheduleTableError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return ExitCode.FAILED;
  }
  const collator = new Intl.Collator();
  const listings = items
    .map((item, position) => listingOf(parseCalendarItem(item, position)))
    .sort((a, b) => collator.compare(a.name, b.name));
  for (const listing of listings) {
    for (const warning of listing.warnings) io.stderr.write(`warning: ${warning}\n`);
    for (const issue of listing.issues ?? []) io.stderr.write(`error: ${issue}\n`);
  }
  if (flags.json === true) {
    io.stdout.write(`${toJson({ table, calendars: listings })}\n`);
  } else if (listings.length === 0) {
    io.stderr.write(
      `no calendar in table "${table}"; add one with msf-scaler calendar put NAME --dates D1,D2,... (an item "${CALENDAR_PREFIX}NAME")\n`,
    );
  } else {
    const width = io.stdout.isTTY === true ? (io.stdout.columns ?? 120) : PIPED_WIDTH;
    for (const line of renderCalendarList(listings, width)) io.stdout.write(`${line}\n`);
  }
  return listings.some((listing) => !listing.valid) ? ExitCode.FAILED : ExitCode.OK;
}

/**
 * Adds `msf-scaler calendar put NAME --dates FILE|D1,D2,...` (create the shared holiday list
 * `calendar:NAME`, or replace its dates; one UpdateItem of `dates` and `description` only, never
 * written when the scaler would reject it) and `msf-scaler calendar list` (every calendar item,
 * valid or not). Rows use a calendar by naming it in their `calendars`.
 *
 * @example
 * addCalendarCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addCalendarCommand(program: Command, context: CommandContext): Command {
  const calendar = program
    .command(CommandName.CALENDAR)
    .description('shared holiday calendars: put one (create or replace its dates), or list them')
    .addHelpText('after', helpAfter(EXAMPLES, CommandName.CALENDAR));
  const put = calendar
    .command('put <NAME>')
    .description(`create the calendar item "${CALENDAR_PREFIX}NAME", or replace its dates`)
    .option('--dates <dates>', 'D1,D2,... (YYYY-MM-DD), or a FILE: a JSON array or one date per line (# comments)')
    .option('--description <text>', 'what the calendar is, in 1-200 characters (default: kept as it is)')
    .option('--table <name>', tableOptionText())
    .option('--json', 'print the calendar written as JSON on stdout')
    .addHelpText(
      'after',
      `
The dates are holidays in each row's own time zone: no window starts on them (a window that
began the evening before runs to its end). Rows name the calendar in their calendars attribute.
${helpAfter(PUT_EXAMPLES, CommandName.CALENDAR)}`,
    );
  put.action(async (name: string, flags: PutFlags) => context.exit(await executePut(name, flags, put, context.io)));
  const list = calendar
    .command('list')
    .description('every calendar item of the table, with its dates; invalid ones are reported (exit 1)')
    .option('--table <name>', tableOptionText())
    .option('--json', 'print every calendar as JSON on stdout')
    .addHelpText('after', helpAfter(LIST_EXAMPLES, CommandName.CALENDAR));
  list.action(async (flags: ListFlags) => context.exit(await executeList(flags, list, context.io)));
  return calendar;
}

export { addCalendarCommand };
