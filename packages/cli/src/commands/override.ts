import { ExitCode } from '@msf-scaler/commons';
import {
  ConfigError,
  evaluateSchedule,
  nextChanges,
  readScheduleItems,
  resolveMaxKpuPerApplication,
  type ScalerClients,
  ScheduleTableError,
  toJson,
  writeOverrides,
} from '@msf-scaler/scaler';
import {
  APP_NAME_MAX_LENGTH,
  APP_NAME_PATTERN,
  CALENDAR_PREFIX,
  type CalendarEntry,
  calendarsByName,
  type Override,
  parseCalendarItem,
  parseIsoInstant,
  parseRow,
  type Row,
} from '@msf-scaler/schema';
import { type Command, Option } from 'commander';
import type { CommandContext } from '../context';
import { CommandName, helpAfter } from '../help';
import type { CliIo } from '../io';
import { type OverrideReport, renderOverrideReport } from '../render/override';
import { maxKpuOptionText, tableOptionText } from '../scaleRun';
import { resolveTableName } from '../tableName';
import { usageError } from '../usage';

const EXAMPLES: readonly (readonly [string, string])[] = [
  [
    'msf-scaler override orders-enricher --kpu 16 --until 2026-12-04T18:00:00Z --reason "launch week" --by ops',
    '16 KPU until the launch ends, whatever the windows say; reverts by itself',
  ],
  ['msf-scaler override orders-enricher --kpu 2 --until +4h --reason "incident 4711"', 'for the next 4 hours'],
  [
    'msf-scaler override orders-enricher --kpu 8 --from 2026-12-24T00:00:00Z --until +30d --reason "peak season"',
    'from a later instant (relative times count from now)',
  ],
  ['msf-scaler override orders-enricher --clear', 'remove the overrides that have expired'],
  ['msf-scaler override orders-enricher --clear --all', 'remove every override, in force or not'],
];

/** The flags of `override`, as commander parses them. */
interface OverrideFlags {
  readonly kpu?: string;
  readonly until?: string;
  readonly from?: string;
  readonly reason?: string;
  readonly by?: string;
  readonly clear?: boolean;
  readonly all?: boolean;
  readonly table?: string;
  readonly maxKpuPerApplication?: string;
  readonly json?: boolean;
}

/** What `override` is asked to do, flags resolved. */
type OverrideRequest = {
  readonly appName: string;
  readonly table: string;
  readonly now: Date;
  readonly maxKPUPerApplication: number;
  readonly json: boolean;
} & ({ readonly action: 'set'; readonly override: Override } | { readonly action: 'clear'; readonly all: boolean });

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** `+4h`, `+2d`: hours or days from now. */
const RELATIVE = /^\+(\d{1,6})([hd])$/;

/** An instant as the table stores it: ISO-8601 in UTC, to the second. */
function isoSecond(ms: number): string {
  return instantText(new Date(Math.floor(ms / 1000) * 1000));
}

/** ISO-8601 in UTC, without milliseconds when they are 0: `2026-12-04T18:00:00Z`. */
function instantText(instant: Date): string {
  return instant.toISOString().replace('.000Z', 'Z');
}

/**
 * `--until` or `--from`: an ISO-8601 instant with `Z` or an offset, kept as written, or `+Nh` /
 * `+Nd` from `now`, written as a UTC instant to the second.
 *
 * @throws ConfigError naming the flag and both forms
 */
function parseWhen(text: string, flag: string, now: Date): { readonly text: string; readonly ms: number } {
  const relative = RELATIVE.exec(text.trim());
  if (relative !== null) {
    const [, amount = '0', unit] = relative;
    const ms = now.getTime() + Number(amount) * (unit === 'd' ? DAY_MS : HOUR_MS);
    return { text: isoSecond(ms), ms: Math.floor(ms / 1000) * 1000 };
  }
  const ms = parseIsoInstant(text);
  if (ms === undefined) {
    throw new ConfigError(
      `${flag} must be an ISO-8601 instant with Z or an offset, such as 2026-12-04T18:00:00Z, or a time from now such as +4h or +2d; got ${JSON.stringify(text)}`,
    );
  }
  return { text, ms };
}

