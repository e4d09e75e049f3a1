import path from 'node:path';

/** The package's root folder: `src/` and `dist/` both sit one level below it. */
const PACKAGE_ROOT = path.resolve(__dirname, '..');

/**
 * How the `msf-scaler` bundle is built with esbuild, written down once: the install's build
 * (`scripts/build.ts`) and the tests that check the bundle use it.
 *
 * @example
 * await esbuild.build({ ...CliBundle, mainFields: [...CliBundle.mainFields], external: [...CliBundle.external] });
 */
const CliBundle = {
  entryPoints: [path.join(PACKAGE_ROOT, 'src', 'main.ts')],
  outfile: path.join(PACKAGE_ROOT, 'dist', 'msf-scaler.cjs'),
  bundle: true,
  platform: 'node',
  /** The oldest Node the root package.json's `engines` accepts. */
  target: 'node20',
  format: 'cjs',
  /** Fewer bytes to read and parse at every start. */
  minify: true,
  /** A separate file, read only with NODE_OPTIONS=--enable-source-maps: reading it at every start would cost time. */
  sourcemap: 'linked',
  /** File and line numbers only: the sources themselves would triple the packed tarball. */
  sourcesContent: false,
  /**
   * Prefer the ESM builds of dependencies: esbuild can tree-shake them (a smaller bundle that
   * starts faster), which the CommonJS builds defeat.
   */
  mainFields: ['module', 'main'],
  /**
   * Nothing left out: the workspace packages are TypeScript sources that exist nowhere else, and
   * bundling commander and the AWS SDK too makes the packed tarball run with no dependency.
   */
  external: [],
  logLevel: 'warning',
} as const;

export { CliBundle, PACKAGE_ROOT };
