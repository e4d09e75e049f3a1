import { type Command, Option } from 'commander';
import type { CommandContext } from '../context';
import { CommandName, helpAfter } from '../help';
import { addRunOptions, executeRun, type RunFlags } from '../scaleRun';

const EXAMPLES: readonly (readonly [string, string])[] = [
  ['msf-scaler run', 'reconcile every row now, on $SCHEDULE_TABLE'],
  ['msf-scaler run --table team-schedules --json', 'the same on another table, the summary as JSON'],
  ['msf-scaler run --dry-run --at 2026-11-27T20:00:00Z', 'decide at an instant, send nothing (= plan)'],
  ['msf-scaler run --deadline 240', 'start no row that could not finish within 4 minutes'],
];

/**
 * Adds `msf-scaler run`: reconcile every row of the schedule table now (or at `--at`), as the
 * Lambda does every hour.
 *
 * @example
 * addRunCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addRunCommand(program: Command, context: CommandContext): Command {
  const run = addRunOptions(
    program
      .command(CommandName.RUN)
      .description('reconcile every row of the schedule table now (or at --at)')
      .addOption(new Option('--dry-run', 'decide and report, but send no UpdateApplication'))
      .addOption(
        new Option(
          '--events',
          'publish one EventBridge event per scaled or failed row on the default bus, as the Lambda does (not in a dry run)',
        ),
      ),
  ).addHelpText('after', helpAfter(EXAMPLES, CommandName.RUN));
  run.action(async (flags: RunFlags) => context.exit(await executeRun(flags, false, run, context.io)));
  return run;
}

export { addRunCommand };