function parseKpu(text: string): number {
  if (!/^\d{1,9}$/.test(text.trim())) {
    throw new ConfigError(`--kpu must be a whole number of KPU, such as 16; got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

function checkAppName(appName: string): void {
  if (appName.length > APP_NAME_MAX_LENGTH || !APP_NAME_PATTERN.test(appName)) {
    throw new ConfigError(
      `APP must be an MSF application name (1-${APP_NAME_MAX_LENGTH} of a-z A-Z 0-9 _ . -), got ${JSON.stringify(appName)}`,
    );
  }
}

/** The override `--kpu`, `--until`, `--reason`, `--from` and `--by` describe; only the schema judges its values. */
function overrideOf(flags: OverrideFlags, now: Date): Override {
  const missing = (['kpu', 'until', 'reason'] as const).filter((flag) => flags[flag] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      `an override needs ${missing.map((flag) => `--${flag}`).join(', ')} (or --clear to remove overrides)`,
    );
  }
  const until = parseWhen(flags.until ?? '', '--until', now);
  if (until.ms <= now.getTime()) {
    throw new ConfigError(
      `--until ${until.text} is not in the future (now is ${isoSecond(now.getTime())}): the override would never be in force`,
    );
  }
  const from = flags.from === undefined ? undefined : parseWhen(flags.from, '--from', now);
  return {
    kpu: parseKpu(flags.kpu ?? ''),
    until: until.text,
    ...(from === undefined ? {} : { from: from.text }),
    reason: flags.reason ?? '',
    ...(flags.by === undefined ? {} : { by: flags.by }),
  };
}

/** Flags over env over defaults; a contradiction or a value that cannot be read throws ConfigError. */
function resolveOverrideRequest(appName: string, flags: OverrideFlags, io: CliIo): OverrideRequest {
  checkAppName(appName);
  const now = io.now();
  const common = {
    appName,
    table: resolveTableName(flags.table, io.env),
    now,
    maxKPUPerApplication: resolveMaxKpuPerApplication(io.env, flags.maxKpuPerApplication),
    json: flags.json === true,
  };
  if (flags.clear === true) {
    const extra = (['kpu', 'until', 'from', 'reason', 'by'] as const).filter((flag) => flags[flag] !== undefined);
    if (extra.length > 0) {
      throw new ConfigError(`--clear removes overrides: give it no ${extra.map((flag) => `--${flag}`).join(', ')}`);
    }
    return { ...common, action: 'clear', all: flags.all === true };
  }
  if (flags.all === true) throw new ConfigError('--all goes with --clear: --clear --all removes every override');
  return { ...common, action: 'set', override: overrideOf(flags, now) };
}

/** Whether a raw override (as read) has ended at `now`: its `until` is an instant at or before it. */
function hasExpired(raw: unknown, now: Date): boolean {
  if (typeof raw !== 'object' || raw === null || !('until' in raw) || typeof raw.until !== 'string') return false;
  const until = parseIsoInstant(raw.until);
  return until !== undefined && until <= now.getTime();
}

/** How a raw override reads in messages: `override until ... (reason, by ...)`, or its JSON. */
function describeRaw(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'until' in raw && 'reason' in raw) {
    const by = 'by' in raw && typeof raw.by === 'string' ? `, by ${raw.by}` : '';
    return `override until ${String(raw.until)} (${String(raw.reason)}${by})`;
  }
  return toJson(raw);
}

/** The calendars a row names, read with one GetItem each (a run reads them from its scan instead). */
async function calendarsOf(
  clients: ScalerClients,
  table: string,
  row: Row,
): Promise<ReadonlyMap<string, CalendarEntry>> {
  const names = row.calendars ?? [];
  if (names.length === 0) return new Map();
  const items = await readScheduleItems(
    clients.dynamodb,
    table,
    names.map((name) => `${CALENDAR_PREFIX}${name}`),
  );
  return calendarsByName([...items.values()].map((item, position) => parseCalendarItem(item, position)));
}

/** What the row does from now on, for the report: the target now and the next change. */
async function effectOf(
  clients: ScalerClients,
  request: OverrideRequest,
  row: Row,
): Promise<Pick<OverrideReport, 'now' | 'next' | 'warnings'>> {
  const calendars = await calendarsOf(clients, request.table, row);
  const evaluation = evaluateSchedule(row, calendars, request.now);
  const [next] = nextChanges(row, calendars, request.now, 1);
  return {
    now: { at: instantText(request.now), targetKPU: evaluation.targetKPU, rule: evaluation.rule },
    ...(next === undefined ? {} : { next: { at: instantText(next.at), targetKPU: next.targetKPU, rule: next.rule } }),
    warnings: evaluation.warnings.map((warning) => warning.message),
  };
}

/** A refusal: printed, nothing written, exit 1. */
function refuse(io: CliIo, messages: readonly string[]): ExitCode {
  for (const message of messages) io.stderr.write(`error: ${message}\n`);
  return ExitCode.FAILED;
}

/** The new `overrides` of a set or a clear, from the list as read, and what a clear removes. */
function planWrite(
  request: OverrideRequest,
  current: readonly unknown[],
): { readonly overrides: readonly unknown[]; readonly removed: readonly unknown[] } {
  if (request.action === 'set') return { overrides: [...current, request.override], removed: [] };
  const removed = request.all ? current : current.filter((raw) => hasExpired(raw, request.now));
  return { overrides: current.filter((raw) => !removed.includes(raw)), removed };
}

/** The item as it will be once written: `overrides` replaced, or removed when the list is empty. */
function withOverrides(
  item: Readonly<Record<string, unknown>>,
  overrides: readonly unknown[],
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...item };
  if (overrides.length === 0) delete copy.overrides;
  else copy.overrides = overrides;
  return copy;
}

/** read -> check the would-be row with the scaler's rules -> conditional write -> evaluate -> render. */
async function applyOverride(request: OverrideRequest, io: CliIo): Promise<ExitCode> {
  const clients = io.createClients();
  const item = (await readScheduleItems(clients.dynamodb, request.table, [request.appName])).get(request.appName);
  if (item === undefined) {
    return refuse(io, [`no row "${request.appName}" in table "${request.table}"; add it first (see the README)`]);
  }
  const expected = item.overrides;
  if (expected !== undefined && !Array.isArray(expected) && (request.action === 'set' || !request.all)) {
    return refuse(io, [
      `row "${request.appName}": overrides is not a list (it holds ${toJson(expected).slice(0, 80)}); remove it with --clear --all`,
    ]);
  }
  const current: readonly unknown[] = Array.isArray(expected) ? expected : expected === undefined ? [] : [expected];
  const planned = planWrite(request, current);
  // A clear that finds nothing to remove writes nothing, and still tells what the row does.
  const write = request.action === 'set' || planned.removed.length > 0;
  const parsed = parseRow(write ? withOverrides(item, planned.overrides) : item, 0, {
    maxKPUPerApplication: request.maxKPUPerApplication,
  });
  if (!parsed.ok && request.action === 'set') {
    return refuse(io, [
      ...parsed.issues.map((issue) => issue.message),
      'nothing was written: the scaler would reject the row with this override',
    ]);
  }
  if (write) {
    const written = await writeOverrides(clients.dynamodb, request.table, {
      appName: request.appName,
      expected,
      overrides: planned.overrides,
    });
    if (!written.ok) return refuse(io, [written.message]);
  }
  const base: Omit<OverrideReport, 'warnings'> = {
    table: request.table,
    appName: request.appName,
    written: write,
    ...(request.action === 'set'
      ? { added: request.override }
      : { clear: request.all ? ('all' as const) : ('expired' as const) }),
    removed: planned.removed.map(describeRaw),
    overrides: planned.overrides,
  };
  const report: OverrideReport = parsed.ok
    ? { ...base, ...(await effectOf(clients, request, parsed.row)) }
    : { ...base, warnings: [], issues: parsed.issues.map((issue) => issue.message) };
  for (const warning of [...parsed.warnings.map(({ message }) => message), ...report.warnings]) {
    io.stderr.write(`warning: ${warning}\n`);
  }
  if (request.json) io.stdout.write(`${toJson(report)}\n`);
  else for (const line of renderOverrideReport(report)) io.stdout.write(`${line}\n`);
  // A row still invalid after a clear is not scaled: say so in the exit code too.
  if (report.issues !== undefined) {
    return refuse(io, [...report.issues, 'the row is still invalid: the scaler leaves it alone until it is fixed']);
  }
  return ExitCode.OK;
}

/** parse -> read, check, write -> render -> exit code. */
async function executeOverride(appName: string, flags: OverrideFlags, command: Command, io: CliIo): Promise<ExitCode> {
  let request: OverrideRequest;
  try {
    request = resolveOverrideRequest(appName, flags, io);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return usageError(error.message, command, io);
  }
  try {
    return await applyOverride(request, io);
  } catch (error) {
    if (!(error instanceof ScheduleTableError)) throw error;
    return refuse(io, [error.message]);
  }
}

/**
 * Adds `msf-scaler override APP`: sets a temporary override on a row (`--kpu`, `--until`,
 * `--reason`, optional `--from` and `--by`) that the scaler obeys whatever the windows and
 * holidays say, and that reverts by itself at `until`; or removes overrides (`--clear`: the
 * expired ones, `--clear --all`: every one). One conditional UpdateItem of `overrides` only,
 * refused if the row changed since it was read; an override the scaler would reject is never
 * written.
 *
 * @example
 * addOverrideCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addOverrideCommand(program: Command, context: CommandContext): Command {
  const override = program
    .command(`${CommandName.OVERRIDE} <APP>`)
    .description("set a temporary KPU on an application's row that reverts by itself, or remove overrides (--clear)")
    .option('--kpu <n>', 'the KPU while the override is in force (a whole number >= 1)')
    .option('--until <when>', 'when it ends: an ISO-8601 instant with Z or an offset, or +Nh / +Nd from now')
    .option('--reason <text>', 'why, in 1-100 characters: shown in every decision it makes')
    .option('--from <when>', 'when it starts, in the same forms as --until (default: at once)')
    .option('--by <name>', 'who set it, in 1-64 characters (default: not recorded)')
    .option('--clear', 'remove the overrides that have expired')
    .addOption(new Option('--all', 'with --clear: remove every override, in force or not'))
    .option('--table <name>', tableOptionText())
    .option('--max-kpu-per-application <n>', maxKpuOptionText())
    .option('--json', 'print what was written and its effect as JSON on stdout')
    .addHelpText(
      'after',
      `
The row must exist. Only its overrides attribute is written, with one conditional UpdateItem:
if someone changed the row's overrides since they were read, nothing is written (exit 1: run
again). The would-be row is checked with the scaler's rules first; one it would reject is never
written. While an override is in force (from <= now < until) it sets the target; several in
force: the latest from wins. Expired overrides are ignored with a warning: remove them with --clear.
${helpAfter(EXAMPLES, CommandName.OVERRIDE)}`,
    );
  override.action(async (appName: string, flags: OverrideFlags) =>
    context.exit(await executeOverride(appName, flags, override, context.io)),
  );
  return override;
}

export { addOverrideCommand };
