/**
 * Builds dist/msf-scaler.cjs, the bundle the `msf-scaler` bin runs. The root `prepare` script
 * runs it after every `pnpm install`, and `pnpm pack` runs it (`prepack`) before packing.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { CliBundle } from '../src/bundle';

async function main(): Promise<void> {
  const started = Date.now();
  const result = await build({
    ...CliBundle,
    entryPoints: [...CliBundle.entryPoints],
    mainFields: [...CliBundle.mainFields],
    external: [...CliBundle.external],
    write: false,
  });
  // Each file is written beside its place and renamed over it: a bin started meanwhile (another
  // test, another terminal) runs the old bundle or the new one, never half of one.
  for (const file of result.outputFiles) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents, { mode: file.path.endsWith('.cjs') ? 0o755 : 0o644 });
    renameSync(partial, file.path);
  }
  const bytes = result.outputFiles.find((file) => file.path === CliBundle.outfile)?.contents.length ?? 0;
  process.stderr.write(
    `msf-scaler: built ${path.relative(process.cwd(), CliBundle.outfile)} (${Math.round(bytes / 1024)} KiB) in ${Date.now() - started} ms\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`msf-scaler: build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
