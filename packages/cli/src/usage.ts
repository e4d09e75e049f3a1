import { type CliStreams, ExitCode } from '@msf-scaler/commons';
import type { Command } from 'commander';

/**
 * Answers a flag or argument that cannot be used: `error: <problem>` and the command's usage on
 * stderr, and the usage exit code (2), the same way for every command.
 *
 * @example
 * if (error instanceof ConfigError) return usageError(error.message, command, io);
 */
function usageError(problem: string, command: Command, io: Pick<CliStreams, 'stderr'>): ExitCode {
  io.stderr.write(`error: ${problem}\n\n${command.helpInformation()}`);
  return ExitCode.USAGE;
}

export { usageError };
