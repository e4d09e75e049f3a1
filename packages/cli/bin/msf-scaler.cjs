#!/usr/bin/env node
// The file pnpm links as `msf-scaler`. pnpm links bins before the install's `prepare` script
// builds dist/, and skips a bin whose file does not exist yet, so this small file is committed
// and loads the bundle.
try {
  require('../dist/msf-scaler.cjs');
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('msf-scaler.cjs')) throw error;
  process.stderr.write(
    'msf-scaler: the CLI is not built (packages/cli/dist is missing); run `pnpm install` at the repository root, or `pnpm --filter @msf-scaler/cli build`\n',
  );
  process.exitCode = 1;
}
