#!/usr/bin/env node
import { quietPinnedSdkNotice } from '@msf-scaler/scaler';
/**
 * `pnpm start`: the embedded demo. No flags, no AWS account; see `runDemo`.
 */
import { runDemo } from '../demo/runDemo';

quietPinnedSdkNotice(process.env);

runDemo({ stdout: process.stdout, env: process.env }).then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    process.stderr.write(
      `pnpm start: the demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
