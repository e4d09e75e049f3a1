import {
  type ApplicationDetail,
  DescribeApplicationCommand,
  type KinesisAnalyticsV2Client,
  UpdateApplicationCommand,
  type UpdateApplicationCommandInput,
} from '@aws-sdk/client-kinesis-analytics-v2';
import type { ScalePlan } from '../core/decide';
import type { AppSnapshot } from '../core/snapshot';
import { ApplicationBusyError, ApplicationNotFoundError, ConcurrentModificationError, MsfCallError } from '../errors';
import { parseRequiredTag } from '../requiredTag';

/** What the run needs from MSF: the port the run is written against (mocked in unit tests). */
interface ApplicationsPort {
  describe(appName: string): Promise<AppSnapshot>;
  /** Sends the update; resolves to MSF's OperationId when it returns one. */
  update(plan: ScalePlan): Promise<string | undefined>;
}

/** Options of {@link createMsfApplications}. */
interface MsfApplicationsOptions {
  /**
   * The `key=value` tag the scaler's IAM policy requires (`SCALER_REQUIRED_TAG`, set by the
   * stack's `requiredTag`); an access denial then names the tag and the command that adds it.
   *
   * @default - no tag is required
   */
  readonly requiredTag?: string;
}

/** An MSF application ARN, as IAM quotes it in an AccessDeniedException message. */
const APPLICATION_ARN = /arn:[a-z-]+:kinesisanalytics:[a-z0-9-]+:\d{12}:application\/[A-Za-z0-9_.-]+/;

/**
 * The command that gives `appName` the tag `key=value`, with the application's ARN taken from
 * `detail` when it quotes one, else looked up by name.
 */
function tagResourceCommand(appName: string, requiredTag: string, detail: string): string {
  const { key, value } = parseRequiredTag(requiredTag) ?? { key: requiredTag, value: '' };
  const arn =
    APPLICATION_ARN.exec(detail)?.[0] ??
    `$(aws kinesisanalyticsv2 describe-application --application-name ${appName} --query ApplicationDetail.ApplicationARN --output text)`;
  return `aws kinesisanalyticsv2 tag-resource --resource-arn ${arn} --tags Key=${key},Value=${value}`;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'UnknownError';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Maps an SDK failure to our error types once, at the boundary, keeping the cause. With
 * `requiredTag`, an AccessDeniedException says the application may lack the tag and how to add it.
 */
function toMsfError(
  error: unknown,
  appName: string,
  operation: string,
  options: MsfApplicationsOptions = {},
): MsfCallError {
  const code = errorName(error);
  const detail = errorMessage(error);
  switch (code) {
    case 'ResourceNotFoundException':
      return new ApplicationNotFoundError(
        appName,
        `${operation}: no MSF application "${appName}" in this account and region (${detail}); fix appName in the row or delete the row`,
        { cause: error },
      );
    case 'ResourceInUseException':
      return new ApplicationBusyError(appName, `${operation}: ${detail}`, { cause: error });
    case 'ConcurrentModificationException':
      return new ConcurrentModificationError(appName, `${operation}: ${detail}`, { cause: error });
    case 'AccessDeniedException':
      if (options.requiredTag !== undefined) {
        return new MsfCallError(
          appName,
          code,
          `${operation} on "${appName}" was denied (${detail}); the scaler may only touch applications tagged ` +
            `${options.requiredTag}, and "${appName}" may lack the tag. Fix: ${tagResourceCommand(appName, options.requiredTag, detail)}`,
          { cause: error },
        );
      }
      return new MsfCallError(
        appName,
        code,
        `${operation} on "${appName}" was denied (${detail}); grant kinesisanalytics:${operation} on this application to the scaler's role`,
        { cause: error },
      );
    default:
      return new MsfCallError(appName, code, `${operation} on "${appName}" failed: ${code}: ${detail}`, {
        cause: error,
      });
  }
}

/**
 * Reads the scaler's view of an application from DescribeApplication's detail.
 * A DEFAULT parallelism configuration means parallelism 1, 1 per KPU, autoscaling on.
 */
function toSnapshot(appName: string, detail: ApplicationDetail | undefined): AppSnapshot {
  const flink = detail?.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription;
  if (detail === undefined || flink === undefined) {
    throw new MsfCallError(
      appName,
      'NotAFlinkApplication',
      `DescribeApplication: "${appName}" has no Flink application configuration; only Apache Flink applications can be scaled`,
    );
  }
  const parallelismConfig = flink.ParallelismConfigurationDescription;
  const configurationType = parallelismConfig?.ConfigurationType === 'CUSTOM' ? 'CUSTOM' : 'DEFAULT';
  return {
    name: detail.ApplicationName ?? appName,
    status: detail.ApplicationStatus ?? 'UNKNOWN',
    versionId: detail.ApplicationVersionId ?? 0,
    conditionalToken: detail.ConditionalToken,
    parallelism: Math.max(1, parallelismConfig?.Parallelism ?? 1),
    parallelismPerKPU: Math.max(1, parallelismConfig?.ParallelismPerKPU ?? 1),
    currentParallelism: parallelismConfig?.CurrentParallelism,
    autoScalingEnabled: parallelismConfig?.AutoScalingEnabled ?? true,
    configurationType,
  };
}

/**
 * The exact UpdateApplication request for a plan: CUSTOM configuration, the new parallelism,
 * the app's own ParallelismPerKPU, the autoscaling choice, and optimistic concurrency with
 * the ConditionalToken when MSF gave one (AWS recommends it), else the version id.
 */
function toUpdateApplicationInput(plan: ScalePlan): UpdateApplicationCommandInput {
  return {
    ApplicationName: plan.appName,
    ...(plan.conditionalToken !== undefined
      ? { ConditionalToken: plan.conditionalToken }
      : { CurrentApplicationVersionId: plan.versionId }),
    ApplicationConfigurationUpdate: {
      FlinkApplicationConfigurationUpdate: {
        ParallelismConfigurationUpdate: {
          ConfigurationTypeUpdate: 'CUSTOM',
          ParallelismUpdate: plan.parallelism,
          ParallelismPerKPUUpdate: plan.parallelismPerKPU,
          AutoScalingEnabledUpdate: plan.autoScalingEnabled,
        },
      },
    },
  };
}

/**
 * The MSF adapter: translates between the SDK and the scaler's types, nothing more.
 *
 * @example
 * const apps = createMsfApplications(new KinesisAnalyticsV2Client({}), { requiredTag: 'msf-scaler=managed' });
 * const snapshot = await apps.describe('orders-enricher');
 */
function createMsfApplications(
  client: KinesisAnalyticsV2Client,
  options: MsfApplicationsOptions = {},
): ApplicationsPort {
  return {
    async describe(appName) {
      try {
        const output = await client.send(new DescribeApplicationCommand({ ApplicationName: appName }));
        return toSnapshot(appName, output.ApplicationDetail);
      } catch (error) {
        throw error instanceof MsfCallError ? error : toMsfError(error, appName, 'DescribeApplication', options);
      }
    },
    async update(plan) {
      try {
        const output = await client.send(new UpdateApplicationCommand(toUpdateApplicationInput(plan)));
        return output.OperationId;
      } catch (error) {
        throw toMsfError(error, plan.appName, 'UpdateApplication', options);
      }
    },
  };
}

export type { ApplicationsPort, MsfApplicationsOptions };
export { createMsfApplications, toMsfError, toSnapshot, toUpdateApplicationInput };
