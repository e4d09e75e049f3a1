import type { ExitCode } from '@msf-scaler/commons';
import type { CliIo } from './io';

/** What a command's action is given: the I/O, and where to leave the exit code it decided. */
interface CommandContext {
  readonly io: CliIo;
  /** Records the exit code of the action that ran. */
  exit(code: ExitCode): void;
}

export type { CommandContext };
