import { Defaults, EnvVar } from '@msf-scaler/scaler';
import { DEFAULT_MAX_KPU_PER_APPLICATION } from '@msf-scaler/schema';

/** The commands of `msf-scaler`. */
const CommandName = {
  RUN: 'run',
  PLAN: 'plan',
  VALIDATE: 'validate',
  SHOW: 'show',
  LIST: 'list',
  OVERRIDE: 'override',
  CALENDAR: 'calendar',
  SIMULATE: 'simulate',
  HISTORY: 'history',
  PUT: 'put',
  REMOVE: 'remove',
  ENABLE: 'enable',
  DISABLE: 'disable',
} as const;

type CommandName = (typeof CommandName)[keyof typeof CommandName];

/** An environment variable the CLI reads, and the commands that read it. */
interface EnvVarHelp {
  readonly name: string;
  readonly description: string;
  readonly commands: readonly CommandName[];
}

const ALL: readonly CommandName[] = Object.values(CommandName);
const AWS_COMMANDS: readonly CommandName[] = [
  CommandName.RUN,
  CommandName.PLAN,
  CommandName.VALIDATE,
  CommandName.SHOW,
  CommandName.LIST,
  CommandName.SIMULATE,
  CommandName.HISTORY,
  CommandName.OVERRIDE,
  CommandName.CALENDAR,
  CommandName.PUT,
  CommandName.REMOVE,
  CommandName.ENABLE,
  CommandName.DISABLE,
];

/** The commands that never judge a row's KPU. */
const WITHOUT_ROW_CHECK: readonly CommandName[] = [
  CommandName.CALENDAR,
  CommandName.HISTORY,
  CommandName.REMOVE,
  CommandName.ENABLE,
  CommandName.DISABLE,
];

/** Every variable the CLI reads: ours first, then the AWS SDK's standard ones. */
const ENV_VARS: readonly EnvVarHelp[] = [
  {
    name: EnvVar.TABLE,
    description: `schedule table without --table (else ${Defaults.TABLE_NAME})`,
    commands: ALL.filter((command) => command !== CommandName.HISTORY),
  },
  {
    name: EnvVar.CONCURRENCY,
    description: `most rows in flight without --concurrency, 1-${Defaults.MAX_CONCURRENCY} (else ${Defaults.CONCURRENCY})`,
    commands: [CommandName.RUN, CommandName.PLAN, CommandName.LIST],
  },
  {
    name: EnvVar.MAX_KPU_PER_APPLICATION,
    description: `most KPU a row may ask for, without --max-kpu-per-application (else ${DEFAULT_MAX_KPU_PER_APPLICATION})`,
    // calendar items hold no KPU; the history holds what was done; remove, enable and disable check no row.
    commands: ALL.filter((command) => !WITHOUT_ROW_CHECK.includes(command)),
  },
  {
    name: EnvVar.HISTORY_TABLE,
    description: `history table (the audit trail) without --history-table (else ${Defaults.HISTORY_TABLE})`,
    commands: [CommandName.RUN, CommandName.PLAN, CommandName.HISTORY],
  },
  {
    name: EnvVar.MAX_TOTAL_KPU,
    description: "most KPU the table's running applications may hold together, without --max-total-kpu (else no limit)",
    commands: [CommandName.RUN, CommandName.PLAN],
  },
  {
    name: EnvVar.REQUIRED_TAG,
    description: "key=value tag the scaler's role requires on applications (named when access is denied)",
    commands: [CommandName.RUN, CommandName.PLAN, CommandName.SHOW, CommandName.LIST],
  },
  {
    name: 'AWS_REGION',
    description: "region of the table and the applications (else the profile's region)",
    commands: AWS_COMMANDS,
  },
  {
    name: 'AWS_PROFILE',
    description: "shared-config profile; credentials come from the SDK's default chain",
    commands: AWS_COMMANDS,
  },
  {
    name: 'AWS_ENDPOINT_URL',
    description: 'one endpoint for every AWS service (the local world sets the two below)',
    commands: AWS_COMMANDS,
  },
  {
    name: 'AWS_ENDPOINT_URL_DYNAMODB',
    description: "DynamoDB endpoint, e.g. the local world's dynalite",
    commands: AWS_COMMANDS,
  },
  {
    name: 'AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2',
    description: 'Managed Service for Apache Flink endpoint, e.g. the local emulator',
    commands: [CommandName.RUN, CommandName.PLAN, CommandName.SHOW, CommandName.LIST],
  },
  { name: 'NO_COLOR', description: 'no colours, even on a terminal', commands: ALL },
];

/** Width of the names' column; a longer name gets a line of its own. */
const NAME_WIDTH = 30;

