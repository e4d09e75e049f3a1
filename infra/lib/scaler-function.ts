import * as path from 'node:path';
import { describeWholeNumberProblem } from '@msf-scaler/commons';
import { Defaults, EnvVar, ScalerBundle } from '@msf-scaler/scaler';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, SERVICE_NAME } from './constants';
import { type ConfigProblem, throwOnProblems } from './errors';
import type { HistoryTableRef } from './history-table';
import { ScalerPermissionsPolicy } from './iam/scaler-permissions-policy';
import type { ScheduleTableRef } from './schedule-table';

/** The workspace root: bundling runs there, with its `pnpm-lock.yaml`. */
const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The Lambda entry point: the scaler's `./handler` export, `packages/scaler/src/handler.ts`. */
const SCALER_ENTRY = require.resolve('@msf-scaler/scaler/handler');

/** The name of the handler function that {@link SCALER_ENTRY} exports. */
const SCALER_HANDLER = 'handler' satisfies keyof typeof import('@msf-scaler/scaler/handler');

/** Lambda runtime of the scaler; {@link ScalerBundling} targets the same Node version. */
const SCALER_RUNTIME = Runtime.NODEJS_22_X;

/**
 * Lambda timeout of the scaler (`Defaults.LAMBDA_TIMEOUT_SECONDS`, 5 minutes, owned by the
 * scaler, whose handler keeps its deadline margin from it); the dashboard draws it on the
 * duration graph. Measured with `pnpm bench`: 1,000 applications at 100 ms per MSF call take
 * about 8 s, so the timeout leaves room for tens of thousands of rows, for retries with backoff
 * under throttling, and stays far below the hourly period: a run always ends before the next.
 */
const SCALER_TIMEOUT: Duration = Duration.seconds(Defaults.LAMBDA_TIMEOUT_SECONDS);

/**
 * Lambda memory of the scaler, in MB; memory also buys CPU (Lambda allots CPU in proportion).
 * Sized from `pnpm bench:memory`: one run over 10,000 rows (half of them malformed, some
 * carrying 20 KB values) peaks at about 137 MB of RSS in the bundled handler, so 512 MB keeps
 * more than 3x headroom for larger tables, and about a third of a vCPU keeps such a run well
 * inside the timeout. 24 runs a day cost next to nothing.
 */
const SCALER_MEMORY_MB = 512;

/**
 * The CDK bundling options of the scaler, made from the scaler's `ScalerBundle` (where the
 * esbuild settings are written down once). The stack passes them to `NodejsFunction` and
 * `infra/tests/bundle.test.ts` builds the real bundle with exactly these settings, so the size
 * it prints is the size that ships.
 *
 * @example
 * ```ts
 * new NodejsFunction(this, 'Function', { entry: SCALER_ENTRY, bundling: ScalerBundling });
 * ```
 */
const ScalerBundling: BundlingOptions = {
  // Local esbuild from the workspace root (run through `pnpm exec`); never Docker.
  forceDockerBundling: false,
  // The rest is the scaler's own `ScalerBundle`, which `pnpm bench:memory` builds from too.
  minify: ScalerBundle.minify,
  // Needs NODE_OPTIONS=--enable-source-maps (set below) to map stack traces to TypeScript.
  sourceMap: ScalerBundle.sourcemap,
  target: ScalerBundle.target,
  format: ScalerBundle.format === 'cjs' ? OutputFormat.CJS : OutputFormat.ESM,
  mainFields: [...ScalerBundle.mainFields],
  externalModules: [...ScalerBundle.external],
};

/** Props of {@link ScalerFunction}. */
interface ScalerFunctionProps {
  /** The schedule table; the function gets its name in `EnvVar.TABLE` and may scan it. */
  readonly table: ScheduleTableRef;
  /** The history table; the function gets its name in `EnvVar.HISTORY_TABLE` and may write to it (nothing else). */
  readonly historyTable: HistoryTableRef;
  /**
   * Restricts the MSF applications the function may touch to names starting with this.
   *
   * @default - every application in the account and region
   */
  readonly appNamePrefix?: string;
  /**
   * Most KPU a schedule row may ask for (`SCALER_MAX_KPU_PER_APPLICATION`); rows above it are
   * invalid, so a typo cannot multiply the bill. Raise it together with the MSF quota.
   *
   * @default 64 - MSF's default quota per application
   */
  readonly maxKPUPerApplication?: number;
  /**
   * Most KPU the table's running applications may hold together (`SCALER_MAX_TOTAL_KPU`):
   * scale-ups that would cross it are refused with a reason, scale-downs always go through.
   *
   * @default - no limit
   */
  readonly maxTotalKPU?: number;
  /**
   * `key=value`: the function may describe and update only applications carrying this tag,
   * and gets it in `EnvVar.REQUIRED_TAG` to name it in its errors. Checked by
   * {@link ScalerPermissionsPolicy}.
   *
   * @default - no tag condition
   */
  readonly requiredTag?: string;
}

