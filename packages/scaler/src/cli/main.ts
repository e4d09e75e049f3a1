#!/usr/bin/env node
import { createScalerClients } from '../adapters/clients';
import { preferSmallHeap } from '../memoryMode';
import { main } from './program';
import { quietPinnedSdkNotice } from './quietSdkNotice';

preferSmallHeap();
quietPinnedSdkNotice(process.env);

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  createClients: () => createScalerClients(),
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