/** A two-column help entry: the description beside the name, or under it when the name is long. */
function entry(name: string, description: string): string {
  return name.length > NAME_WIDTH
    ? `  ${name}\n  ${' '.repeat(NAME_WIDTH)}  ${description}`
    : `  ${name.padEnd(NAME_WIDTH)}  ${description}`;
}

/** The `Environment:` section of a command's help: the variables it reads (every command's at the top). */
function environmentHelp(command?: CommandName): string {
  const vars = ENV_VARS.filter((envVar) => command === undefined || envVar.commands.includes(command));
  return [
    'Environment (a flag wins over its variable):',
    ...vars.map((envVar) => entry(envVar.name, envVar.description)),
  ].join('\n');
}

/** What each exit code means for a command; the top level lists them for every command. */
const EXIT_CODES: Readonly<Record<CommandName | 'all', readonly [string, string, string]>> = {
  all: [
    'fine: the command did what it was asked',
    'something is invalid or failed: a row invalid or errored, an input unreadable, the table unreadable, …',
    'usage error: a wrong flag or value (the usage is printed)',
  ],
  run: [
    'every row ended scaled, unchanged, skipped or busy',
    'a row is invalid, ended in error or was deferred, or the table could not be read',
    'usage error (the usage is printed)',
  ],
  plan: [
    'every row would end scaled, unchanged, skipped or busy',
    'a row is invalid, would end in error or was deferred, or the table could not be read',
    'usage error (the usage is printed)',
  ],
  validate: [
    'every row is valid (warnings allowed, unless --strict)',
    'a row is invalid, an input could not be read or is not JSON, the table could not be read, or (--strict) a warning',
    'usage error (the usage is printed)',
  ],
  list: [
    'every row is valid and the application of every enabled row was described',
    'a row is invalid, an application could not be described, or the table could not be read',
    'usage error (the usage is printed)',
  ],
  history: [
    'the history was read (it may hold no entry yet)',
    'the history table could not be read (the error says why and how to fix it)',
    'usage error (the usage is printed)',
  ],
  simulate: [
    'every row was simulated (disabled rows are left out)',
    'a row is invalid, an input could not be read, or the table could not be read',
    'usage error (the usage is printed)',
  ],
  show: [
    'the row is valid and MSF described the application and its latest scalings',
    'no such row, the row is invalid, the application or its operation history could not be read, or the table could not be read',
    'usage error (the usage is printed)',
  ],
  override: [
    'the override was written (or there was nothing to clear)',
    'no such row, the row would be invalid, it changed since it was read, or the table could not be read or written',
    'usage error: a wrong flag or value, e.g. --until not in the future (the usage is printed)',
  ],
  calendar: [
    'the calendar was written, or every calendar listed is valid',
    'the calendar would be invalid, the dates file could not be read, a calendar listed is invalid, or the table could not be read or written',
    'usage error: a wrong flag or value, e.g. a name that is not a calendar name (the usage is printed)',
  ],
  put: [
    'every row was created, replaced or already identical (or, with --dry-run, would be)',
    'a row is invalid (nothing is written), exists without --replace, changed since it was read, or the table could not be read or written',
    'usage error: a wrong flag or value, e.g. FILE and --app together (the usage is printed)',
  ],
  remove: [
    'the row was removed',
    'no such row, it changed since it was shown, the answer was not yes, or the table could not be read or written',
    'usage error, or not on a terminal without --yes (the usage is printed)',
  ],
  enable: [
    'the row was enabled, or already was',
    'no such row, its enabled changed since it was read, or the table could not be read or written',
    'usage error (the usage is printed)',
  ],
  disable: [
    'the row was disabled, or already was',
    'no such row, its enabled changed since it was read, or the table could not be read or written',
    'usage error (the usage is printed)',
  ],
};

function exitCodeHelp(command?: CommandName): string {
  const [ok, failed, usage] = EXIT_CODES[command ?? 'all'];
  return ['Exit codes:', `  0  ${ok}`, `  1  ${failed}`, `  2  ${usage}`].join('\n');
}

/** Examples as a shell reads them: what each does as a comment, then the command. */
function examplesHelp(examples: readonly (readonly [string, string])[]): string {
  return ['Examples:', ...examples.map(([command, what]) => `  # ${what}\n  $ ${command}`)].join('\n');
}

/**
 * The text after a command's options in its `--help`: examples, the environment variables it
 * reads, and its exit codes (all commands' at the top level).
 *
 * @example
 * command.addHelpText('after', helpAfter([['msf-scaler plan', 'what a run would do now']], 'plan'));
 */
function helpAfter(examples: readonly (readonly [string, string])[], command?: CommandName): string {
  return `\n${examplesHelp(examples)}\n\n${environmentHelp(command)}\n\n${exitCodeHelp(command)}\n`;
}

export type { EnvVarHelp };
export { CommandName, ENV_VARS, environmentHelp, exitCodeHelp, helpAfter };