/**
 * The problems of the props {@link ScalerFunction} validates: `maxKPUPerApplication` and
 * `maxTotalKPU` are whole numbers from 1 to the scaler's highest accepted limits.
 */
function checkScalerFunctionProps(
  props: Pick<ScalerFunctionProps, 'maxKPUPerApplication' | 'maxTotalKPU'>,
): readonly ConfigProblem[] {
  const limits = [
    ['maxKPUPerApplication', props.maxKPUPerApplication, Defaults.MAX_KPU_LIMIT],
    ['maxTotalKPU', props.maxTotalKPU, Defaults.MAX_TOTAL_KPU_LIMIT],
  ] as const;
  return limits.flatMap(([setting, value, max]) => {
    const problem = value === undefined ? undefined : describeWholeNumberProblem(String(value), 1, max);
    return problem === undefined ? [] : [{ setting, problem }];
  });
}

/**
 * The scaler Lambda: Node.js 22 on ARM, bundled locally with esbuild, with its own role,
 * least-privilege policy ({@link ScalerPermissionsPolicy}) and log group (3 months).
 *
 * @example
 * ```ts
 * const scaler = new ScalerFunction(this, 'ScalerFunction', { table, historyTable, appNamePrefix: 'orders-' });
 * scaler.lambdaFunction.functionName;
 * ```
 */
class ScalerFunction extends Construct {
  public readonly lambdaFunction: NodejsFunction;
  public readonly role: Role;
  public readonly logGroup: LogGroup;

  public constructor(scope: Construct, id: string, props: ScalerFunctionProps) {
    super(scope, id);
    throwOnProblems(checkScalerFunctionProps(props));

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: RetentionDays.THREE_MONTHS,
      // Only the schedule table outlives the stack; logs expire with their retention anyway.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // An explicit role, so CDK does not attach the AWS-managed AWSLambdaBasicExecutionRole
    // (logs:* on every log group).
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description:
        'MSF scheduled scaler: scan the schedule table, describe and update MSF applications, record its runs in the history table, publish its events.',
    });
    const permissions = new ScalerPermissionsPolicy(this, 'Permissions', {
      table: props.table,
      historyTable: props.historyTable,
      logGroup: this.logGroup,
      ...(props.appNamePrefix === undefined ? {} : { appNamePrefix: props.appNamePrefix }),
      ...(props.requiredTag === undefined ? {} : { requiredTag: props.requiredTag }),
    });
    permissions.attachToRole(this.role);

    this.lambdaFunction = new NodejsFunction(this, 'Function', {
      description: 'Scales MSF applications to the parallelism their schedule row asks for.',
      entry: SCALER_ENTRY,
      handler: SCALER_HANDLER,
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'pnpm-lock.yaml'),
      runtime: SCALER_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: SCALER_MEMORY_MB,
      timeout: SCALER_TIMEOUT,
      // One run at a time: two overlapping runs would race on the same applications.
      reservedConcurrentExecutions: 1,
      // Retries of failed runs and where they end up: ScalerTrigger configures both, with the
      // dead-letter queue it owns.
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        [EnvVar.TABLE]: props.table.tableName,
        [EnvVar.HISTORY_TABLE]: props.historyTable.tableName,
        // One EventBridge event per scaled or failed row, on the default bus (the role may put
        // only those there).
        [EnvVar.EVENTS]: 'on',
        ...(props.maxKPUPerApplication === undefined
          ? {}
          : { [EnvVar.MAX_KPU_PER_APPLICATION]: String(props.maxKPUPerApplication) }),
        ...(props.maxTotalKPU === undefined ? {} : { [EnvVar.MAX_TOTAL_KPU]: String(props.maxTotalKPU) }),
        ...(props.requiredTag === undefined ? {} : { [EnvVar.REQUIRED_TAG]: props.requiredTag }),
        [EnvVar.SERVICE_NAME]: SERVICE_NAME,
        [EnvVar.METRICS_NAMESPACE]: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: ScalerBundling,
    });
    // The first scheduled run must not find the role without its permissions.
    this.lambdaFunction.node.addDependency(permissions);
    Validations.of(this.lambdaFunction).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is a supported LTS runtime (AWS deprecation date 2027-04-30), chosen on purpose: the ' +
        'bundle targets node22 and the pinned SDK and Powertools versions were checked on it. Moving to ' +
        'nodejs24.x is a deliberate change of SCALER_RUNTIME and the esbuild target together.',
    });
  }
}

export type { ScalerFunctionProps };
export {
  checkScalerFunctionProps,
  REPO_ROOT,
  SCALER_ENTRY,
  SCALER_HANDLER,
  SCALER_MEMORY_MB,
  SCALER_RUNTIME,
  SCALER_TIMEOUT,
  ScalerBundling,
  ScalerFunction,
};
