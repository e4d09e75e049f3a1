#!/usr/bin/env node
import { quietPinnedSdkNotice } from '@msf-scaler/scaler';
/**
 * `pnpm local`: the local world in the foreground until Ctrl+C; see `runLocal`.
 */
import { runLocal } from './localProgram';

quietPinnedSdkNotice(process.env);

function waitForStop(): Promise<string> {
  return new Promise((resolve) => {
    // The listeners stay for the life of the process: Ctrl+C reaches the whole process group,
    // so the same SIGINT can arrive twice (directly, and relayed by tsx or pnpm); a second one
    // while the stack closes must not kill the process with 130 instead of a clean 0.
    function stop(signal: NodeJS.Signals): void {
      resolve(signal);
    }
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
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
