/** The signals that stop `pnpm local` cleanly (exit 0). */
const StopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Where signals come from: `process`, or an EventEmitter in tests. */
interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/**
 * Resolves with the name of the first SIGINT, SIGTERM or SIGHUP `source` receives.
 *
 * The listeners stay for the life of the process, on purpose: Ctrl+C reaches the whole
 * process group, so the same SIGINT arrives twice (directly, and relayed by tsx), and a user
 * may press it twice; with no listener left, Node would apply the default action and the
 * process would die with 130 (143, 129) while the stack closes, instead of a clean 0.
 * SIGHUP (terminal closed) is a stop like the others; note that a listener also overrides
 * `nohup`: use `setsid` or tmux to keep the stack running without a terminal.
 *
 * @example
 * const signal = await waitForStopSignal(process); // 'SIGTERM'
 */
function waitForStopSignal(source: SignalSource): Promise<string> {
  return new Promise((resolve) => {
    function stop(signal: NodeJS.Signals): void {
      resolve(signal);
    }
    for (const signal of StopSignals) source.on(signal, stop);
  });
}

export type { SignalSource };
export { StopSignals, waitForStopSignal };
