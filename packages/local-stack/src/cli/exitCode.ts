import { ExitCode } from '@msf-scaler/commons';

/** How a `pnpm local` session ended. */
type LocalEnding = 'stopped' | 'start-failed' | 'usage-error' | 'help';

/**
 * The exit-code policy of `pnpm local`, in one pure function, on the scaler CLI's exit codes:
 * 0 ran and stopped cleanly (Ctrl+C, SIGTERM, SIGHUP, a launcher gone), 1 could not start (port
 * in use, bad examples file, `--write-env` file not writable, ...), 2 bad flags (a `--write-env`
 * directory that does not exist included).
 *
 * @example
 * exitCodeFor('stopped'); // 0
 */
function exitCodeFor(ending: LocalEnding): ExitCode {
  switch (ending) {
    case 'stopped':
    case 'help':
      return ExitCode.OK;
    case 'start-failed':
      return ExitCode.FAILED;
    case 'usage-error':
      return ExitCode.USAGE;
  }
}

export type { LocalEnding };
export { exitCodeFor };
