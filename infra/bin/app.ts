import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describeProblems, ScalerConfigError } from '../lib/errors';
import { ScalerStack } from '../lib/scaler-stack';
import { describeContextProblem, readScalerContext } from './context';

const DESCRIPTION =
  'MSF scheduled scaler: one Lambda scales many Managed Service for Apache Flink applications on a schedule.';

/**
 * The stack, from the context: read once, here; everything below gets typed props and checks
 * them. On a configuration error, prints every problem with its fix and exits 1 (no stack trace).
 */
function createStackOrExit(app: App): ScalerStack {
  try {
    return new ScalerStack(app, 'MsfScheduledScaler', {
      description: DESCRIPTION,
      ...readScalerContext(app.node.getAllContext()),
    });
  } catch (error) {
    if (!(error instanceof ScalerConfigError)) throw error;
    console.error(describeProblems(error.problems, describeContextProblem));
    process.exit(1);
  }
}

const app = new App();
// Any unacknowledged AwsSolutions finding, warnings included, fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
createStackOrExit(app);
