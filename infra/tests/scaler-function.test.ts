import { existsSync } from 'node:fs';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SCALER_ENTRY, SCALER_HANDLER, SCALER_RUNTIME, ScalerBundling } from '../lib/scaler-function';

// Its resources are checked in the stack's template, scaler-stack.test.ts; the bundle is
// built in bundle.test.ts.
describe('Construct: ScalerFunction', () => {
  it('bundles minified CommonJS for node22 with source maps, the AWS SDK included, never in Docker', () => {
    // Prepare
    // Act
    const options = ScalerBundling;

    // Assess
    expect(options).toStrictEqual({
      forceDockerBundling: false,
      minify: true,
      sourceMap: true,
      target: 'node22',
      format: OutputFormat.CJS,
      mainFields: ['module', 'main'],
      externalModules: [],
    });
    expect(SCALER_RUNTIME.name).toBe(`nodejs${options.target?.replace('node', '')}.x`);
  });

  it('points at the scaler handler in the workspace', () => {
    // Prepare
    // Act
    const exists = existsSync(SCALER_ENTRY);

    // Assess
    expect(SCALER_ENTRY.endsWith('packages/scaler/src/handler.ts')).toBe(true);
    expect(exists).toBe(true);
    expect(SCALER_HANDLER).toBe('handler');
  });
});
