import { existsSync } from 'node:fs';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import {
  checkScalerFunctionProps,
  SCALER_ENTRY,
  SCALER_HANDLER,
  SCALER_RUNTIME,
  ScalerBundling,
} from '../lib/scaler-function';

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

  it.each([1, 64, 128, 10_000])('accepts maxKPUPerApplication %d', (maxKPUPerApplication) => {
    // Act & Assess
    expect(checkScalerFunctionProps({ maxKPUPerApplication })).toEqual([]);
  });

  it.each([0, 2.5, 10_001, -4])(
    'refuses maxKPUPerApplication %d with the one wording of the rule',
    (maxKPUPerApplication) => {
      // Act & Assess
      expect(checkScalerFunctionProps({ maxKPUPerApplication })).toEqual([
        {
          setting: 'maxKPUPerApplication',
          problem: `must be a whole number from 1 to 10000, got ${JSON.stringify(String(maxKPUPerApplication))}`,
        },
      ]);
    },
  );

  it.each([1, 400, 1_000_000])('accepts maxTotalKPU %d', (maxTotalKPU) => {
    // Act & Assess
    expect(checkScalerFunctionProps({ maxTotalKPU })).toEqual([]);
  });

  it('refuses a maxTotalKPU that is not a whole number in range, next to a bad maxKPUPerApplication', () => {
    // Act & Assess
    expect(checkScalerFunctionProps({ maxKPUPerApplication: 0, maxTotalKPU: 1_000_001 })).toEqual([
      { setting: 'maxKPUPerApplication', problem: 'must be a whole number from 1 to 10000, got "0"' },
      { setting: 'maxTotalKPU', problem: 'must be a whole number from 1 to 1000000, got "1000001"' },
    ]);
  });
});
