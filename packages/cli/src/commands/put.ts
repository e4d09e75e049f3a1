import { ExitCode, useColour } from '@msf-scaler/commons';
import {
  ConfigError,
  createRow,
  readScheduleItems,
  replaceRow,
  resolveMaxKpuPerApplication,
  ScheduleTableError,
  toJson,
  WriteRefusal,
  type WriteResult,
} from '@msf-scaler/scaler';
import { AUTO_SCALING_MODES, isCalendarItem } from '@msf-scaler/schema';
import { type Command, Option } from 'commander';
import type { CommandContext } from '../context';
import { CommandName, helpAfter } from '../help';
import type { CliIo } from '../io';
import { PutOutcome, type PutReport, type PutRowReport, renderPutLines } from '../render/put';
import { diffItems } from '../render/storedItem';
import { renderValidationLines } from '../render/validation';
import { checkAppName, resolveRowTable } from '../rowTarget';
import { maxKpuOptionText, tableOptionText } from '../scaleRun';
import { usageError } from '../usage';
import type { RowReport, ValidationIssue, ValidationReport } from '../validate/types';
import { type Checked, toReport, validateFiles, validateItems } from '../validate/validate';
import { isPlainObject } from '../validate/values';

const EXAMPLES: readonly (readonly [string, string])[] = [
  [
    'msf-scaler put --app orders-enricher --low 2 --high 8 --up 7 --down 19 --timezone Europe/Berlin --days MON-FRI',
    'onboard one application: 8 KPU on weekdays 07:00-19:00 Berlin time, 2 KPU otherwise',
  ],
  ['msf-scaler put rows.json', 'create the rows of a file (JSON array, JSON Lines or one row; plain or DynamoDB JSON)'],
  ['msf-scaler put --replace --dry-run rows.json', 'what replacing the rows would change, attribute by attribute'],
  ['msf-scaler put --replace rows.json', 'replace rows, unless someone changed them since they were read'],
  ['msf-scaler put --strict schedules/*.json', "in CI: refuse rows with warnings too (a typo'd attribute, ...)"],
  ['cat rows.jsonl | msf-scaler put -', 'rows on standard input'],
];

/** How messages name the row given with flags. */
const COMMAND_LINE = 'command line';

/** The flags of `put`, as commander parses them. */
interface PutFlags {
  readonly app?: string;
  readonly low?: string;
  readonly high?: string;
  readonly up?: string;
  readonly down?: string;
  readonly timezone?: string;
  readonly days?: string;
  readonly autoScaling?: string;
  readonly disabled?: boolean;
  readonly replace?: boolean;
  readonly dryRun?: boolean;
  readonly strict?: boolean;
  readonly table?: string;
  readonly maxKpuPerApplication?: string;
  readonly json?: boolean;
}

/** What `put` is asked to do, flags resolved. */
interface PutRequest {
  readonly files: readonly string[];
  /** The row the flags describe, when no FILE is given. */
  readonly flagRow?: Readonly<Record<string, unknown>>;
  readonly table: string;
  readonly maxKPUPerApplication: number;
  readonly replace: boolean;
  readonly dryRun: boolean;
  readonly strict: boolean;
  readonly json: boolean;
}

/** A valid row to write, and where it was given. */
interface RowToPut {
  readonly appName: string;
  readonly item: Readonly<Record<string, unknown>>;
  readonly source: string;
}

/** The flags that describe a row, but --app; with the attribute each sets. */
const ROW_FLAGS = ['low', 'high', 'up', 'down', 'timezone', 'days', 'autoScaling', 'disabled'] as const;
const REQUIRED_FLAGS = ['app', 'low', 'high', 'up', 'down'] as const;

/** A number as typed: digits, optionally signed or with a fraction; the schema judges the rest. */
const NUMBER = /^\s*[+-]?\d{1,15}(?:\.\d{1,15})?\s*$/;

function flagName(flag: (typeof ROW_FLAGS)[number] | 'app'): string {
  return flag === 'autoScaling' ? '--auto-scaling' : `--${flag}`;
}

