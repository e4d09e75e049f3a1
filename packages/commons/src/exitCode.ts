/**
 * The exit codes of every command line of the workspace (`msf-scaler`, `pnpm local`,
 * `msf-emulator`); each CLI maps how it ended to one of them in a pure function.
 */
const ExitCode = {
  /** The command did what it was asked (a clean stop included). */
  OK: 0,
  /** It ran but failed: a row invalid or errored, a server that could not start, ... */
  FAILED: 1,
  /** The command line is wrong; the usage text was printed. */
  USAGE: 2,
} as const;

type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export { ExitCode };
