import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readScalerConfig, type ScalerConfig } from '../lib/config';
import { ScalerConfigError } from '../lib/errors';
import { ScalerStack } from '../lib/scaler-stack';

/** The validated context; on a configuration error, prints what to fix and exits 1 (no stack trace). */
function readConfigOrExit(app: App): ScalerConfig {
  try {
    return readScalerConfig(app.node.getAllContext());
  } catch (error) {
    if (!(error instanceof ScalerConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

// Context is read once, here; everything below gets typed props.
const app = new App();
const config = readConfigOrExit(app);

// Any unacknowledged AwsSolutions finding, warnings included, fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

new ScalerStack(app, 'MsfScheduledScaler', {
  description:
    'MSF scheduled scaler: one Lambda scales many Managed Service for Apache Flink applications on a schedule.',
  ...config,
});