function numberFlag(text: string | undefined, flag: string): number {
  if (text === undefined || !NUMBER.test(text)) {
    throw new ConfigError(`${flag} must be a number, such as 8; got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/** The row `--app`, `--low`, ... describe, attributes in the documentation's order; only the schema judges its values. */
function rowOfFlags(flags: PutFlags): Record<string, unknown> {
  const missing = REQUIRED_FLAGS.filter((flag) => flags[flag] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      `a row from flags needs --app, --low, --high, --up and --down; missing ${missing.map(flagName).join(', ')}`,
    );
  }
  const appName = flags.app ?? '';
  checkAppName(appName);
  return {
    appName,
    lowKPU: numberFlag(flags.low, '--low'),
    highKPU: numberFlag(flags.high, '--high'),
    scaleUpHour: numberFlag(flags.up, '--up'),
    scaleDownHour: numberFlag(flags.down, '--down'),
    ...(flags.timezone === undefined ? {} : { timezone: flags.timezone }),
    ...(flags.days === undefined ? {} : { peakDays: flags.days }),
    // enabled is left out unless false: the default (true) stays implicit, as in toDynamoDbItemJson.
    ...(flags.disabled === true ? { enabled: false } : {}),
    ...(flags.autoScaling === undefined ? {} : { autoScaling: flags.autoScaling }),
  };
}

/** Flags over env over defaults; a contradiction or a value that cannot be read throws ConfigError. */
function resolvePutRequest(files: readonly string[], flags: PutFlags, io: CliIo): PutRequest {
  const rowFlags = ROW_FLAGS.filter((flag) => flags[flag] !== undefined);
  const given = [...(flags.app === undefined ? [] : (['app'] as const)), ...rowFlags];
  if (files.length > 0 && given.length > 0) {
    throw new ConfigError(
      `give FILE... or one row's flags (--app NAME --low N ...), not both (got ${files.length} FILE and ${given.map(flagName).join(', ')})`,
    );
  }
  if (files.length === 0 && given.length === 0) {
    throw new ConfigError(
      'nothing to put: give FILE..., - for standard input, or a row with --app NAME --low N --high N --up H --down H',
    );
  }
  if (files.filter((file) => file === '-').length > 1) {
    throw new ConfigError('standard input (-) can be read only once');
  }
  const flagRow = files.length === 0 ? rowOfFlags(flags) : undefined;
  return {
    files,
    ...(flagRow === undefined ? {} : { flagRow }),
    table: resolveRowTable(flags.table, io),
    maxKPUPerApplication: resolveMaxKpuPerApplication(io.env, flags.maxKpuPerApplication),
    replace: flags.replace === true,
    dryRun: flags.dryRun === true,
    strict: flags.strict === true,
    json: flags.json === true,
  };
}

/** `rows.json:3:1`, `<stdin>:2:1`, `command line`: where a row was given. */
function placeOf(row: RowReport): string {
  if (row.line === undefined) return row.source === COMMAND_LINE ? COMMAND_LINE : `${row.source} row ${row.row}`;
  return `${row.source}:${row.line}${row.column === undefined ? '' : `:${row.column}`}`;
}

function appNameOf(item: unknown): string | undefined {
  return isPlainObject(item) && typeof item.appName === 'string' ? item.appName : undefined;
}

/**
 * What `put` refuses beyond the schema's rules, as issues of the row (so they are reported like
 * every other): a calendar item (it has a command of its own), and an appName given twice (the
 * table holds one row per appName: which one was meant?).
 */
function putIssues(row: RowReport, firstAt: Map<string, string>): ValidationIssue[] {
  const appName = appNameOf(row.item);
  if (!row.valid || appName === undefined) return [];
  const at = {
    ...(row.line === undefined ? {} : { line: row.line }),
    ...(row.column === undefined ? {} : { column: row.column }),
  };
  if (isCalendarItem(row.item)) {
    const name = appName.slice(appName.indexOf(':') + 1);
    return [
      {
        attribute: 'appName',
        value: appName,
        rule: 'put writes schedule rows only; calendar items are written by msf-scaler calendar put',
        message: `row ${JSON.stringify(appName)}: a calendar item, which put does not write; write it with msf-scaler calendar put ${name} --dates D1,D2,...`,
        ...at,
      },
    ];
  }
  const first = firstAt.get(appName);
  if (first === undefined) {
    firstAt.set(appName, placeOf(row));
    return [];
  }
  const rule = 'put writes one row per appName';
  return [
    {
      attribute: 'appName',
      value: appName,
      rule,
      message: `row ${JSON.stringify(appName)}: the same appName is also at ${first}; ${rule}: give each row once`,
      ...at,
    },
  ];
}

/** validate's warning about an appName repeated within one input: put makes it an error of its own. */
const REPEATED_APP_NAME = 'the same appName is also at';

/** The checked rows with put's own refusals added; the inputs' counts follow. */
function checkForPut(checked: Checked): Checked {
  const firstAt = new Map<string, string>();
  const rows = checked.rows.map((row): RowReport => {
    const issues = putIssues(row, firstAt);
    if (issues.length === 0) return row;
    const { item: _written, ...rest } = row;
    return {
      ...rest,
      valid: false,
      issues: [...row.issues, ...issues],
      warnings: row.warnings.filter(
        (warning) => !(warning.attribute === 'appName' && warning.message.includes(REPEATED_APP_NAME)),
      ),
    };
  });
  // Rows are in input order, `source.rows` of them per input.
  let next = 0;
  const sources = checked.sources.map((source) => {
    const invalid = rows.slice(next, next + source.rows).filter((row) => !row.valid).length;
    next += source.rows;
    return { ...source, invalid };
  });
  return { sources, rows };
}

