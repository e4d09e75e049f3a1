import { type Command, CommanderError } from 'commander';
import type { CliStreams } from './cliStreams';
import { ExitCode } from './exitCode';

// Commander copies a parent's settings to a subcommand only when the subcommand is created,
// so output and exit handling are set on every command of the tree here.
function wire(command: Command, streams: CliStreams): void {
  command.exitOverride().configureOutput({
    writeOut: (text) => streams.stdout.write(text),
    writeErr: (text) => streams.stderr.write(text),
  });
  for (const sub of command.commands) wire(sub, streams);
}

/**
 * Parses `args` with `program` and runs the chosen action, the same way for every CLI:
 * commander writes to the injected streams and never calls `process.exit`.
 *
 * @returns `ExitCode.OK` after `--help` or `--version`, `ExitCode.USAGE` after a usage error
 *   (commander's own code would be 1), `undefined` when an action ran: the caller returns
 *   the code its action decided.
 * @example
 * const code = (await runProgram(program, ['run', '--json'], io)) ?? exitCodeOfTheAction;
 */
async function runProgram(
  program: Command,
  args: readonly string[],
  streams: CliStreams,
): Promise<ExitCode | undefined> {
  wire(program, streams);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    throw error;
  }
}

export { runProgram };
