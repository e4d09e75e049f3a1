#!/usr/bin/env node
import { createScalerClients, preferSmallHeap, quietPinnedSdkNotice } from '@msf-scaler/scaler';
import { CommandName } from './help';
import { main } from './program';
import { withRegionHints } from './regionHint';

// A run is a burst of short-lived garbage, for which a small heap keeps 10,000 rows near 120 MB.
// validate holds every row's report instead: with the flag, V8 collected 100,000 rows for 5 s
// instead of 3 s, so it is set for the commands that run the scaler only.
const command = process.argv[2];
if (command === CommandName.RUN || command === CommandName.PLAN) preferSmallHeap();
quietPinnedSdkNotice(process.env);

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  createClients: () => withRegionHints(createScalerClients()),
  now: () => new Date(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `msf-scaler: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
