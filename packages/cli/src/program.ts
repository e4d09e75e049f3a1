import { ExitCode, runProgram } from '@msf-scaler/commons';
import { Command } from 'commander';
import { version } from '../package.json';
import { addCalendarCommand } from './commands/calendar';
import { addDisableCommand, addEnableCommand } from './commands/enable';
import { addHistoryCommand } from './commands/history';
import { addListCommand } from './commands/list';
import { addOverrideCommand } from './commands/override';
import { addPlanCommand } from './commands/plan';
import { addPutCommand } from './commands/put';
import { addRemoveCommand } from './commands/remove';
import { addRunCommand } from './commands/run';
import { addShowCommand } from './commands/show';
import { addSimulateCommand } from './commands/simulate';
import { addValidateCommand } from './commands/validate';
import type { CommandContext } from './context';
import { helpAfter } from './help';
import type { CliIo } from './io';

const EXAMPLES: readonly (readonly [string, string])[] = [
  ['msf-scaler plan', 'what a run would do now, on $SCHEDULE_TABLE'],
  ['msf-scaler run --table team-schedules', 'reconcile every row of a table now'],
  ['msf-scaler validate rows.json', 'check rows before writing them'],
  ['msf-scaler validate --table', 'check the rows of the table in place'],
  [
    'msf-scaler put --app orders-enricher --low 2 --high 8 --up 7 --down 19 --timezone Europe/Berlin',
    'onboard an application: validated, never overwriting a row',
  ],
  ['msf-scaler put --replace --dry-run rows.json', 'what replacing rows would change, attribute by attribute'],
  ['msf-scaler disable orders-enricher', 'pause scaling for an application (enable resumes it)'],
  ['msf-scaler remove orders-enricher', 'stop managing an application (asks first)'],
  ['msf-scaler list', 'every row: its application now, the target now, the next change'],
  ['msf-scaler simulate schedules.json', 'a week of a schedule file, hour by hour, and its cost'],
  ['msf-scaler show orders-enricher', 'one application: row, state, next changes, last scalings'],
  [
    'msf-scaler override orders-enricher --kpu 16 --until +2d --reason "launch week"',
    'a temporary KPU that reverts by itself',
  ],
  ['msf-scaler calendar put de-public --dates 2026-12-25,2026-12-26', 'a holiday list rows share by name'],
  ['msf-scaler history orders-enricher', 'what the scaler did to an application, newest first'],
  ['msf-scaler help validate', "a command's flags, examples and exit codes"],
];

/**
 * The `msf-scaler` command line: parse -> run -> render -> exit code. Never calls
 * process.exit; returns the exit code (0 fine, 1 something invalid or failed, 2 usage error).
 *
 * @example
 * const code = await main(['plan', '--at', '2026-11-27T20:00:00Z'], io);
 */
async function main(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode: ExitCode = ExitCode.OK;
  const context: CommandContext = {
    io,
    exit: (code) => {
      exitCode = code;
    },
  };
  const program = new Command('msf-scaler')
    .description('Scale Managed Service for Apache Flink applications to the KPU their schedule rows ask for.')
    .version(version, '-V, --version', 'print the version and exit')
    .showHelpAfterError()
    .addHelpText('after', helpAfter(EXAMPLES));
  addRunCommand(program, context);
  addPlanCommand(program, context);
  addValidateCommand(program, context);
  addHistoryCommand(program, context);
  addShowCommand(program, context);
  addListCommand(program, context);
  addSimulateCommand(program, context);
  addOverrideCommand(program, context);
  addCalendarCommand(program, context);
  addPutCommand(program, context);
  addRemoveCommand(program, context);
  addEnableCommand(program, context);
  addDisableCommand(program, context);
  return (await runProgram(program, args, io)) ?? exitCode;
}

export { main };
