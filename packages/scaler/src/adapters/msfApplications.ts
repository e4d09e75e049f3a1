import {
  type ApplicationDetail,
  type ApplicationOperationInfo,
  type ApplicationOperationInfoDetails,
  DescribeApplicationCommand,
  DescribeApplicationOperationCommand,
  DescribeApplicationVersionCommand,
  type KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  UpdateApplicationCommand,
  type UpdateApplicationCommandInput,
} from '@aws-sdk/client-kinesis-analytics-v2';
import type { ScalePlan } from '../core/decide';
import type { OperationRecord, ScalingAttempt } from '../core/operationHistory';
import type { AppSnapshot } from '../core/snapshot';
import { ApplicationBusyError, ApplicationNotFoundError, ConcurrentModificationError, MsfCallError } from '../errors';
import { parseRequiredTag } from '../requiredTag';
import { errorMessage, errorName } from './calls';

/**
 * Every MSF API operation this adapter calls, sorted: the scaler role's IAM policy allows exactly
 * these (as `kinesisanalytics:<name>`), and an integration test checks a run calls no other.
 */
const MSF_OPERATIONS = [
  'DescribeApplication',
  'DescribeApplicationOperation',
  'DescribeApplicationVersion',
  'ListApplicationOperations',
  'UpdateApplication',
] as const;

/** What the run needs from MSF: the port the run is written against (mocked in unit tests). */
interface ApplicationsPort {
  describe(appName: string): Promise<AppSnapshot>;
  /** Sends the update; resolves to MSF's OperationId when it returns one. */
  update(plan: ScalePlan): Promise<string | undefined>;
  /**
   * The application's most recent operations, newest first: one ListApplicationOperations call
   * (at most `limit`, only `operation` ones when given).
   */
  operations(appName: string, query: OperationsQuery): Promise<OperationRecord[]>;
  /**
   * An UpdateApplication operation with its failure details and the parallelism it set out to
   * reach: DescribeApplicationOperation, then DescribeApplicationVersion of the version it created.
   */
  scalingAttempt(appName: string, operation: OperationRecord): Promise<ScalingAttempt>;
}

/** What {@link ApplicationsPort.operations} lists. */
interface OperationsQuery {
  /** Only operations of this name, e.g. `UpdateApplication`. @default every operation */
  readonly operation?: string;
  /** Most operations returned (1-50). */
  readonly limit: number;
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

/** Our record of an `ApplicationOperationInfo`; entries without an id or start time are of no use and dropped. */
function toOperationRecord(info: ApplicationOperationInfo): OperationRecord | undefined {
  if (info.OperationId === undefined || info.StartTime === undefined) return undefined;
  return {
    operation: info.Operation ?? 'UNKNOWN',
    operationId: info.OperationId,
    status: info.OperationStatus ?? 'UNKNOWN',
    startTime: info.StartTime,
    ...(info.EndTime === undefined ? {} : { endTime: info.EndTime }),
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
    async operations(appName, query) {
      try {
        const output = await client.send(
          new ListApplicationOperationsCommand({
            ApplicationName: appName,
            Limit: query.limit,
            ...(query.operation === undefined ? {} : { Operation: query.operation }),
          }),
        );
        return (output.ApplicationOperationInfoList ?? []).flatMap((info) => toOperationRecord(info) ?? []);
      } catch (error) {
        throw toMsfError(error, appName, 'ListApplicationOperations', options);
      }
    },
    async scalingAttempt(appName, operation) {
      let details: ApplicationOperationInfoDetails | undefined;
      try {
        const output = await client.send(
          new DescribeApplicationOperationCommand({ ApplicationName: appName, OperationId: operation.operationId }),
        );
        details = output.ApplicationOperationInfoDetails;
      } catch (error) {
        throw toMsfError(error, appName, 'DescribeApplicationOperation', options);
      }
      const failure = details?.OperationFailureDetails;
      const versionTo = details?.ApplicationVersionChangeDetails?.ApplicationVersionUpdatedTo;
      const parallelism = versionTo === undefined ? undefined : await attemptedParallelism(appName, versionTo);
      return {
        ...operation,
        ...(parallelism === undefined ? {} : { parallelism }),
        ...(failure?.ErrorInfo?.ErrorString === undefined ? {} : { errorString: failure.ErrorInfo.ErrorString }),
        ...(failure?.RollbackOperationId === undefined ? {} : { rollbackOperationId: failure.RollbackOperationId }),
      };
    },
  };

  /** The configured parallelism of version `versionId`; undefined when MSF no longer has that version. */
  async function attemptedParallelism(appName: string, versionId: number): Promise<number | undefined> {
    try {
      const output = await client.send(
        new DescribeApplicationVersionCommand({ ApplicationName: appName, ApplicationVersionId: versionId }),
      );
      const flink =
        output.ApplicationVersionDetail?.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription;
      return flink?.ParallelismConfigurationDescription?.Parallelism;
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return undefined;
      throw toMsfError(error, appName, 'DescribeApplicationVersion', options);
    }
  }
}

export type { ApplicationsPort, MsfApplicationsOptions, OperationsQuery };
export { createMsfApplications, MSF_OPERATIONS, toMsfError, toSnapshot, toUpdateApplicationInput };
