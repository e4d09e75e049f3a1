import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { ROLE_ARN, TEST_REGION, TestCredentials } from '../helpers/client';
import { useEmulator } from '../helpers/emulator';

const run = promisify(execFile);

/** The AWS CLI is optional on developer machines; without it these tests are skipped. */
const hasAws = spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0;

const CLI_ENV = {
  ...process.env,
  AWS_ACCESS_KEY_ID: TestCredentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TestCredentials.secretAccessKey,
  AWS_DEFAULT_REGION: TEST_REGION,
  AWS_PAGER: '',
};

describe('Client: aws CLI (skipped when `aws` is not installed)', () => {
  const msf = useEmulator({ transitionMs: 0 });

  async function aws(...args: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await run(
      'aws',
      ['kinesisanalyticsv2', ...args, '--endpoint-url', msf.emulator.url, '--output', 'json'],
      {
        env: CLI_ENV,
      },
    );
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  (hasAws ? it : it.skip)('returns the created application from aws kinesisanalyticsv2 list-applications', async () => {
    // Prepare
    await aws(
      'create-application',
      '--application-name',
      'cli-app',
      '--runtime-environment',
      'FLINK-1_20',
      '--service-execution-role',
      ROLE_ARN,
    );

    // Act
    const output = await aws('list-applications');

    // Assess
    expect(output).toEqual({
      ApplicationSummaries: [
        {
          ApplicationName: 'cli-app',
          ApplicationARN: 'arn:aws:kinesisanalytics:us-east-1:123456789012:application/cli-app',
          ApplicationStatus: 'READY',
          ApplicationVersionId: 1,
          RuntimeEnvironment: 'FLINK-1_20',
          ApplicationMode: 'STREAMING',
        },
      ],
    });
  });

  (hasAws ? it : it.skip)(
    'reports a failed update and its system rollback through aws kinesisanalyticsv2 list/describe-application-operation(s)',
    async () => {
      // Prepare
      await aws(
        'create-application',
        '--application-name',
        'cli-rollback-app',
        '--runtime-environment',
        'FLINK-1_20',
        '--service-execution-role',
        ROLE_ARN,
        '--application-configuration',
        JSON.stringify({ ApplicationSystemRollbackConfiguration: { RollbackEnabled: true } }),
      );
      await aws('start-application', '--application-name', 'cli-rollback-app');
      msf.emulator.failNextUpdate('cli-rollback-app', { errorString: 'Parallelism exceeds maxParallelism' });
      const update = await aws(
        'update-application',
        '--application-name',
        'cli-rollback-app',
        '--current-application-version-id',
        '1',
        '--application-configuration-update',
        JSON.stringify({
          FlinkApplicationConfigurationUpdate: {
            ParallelismConfigurationUpdate: { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 4 },
          },
        }),
      );

      // Act
      const listed = await aws('list-application-operations', '--application-name', 'cli-rollback-app');
      const described = await aws(
        'describe-application-operation',
        '--application-name',
        'cli-rollback-app',
        '--operation-id',
        String(update.OperationId),
      );

      // Assess
      const operations = listed.ApplicationOperationInfoList as Array<Record<string, unknown>>;
      expect(operations.map((operation) => [operation.Operation, operation.OperationStatus])).toEqual([
        ['RollbackApplication', 'SUCCESSFUL'],
        ['UpdateApplication', 'FAILED'],
        ['StartApplication', 'SUCCESSFUL'],
      ]);
      expect(described.ApplicationOperationInfoDetails).toMatchObject({
        Operation: 'UpdateApplication',
        OperationStatus: 'FAILED',
        OperationFailureDetails: {
          RollbackOperationId: operations[0]?.OperationId,
          ErrorInfo: { ErrorString: 'Parallelism exceeds maxParallelism' },
        },
      });
    },
  );

  (hasAws ? it : it.skip)('returns the AWS error name and message on stderr with a failing exit code', async () => {
    // Act
    const failure = await run(
      'aws',
      [
        'kinesisanalyticsv2',
        'describe-application',
        '--application-name',
        'missing-app',
        '--endpoint-url',
        msf.emulator.url,
      ],
      { env: CLI_ENV },
    ).then(
      () => undefined,
      (err: unknown) => err as { code?: number; stderr?: string },
    );

    // Assess
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toContain(
      'An error occurred (ResourceNotFoundException) when calling the DescribeApplication operation: ' +
        'Application missing-app not found',
    );
  });
});
