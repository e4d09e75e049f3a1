/** Exit codes of the local-stack commands. */
const ExitCode = {
  /** Ran and stopped cleanly (Ctrl+C included). */
  OK: 0,
  /** Could not start (port in use, bad examples file, ...). */
  FAILED: 1,
  /** Bad flags. */
  USAGE: 2,
} as const;

type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** How a `pnpm local` session ended. */
type LocalEnding = 'stopped' | 'start-failed' | 'usage-error' | 'help';

/**
 * The exit-code policy of `pnpm local`, in one pure function.
 *
 * @example
 * exitCodeFor('stopped'); // 0
 */
const exitCodeFor = (ending: LocalEnding): ExitCode => {
  switch (ending) {
    case 'stopped':
    case 'help':
      return ExitCode.OK;
    case 'start-failed':
      return ExitCode.FAILED;
    case 'usage-error':
      return ExitCode.USAGE;
  }
};

export type { LocalEnding };
export { ExitCode, exitCodeFor };
