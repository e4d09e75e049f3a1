import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

// The BundlingOptions keys this mapping knows. A new key in ScalerBundling must be
// mapped here too, or the bundle test would measure a different bundle than the one deployed.
const MAPPED_KEYS: ReadonlySet<string> = new Set([
  'forceDockerBundling',
  'minify',
  'sourceMap',
  'target',
  'format',
  'mainFields',
  'externalModules',
]);

/**
 * The esbuild JS API options that build what `NodejsFunction` builds with `options`: it runs
 * `esbuild --bundle --platform=node --target=... --format=... --outfile=... [--minify]
 * [--sourcemap] [--main-fields=...] [--external:...]` on the entry.
 *
 * @throws Error naming any `options` key not mapped yet.
 */
function toEsbuildOptions(options: BundlingOptions, entry: string, outfile: string): BuildOptions {
  const unmapped = Object.keys(options).filter((key) => !MAPPED_KEYS.has(key));
  if (unmapped.length > 0) {
    throw new Error(
      `ScalerBundling has settings the bundle test does not map to esbuild: ${unmapped.join(', ')}. ` +
        'Map them in infra/tests/helpers/esbuild.ts.',
    );
  }
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    ...(options.target === undefined ? {} : { target: options.target }),
    format: options.format === OutputFormat.ESM ? 'esm' : 'cjs',
    ...(options.minify === undefined ? {} : { minify: options.minify }),
    ...(options.sourceMap === undefined ? {} : { sourcemap: options.sourceMap }),
    ...(options.mainFields === undefined ? {} : { mainFields: options.mainFields }),
    ...(options.externalModules === undefined ? {} : { external: options.externalModules }),
    logLevel: 'warning',
  };
}

export { toEsbuildOptions };
