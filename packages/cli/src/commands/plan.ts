import type { Command } from 'commander';
import type { CommandContext } from '../context';
import { CommandName, helpAfter } from '../help';
import { addRunOptions, executeRun, type RunFlags } from '../scaleRun';

const EXAMPLES: readonly (readonly [string, string])[] = [
  ['msf-scaler plan', 'what a run would do now'],
  ['msf-scaler plan --at 2026-11-27T20:00:00Z', 'what it would do at 20:00 UTC on 27 November 2026'],
  ['msf-scaler plan --json | jq .counts', 'the counts per outcome, as JSON'],
];

/**
 * Adds `msf-scaler plan`: `run --dry-run`, the same decisions without any UpdateApplication.
 *
 * @example
 * addPlanCommand(program, { io, exit: (code) => { exitCode = code; } });
 */
function addPlanCommand(program: Command, context: CommandContext): Command {
  const plan = addRunOptions(
    program.command(CommandName.PLAN).description('the same as run --dry-run: what a run would do'),
  ).addHelpText('after', helpAfter(EXAMPLES, CommandName.PLAN));
  plan.action(async (flags: RunFlags) => context.exit(await executeRun(flags, true, plan, context.io)));
  return plan;
}

export { addPlanCommand };
