#!/usr/bin/env node
import { quietPinnedSdkNotice } from '@msf-scaler/scaler';
/**
 * `pnpm local`: the local world in the foreground until Ctrl+C; see `runLocal`.
 *
 * This process holds both servers, so it must notice every way a user stops `pnpm local`:
 * - a signal it receives: SIGINT (Ctrl+C reaches the whole process group), SIGTERM and
 *   SIGINT relayed by tsx when tsx is killed, SIGHUP when the terminal goes away;
 * - the death of a process that launched it: `kill <pid of pnpm>` makes pnpm SIGTERM its
 *   `sh -c`, which dies without passing the signal on, so nothing ever reaches tsx or this
 *   process (see launcherWatch.ts for the whole chain). The watch turns that into a stop too.
 * Both are set up here, before the stack starts, so that a stop requested while it starts
 * (or seeds) is kept and honoured as soon as it is up.
 */
import { watchLaunchers } from './launcherWatch';
import { runLocal } from './localProgram';
import { waitForStopSignal } from './stopSignals';

/** How long closing may take before the process gives up and exits 1 (a stuck close must not keep the ports). */
const CLOSE_DEADLINE_MS = 10_000;

quietPinnedSdkNotice(process.env);

const stopRequested: Promise<string> = new Promise((resolve) => {
  const stopWatching = watchLaunchers(resolve);
  waitForStopSignal(process).then((signal) => {
    stopWatching();
    resolve(signal);
  });
});

// Called by runLocal once the stack is up: from the stop on, closing has a deadline.
function waitForStop(): Promise<string> {
  return stopRequested.then((reason) => {
    setTimeout(() => {
      process.stderr.write(`pnpm local: still closing after ${CLOSE_DEADLINE_MS} ms; exiting anyway\n`);
      process.exit(1);
    }, CLOSE_DEADLINE_MS).unref();
    return reason;
  });
}

runLocal(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, waitForStop }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `pnpm local: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