/** Validates every row: from the files (or standard input), or the one the flags describe. */
async function checkRows(
  request: PutRequest,
  io: CliIo,
): Promise<{ readonly report: ValidationReport; readonly rows: readonly RowToPut[] }> {
  const options = { maxKPUPerApplication: request.maxKPUPerApplication, keepItems: true };
  const checked =
    request.flagRow === undefined
      ? await validateFiles(request.files, options, io.stdin, io.stderr)
      : validateItems([request.flagRow], COMMAND_LINE, options);
  const forPut = checkForPut(checked);
  const report = toReport(forPut, request.strict);
  const rows = forPut.rows.flatMap((row): RowToPut[] => {
    // validateItems keeps no item: the row of the flags is the item.
    const item = request.flagRow ?? row.item;
    const appName = appNameOf(item);
    return row.valid && isPlainObject(item) && appName !== undefined ? [{ appName, item, source: placeOf(row) }] : [];
  });
  return { report, rows };
}

/** Prints validation's findings on stderr: all of them, and the verdict when something is wrong. */
function reportFindings(report: ValidationReport, io: CliIo): void {
  const lines = [...renderValidationLines(report, { colour: useColour(io.stderr, io.env) })];
  // The verdict (the last line) only matters when put refuses: otherwise the rows' results follow.
  const shown = report.valid ? lines.slice(0, -1) : lines;
  for (const line of shown) io.stderr.write(`${line}\n`);
  if (report.valid && report.counts.warnings > 0) {
    io.stderr.write('note: rows are written as given, attributes the scaler ignores included; --strict refuses them\n');
  }
}

function refusedRow(row: RowToPut, written: WriteResult & { readonly ok: false }): PutRowReport {
  return {
    appName: row.appName,
    source: row.source,
    outcome: PutOutcome.REFUSED,
    written: false,
    refusal: written.refusal,
    message: written.message,
    changes: [],
  };
}

/** One row: compared with the row read, then created, replaced, left as it is, or refused. */
async function putRow(
  row: RowToPut,
  existing: Readonly<Record<string, unknown>> | undefined,
  request: PutRequest,
  io: CliIo,
): Promise<PutRowReport> {
  const changes = diffItems(existing, row.item);
  const { appName, source } = row;
  if (existing !== undefined && changes.length === 0) {
    return { appName, source, outcome: PutOutcome.UNCHANGED, written: false, changes: [] };
  }
  if (existing !== undefined && !request.replace) {
    return {
      appName,
      source,
      outcome: PutOutcome.REFUSED,
      written: false,
      refusal: WriteRefusal.ROW_EXISTS,
      message: `row "${appName}" exists in table "${request.table}"; to replace it, run again with --replace`,
      changes,
    };
  }
  const creates = existing === undefined;
  if (request.dryRun) {
    const outcome = creates ? PutOutcome.WOULD_CREATE : PutOutcome.WOULD_REPLACE;
    return { appName, source, outcome, written: false, changes };
  }
  const client = io.createClients().dynamodb;
  const written = creates
    ? await createRow(client, request.table, row.item)
    : await replaceRow(client, request.table, { expected: existing, item: row.item });
  if (!written.ok) return refusedRow(row, written);
  const outcome = creates ? PutOutcome.CREATED : PutOutcome.REPLACED;
  return { appName, source, outcome, written: true, changes };
}

