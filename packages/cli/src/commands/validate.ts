import { ExitCode, useColour } from '@msf-scaler/commons';
import {
  ConfigError,
  chunked,
  Defaults,
  EnvVar,
  jsonChunks,
  resolveMaxKpuPerApplication,
  ScheduleTableError,
  scanScheduleTable,
  writeChunks,
} from '@msf-scaler/scaler';
import type { Command } from 'commander';
import type { CommandContext } from '../context';
import { exitCodeForValidation } from '../exitCode';
import { CommandName, helpAfter } from '../help';
import type { CliIo } from '../io';
import { withNewlines } from '../render/lines';
import { renderValidationLines } from '../render/validation';
import { maxKpuOptionText } from '../scaleRun';
import { resolveTableName } from '../tableName';
import { usageError } from '../usage';
import type { ValidationReport } from '../validate/types';
import { type Checked, toReport, validateFiles, validateItems } from '../validate/validate';

const EXAMPLES: readonly (readonly [string, string])[] = [
  ['msf-scaler validate rows.json', 'check rows before writing them (JSON array, JSON Lines or one row)'],
  ['msf-scaler validate --strict schedules/*.json', 'in CI: unknown attributes and other warnings fail too'],
  ['aws dynamodb scan --table-name t | msf-scaler validate -', 'rows on standard input (plain or DynamoDB JSON)'],
  ['msf-scaler validate --table', 'check the rows of $SCHEDULE_TABLE in place'],
  ['msf-scaler validate --json rows.json', 'every row, issue and warning as JSON'],
];

/** The flags of `validate`, as commander parses them. */
interface ValidateFlags {
  /** `--table` alone is `true`: the table from $SCHEDULE_TABLE, else the default. */
  readonly table?: string | true;
  readonly maxKpuPerApplication?: string;
  readonly strict?: boolean;
  readonly json?: boolean;
}

/** What `validate` is asked to check, or the usage error that says why it cannot be. */
type ValidateRequest =
  | {
      readonly ok: true;
      readonly files: readonly string[];
      readonly table?: string;
      readonly maxKPUPerApplication: number;
      readonly strict: boolean;
      readonly json: boolean;
    }
  | { readonly ok: false; readonly problem: string };

function resolveTable(flag: string | true, io: CliIo): string {
  return resolveTableName(flag === true ? undefined : flag, io.env);
}

/** Flags over env over defaults; a contradiction or a bad value is a usage problem. */
function resolveValidateRequest(files: readonly string[], flags: ValidateFlags, io: CliIo): ValidateRequest {
  if (files.length === 0 && flags.table === undefined) {
    return { ok: false, problem: 'nothing to validate: give FILE..., - for standard input, or --table' };
  }
  if (files.length > 0 && flags.table !== undefined) {
    return { ok: false, problem: `give FILE... or --table, not both (got ${files.length} FILE and --table)` };
  }
  if (files.filter((file) => file === '-').length > 1) {
    return { ok: false, problem: 'standard input (-) can be read only once' };
  }
  let maxKPUPerApplication: number;
  try {
    maxKPUPerApplication = resolveMaxKpuPerApplication(io.env, flags.maxKpuPerApplication);
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, problem: error.message };
    throw error;
  }
  let table: string | undefined;
  try {
    table = flags.table === undefined ? undefined : resolveTable(flags.table, io);
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, problem: error.message };
    throw error;
  }
  return {
    ok: true,
    files,
    ...(table === undefined ? {} : { table }),
    maxKPUPerApplication,
    strict: flags.strict === true,
    json: flags.json === true,
  };
}

async function render(report: ValidationReport, json: boolean, io: CliIo): Promise<void> {
  if (json) {
    await writeChunks(io.stdout, jsonChunks(report, 'rows'));
    io.stdout.write('\n');
    return;
  }
  const lines = renderValidationLines(report, { colour: useColour(io.stdout, io.env) });
  await writeChunks(io.stdout, chunked(withNewlines(lines)));
}

/** parse -> check -> render -> exit code. */
async function executeValidate(
  files: readonly string[],
  flags: ValidateFlags,
  command: Command,
  io: CliIo,
): Promise<ExitCode> {
  const request = resolveValidateRequest(files, flags, io);
  if (!request.ok) {
    return usageError(request.problem, command, io);
  }
  const options = { maxKPUPerApplication: request.maxKPUPerApplication };
  let checked: Checked;
  if (request.table === undefined) {
    checked = await validateFiles(request.files, options, io.stdin, io.stderr);
  } else {
    try {
      const items = await scanScheduleTable(io.createClients().dynamodb, request.table);
      checked = validateItems(items, `table ${request.table}`, options);
    } catch (error) {
      if (!(error instanceof ScheduleTableError)) throw error;
      io.stderr.write(`error: ${error.message}\n`);
      return ExitCode.FAILED;
    }
  }
  const report = toReport(checked, request.strict);
  await render(report, request.json, io);
  return exitCodeForValidation(report);
}

/**
 * Adds `msf-scaler validate [FILE...]`: checks schedule rows with the scaler's own rules
 * before they are written (files, or `-` for standard input; plain JSON or DynamoDB JSON), or
 * the rows of the table in place (`--table`). Writes nothing.
 *
 * @example
 * addValidateCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addValidateCommand(program: Command, context: CommandContext): Command {
  const validate = program
    .command(`${CommandName.VALIDATE} [file...]`)
    .description(
      "check schedule rows in files, standard input (-) or the table, with the scaler's rules; writes nothing",
    )
    .option(
      '--table [name]',
      `check the rows of the schedule table in place instead of files (default name: $${EnvVar.TABLE}, else ${Defaults.TABLE_NAME})`,
    )
    .option('--max-kpu-per-application <n>', maxKpuOptionText())
    .option('--strict', 'warnings (unknown attributes, repeated appNames, …) fail too: exit 1')
    .option('--json', 'print every row with its issues and warnings as JSON on stdout')
    .addHelpText(
      'after',
      `
Input: each FILE (or - for standard input) holds a JSON array of rows, one row per line
(JSON Lines), one row object, or what \`aws dynamodb scan\` / \`get-item\` print. Rows may be
plain JSON ({"appName": "orders", "lowKPU": 1}) or DynamoDB JSON ({"appName": {"S": "orders"}}).
Each problem is printed as FILE:LINE:COLUMN: error|warning: and a message naming the row, the
attribute, the value and the rule.
${helpAfter(EXAMPLES, CommandName.VALIDATE)}`,
    );
  validate.action(async (files: string[], flags: ValidateFlags) =>
    context.exit(await executeValidate(files, flags, validate, context.io)),
  );
  return validate;
}

export { addValidateCommand };
