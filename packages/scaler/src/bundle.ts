/**
 * How the scaler's Lambda bundle is built with esbuild, written down once: infra's
 * `NodejsFunction` builds the deployed bundle from it, and `pnpm bench:memory` builds the same
 * bundle to measure the handler's memory as it ships.
 *
 * @example
 * await esbuild.build({ entryPoints: [handlerPath], bundle: true, platform: 'node', ...ScalerBundle, outfile });
 */
const ScalerBundle = {
  /** The Lambda runtime's Node version (nodejs22.x). */
  target: 'node22',
  format: 'cjs',
  minify: true,
  /** Mapped to TypeScript at run time with NODE_OPTIONS=--enable-source-maps. */
  sourcemap: true,
  /**
   * Prefer the ESM builds of dependencies: esbuild can tree-shake them (smaller bundle, faster
   * cold start), which the CommonJS builds defeat.
   */
  mainFields: ['module', 'main'],
  /**
   * Nothing left out: the AWS SDK is bundled too, so the function runs the versions pinned in
   * the lockfile and tested here, not the runtime's copy that changes whenever AWS updates it.
   */
  external: [],
} as const;

export { ScalerBundle };