function countsOf(rows: readonly PutRowReport[]): Record<PutOutcome, number> {
  const counts = Object.fromEntries(Object.values(PutOutcome).map((outcome) => [outcome, 0])) as Record<
    PutOutcome,
    number
  >;
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

function render(report: PutReport, io: CliIo, json: boolean): void {
  if (json) io.stdout.write(`${toJson(report, 2)}\n`);
  else for (const line of renderPutLines(report)) io.stdout.write(`${line}\n`);
}

/** validate every row -> read the rows they replace -> write one by one, conditionally -> render. */
async function applyPut(request: PutRequest, io: CliIo): Promise<ExitCode> {
  const { report: validation, rows } = await checkRows(request, io);
  reportFindings(validation, io);
  if (!validation.valid) {
    const { invalid, unreadable } = validation.counts;
    const problems = [
      ...(invalid > 0 ? [`${invalid} ${invalid === 1 ? 'row is' : 'rows are'} invalid`] : []),
      ...(unreadable > 0 ? [`${unreadable} ${unreadable === 1 ? 'input' : 'inputs'} could not be read`] : []),
    ];
    const why = problems.length === 0 ? '--strict: a row has a warning' : problems.join(', ');
    io.stderr.write(
      `error: nothing was written: ${why}; fix and run again (msf-scaler validate checks rows without writing)\n`,
    );
    if (request.json) io.stdout.write(`${toJson({ table: request.table, written: false, validation }, 2)}\n`);
    return ExitCode.FAILED;
  }
  const done: PutRowReport[] = [];
  let failure: ScheduleTableError | undefined;
  try {
    const current = await readScheduleItems(
      io.createClients().dynamodb,
      request.table,
      rows.map((row) => row.appName),
    );
    for (const row of rows) done.push(await putRow(row, current.get(row.appName), request, io));
  } catch (error) {
    if (!(error instanceof ScheduleTableError)) throw error;
    failure = error;
  }
  const report: PutReport = {
    table: request.table,
    dryRun: request.dryRun,
    replace: request.replace,
    counts: countsOf(done),
    rows: done,
  };
  if (done.length > 0 || failure === undefined) render(report, io, request.json);
  if (failure !== undefined) {
    const left = rows.length - done.length;
    io.stderr.write(`error: ${failure.message}; ${left} of ${rows.length} rows not written\n`);
    return ExitCode.FAILED;
  }
  return report.counts.refused > 0 ? ExitCode.FAILED : ExitCode.OK;
}

/** parse -> validate, read, write -> render -> exit code. */
async function executePut(files: readonly string[], flags: PutFlags, command: Command, io: CliIo): Promise<ExitCode> {
  let request: PutRequest;
  try {
    request = resolvePutRequest(files, flags, io);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return usageError(error.message, command, io);
  }
  return applyPut(request, io);
}

/**
 * Adds `msf-scaler put [FILE... | -]` and `msf-scaler put --app NAME --low N --high N --up H
 * --down H [...]`: validates every row with the scaler's rules first and writes nothing if one
 * is invalid; then creates each new row (PutItem conditional on there being none), leaves an
 * identical one alone, and replaces an existing one only with `--replace`, printing the
 * difference and conditional on the row being exactly as read. `--dry-run` writes nothing.
 *
 * @example
 * addPutCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addPutCommand(program: Command, context: CommandContext): Command {
  const put = program
    .command(`${CommandName.PUT} [file...]`)
    .description(
      'create schedule rows from files, standard input (-) or flags, after validating every one; --replace to change rows',
    )
    .option('--app <name>', 'the MSF application of a row given with flags (its appName)')
    .option('--low <n>', 'the KPU outside the peak window (lowKPU)')
    .option('--high <n>', 'the KPU during the peak window (highKPU)')
    .option('--up <hour>', 'the local hour the peak window starts, 0-23 (scaleUpHour)')
    .option('--down <hour>', 'the local hour it ends, 0-23 (scaleDownHour)')
    .option('--timezone <zone>', 'the IANA time zone of the hours, e.g. Europe/Berlin (default: UTC)')
    .option('--days <days>', 'the days the window starts on, e.g. MON-FRI or SAT,SUN (peakDays; default: every day)')
    .addOption(
      new Option('--auto-scaling <mode>', "MSF's own autoscaling after a scaling (default: keep)").choices(
        AUTO_SCALING_MODES,
      ),
    )
    .option('--disabled', 'write the row disabled (enabled false): the scaler leaves the application alone')
    .option(
      '--replace',
      'replace rows that exist, printing the difference, if nobody changed them since they were read',
    )
    .option('--dry-run', 'print what would be written, and the differences; write nothing')
    .option('--strict', 'refuse rows with warnings too (unknown attributes, ...), as validate --strict')
    .option('--table <name>', tableOptionText())
    .option('--max-kpu-per-application <n>', maxKpuOptionText())
    .option('--json', 'print what was written (or the validation, when nothing was) as JSON on stdout')
    .addHelpText(
      'after',
      `
Every row is validated first, as validate does (FILE inputs: a JSON array, JSON Lines or one row,
plain or DynamoDB JSON); if one is invalid nothing is written. A row is written as given:
attributes the scaler does not know are kept, with a warning (refused with --strict). Each new
row is created with a PutItem conditional on there being none; an existing row is replaced only
with --replace, and only if it is still exactly as read: else nothing is written for it (exit 1:
run again). Differences are shown attribute by attribute as DynamoDB stores the values
({"N":"4"} -> {"N":"8"}). Calendar items are written with msf-scaler calendar put.
${helpAfter(EXAMPLES, CommandName.PUT)}`,
    );
  put.action(async (files: string[], flags: PutFlags) => context.exit(await executePut(files, flags, put, context.io)));
  return put;
}

export { addPutCommand };
