import {
  type ApplicationDetail,
  type ApplicationStatus,
  CreateApplicationCommand,
  type CreateApplicationCommandInput,
  DescribeApplicationCommand,
  KinesisAnalyticsV2Client,
  StartApplicationCommand,
  UpdateApplicationCommand,
  type UpdateApplicationCommandOutput,
} from '@aws-sdk/client-kinesis-analytics-v2';
import type { MsfEmulator } from '../../src';

/** Credentials the emulator ignores but the SDK needs to sign requests. */
const TestCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

const TEST_REGION = 'us-east-1';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/msf-emulator-test';

/**
 * The real SDK client pointed at `emulator`. Pass `maxAttempts: 1` when a test expects a
 * retryable error, so SDK retries do not hide it.
 */
function createClient(
  emulator: Pick<MsfEmulator, 'url'>,
  options: { readonly maxAttempts?: number } = {},
): KinesisAnalyticsV2Client {
  return new KinesisAnalyticsV2Client({
    endpoint: emulator.url,
    region: TEST_REGION,
    credentials: TestCredentials,
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  });
}

let nameCounter = 0;

/** A name no other test in the run uses: `<prefix>-<n>`. */
function uniqueName(prefix: string): string {
  nameCounter += 1;
  return `${prefix}-${nameCounter}`;
}

/** Creates a FLINK-1_20 application (READY) and returns its detail. */
async function createTestApplication(
  client: KinesisAnalyticsV2Client,
  name: string,
  overrides: Partial<CreateApplicationCommandInput> = {},
): Promise<ApplicationDetail> {
  const output = await client.send(
    new CreateApplicationCommand({
      ApplicationName: name,
      RuntimeEnvironment: 'FLINK-1_20',
      ServiceExecutionRole: ROLE_ARN,
      ...overrides,
    }),
  );
  if (output.ApplicationDetail === undefined) {
    throw new Error(`CreateApplication ${name} returned no ApplicationDetail`);
  }
  return output.ApplicationDetail;
}

/** DescribeApplication's ApplicationDetail. */
async function describeApp(client: KinesisAnalyticsV2Client, name: string): Promise<ApplicationDetail> {
  const output = await client.send(new DescribeApplicationCommand({ ApplicationName: name }));
  if (output.ApplicationDetail === undefined) {
    throw new Error(`DescribeApplication ${name} returned no ApplicationDetail`);
  }
  return output.ApplicationDetail;
}

/**
 * Polls DescribeApplication until the application reaches `status`; fails after `attempts`
 * polls. The pause between polls only paces the loop: nothing asserts on elapsed time.
 */
async function waitForStatus(
  client: KinesisAnalyticsV2Client,
  name: string,
  status: ApplicationStatus,
  { attempts = 400, pauseMs = 5 }: { readonly attempts?: number; readonly pauseMs?: number } = {},
): Promise<ApplicationDetail> {
  let last: ApplicationStatus | undefined;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const detail = await describeApp(client, name);
    if (detail.ApplicationStatus === status) {
      return detail;
    }
    last = detail.ApplicationStatus;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  throw new Error(`${name} did not reach ${status} after ${attempts} polls; last status ${String(last)}`);
}

/**
 * Polls DescribeApplication until it fails (ResourceNotFoundException once a deletion
 * completes) and returns that error; fails after `attempts` polls.
 */
async function waitForDeletion(
  client: KinesisAnalyticsV2Client,
  name: string,
  { attempts = 400, pauseMs = 5 }: { readonly attempts?: number; readonly pauseMs?: number } = {},
): Promise<SdkError> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      await describeApp(client, name);
    } catch (err) {
      if (err instanceof Error) {
        return err;
      }
      throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  throw new Error(`${name} still exists after ${attempts} polls`);
}

/**
 * Creates and starts an application and waits until it is RUNNING (immediate with
 * transitionMs 0).
 */
async function createRunningApplication(
  client: KinesisAnalyticsV2Client,
  name: string,
  overrides: Partial<CreateApplicationCommandInput> = {},
): Promise<ApplicationDetail> {
  await createTestApplication(client, name, overrides);
  await client.send(new StartApplicationCommand({ ApplicationName: name }));
  return waitForStatus(client, name, 'RUNNING');
}

/** An SDK error as the tests inspect it. */
type SdkError = Error & {
  readonly $fault?: 'client' | 'server';
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
};

/** The error `promise` rejects with; throws if it resolves. */
async function catchError(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Error) {
      return err;
    }
    throw new Error(`Expected an Error, got ${String(err)}`);
  }
  throw new Error('Expected the call to fail, but it succeeded');
}

/**
 * Asserts that `promise` rejects with an error named `name` whose message is `message` exactly
 * (a string) or matches it (a RegExp); returns the error for further assertions.
 *
 * @example
 * await expectServiceError(client.send(command), 'ResourceNotFoundException', 'Application x not found');
 */
async function expectServiceError(
  promise: Promise<unknown>,
  name: string,
  message: string | RegExp,
): Promise<SdkError> {
  const error = await catchError(promise);
  expect(error.name).toBe(name);
  if (typeof message === 'string') {
    expect(error.message).toBe(message);
  } else {
    expect(error.message).toMatch(message);
  }
  return error;
}

/**
 * A deterministic `random` for fault injection: returns `values` in order, then 1 (never below
 * a rate, so no fault) once they run out.
 */
function scriptedRandom(values: readonly number[]): () => number {
  let index = 0;
  return () => {
    const value = values[index];
    index += 1;
    return value ?? 1;
  };
}

/** A clock that returns `start`, then advances by `stepMs` on every call. */
function steppingClock(start: Date, stepMs = 1000): () => Date {
  let next = start.getTime();
  return () => {
    const now = new Date(next);
    next += stepMs;
    return now;
  };
}

/** CreateApplication members for a CUSTOM parallelism of `parallelism`, system rollback as given (else the default). */
function parallelismConfiguration(
  parallelism: number,
  rollbackEnabled?: boolean,
): Partial<CreateApplicationCommandInput> {
  return {
    ApplicationConfiguration: {
      FlinkApplicationConfiguration: {
        ParallelismConfiguration: { ConfigurationType: 'CUSTOM', Parallelism: parallelism, AutoScalingEnabled: false },
      },
      ...(rollbackEnabled === undefined
        ? {}
        : { ApplicationSystemRollbackConfiguration: { RollbackEnabled: rollbackEnabled } }),
    },
  };
}

/** UpdateApplication of `name` to `parallelism`, at its current ConditionalToken. */
async function updateParallelism(
  client: KinesisAnalyticsV2Client,
  name: string,
  parallelism: number,
): Promise<UpdateApplicationCommandOutput> {
  const current = await describeApp(client, name);
  return client.send(
    new UpdateApplicationCommand({
      ApplicationName: name,
      ConditionalToken: current.ConditionalToken,
      ApplicationConfigurationUpdate: {
        FlinkApplicationConfigurationUpdate: {
          ParallelismConfigurationUpdate: { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: parallelism },
        },
      },
    }),
  );
}

export type { SdkError };
export {
  catchError,
  createClient,
  createRunningApplication,
  createTestApplication,
  describeApp,
  expectServiceError,
  parallelismConfiguration,
  ROLE_ARN,
  scriptedRandom,
  steppingClock,
  TEST_REGION,
  TestCredentials,
  uniqueName,
  updateParallelism,
  waitForDeletion,
  waitForStatus,
};
