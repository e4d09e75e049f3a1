import { CreateApplicationCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { createTestApplication, expectServiceError, ROLE_ARN, steppingClock, uniqueName } from '../helpers/client';
import { startEmulatorWithClient, useEmulator } from '../helpers/emulator';

const START = new Date('2026-03-01T08:00:00.250Z');

describe('Operation: CreateApplication', () => {
  const msf = useEmulator({
    transitionMs: 0,
    region: 'eu-west-1',
    accountId: '111122223333',
    clock: steppingClock(START),
  });

  it('returns a READY application at version 1 with the defaults of the model', async () => {
    // Prepare
    const name = uniqueName('create-defaults');

    // Act
    const detail = await createTestApplication(msf.client, name, { ApplicationDescription: 'orders job' });

    // Assess
    expect(detail).toEqual({
      ApplicationARN: `arn:aws:kinesisanalytics:eu-west-1:111122223333:application/${name}`,
      ApplicationDescription: 'orders job',
      ApplicationName: name,
      RuntimeEnvironment: 'FLINK-1_20',
      ServiceExecutionRole: ROLE_ARN,
      ApplicationStatus: 'READY',
      ApplicationVersionId: 1,
      CreateTimestamp: expect.any(Date),
      LastUpdateTimestamp: expect.any(Date),
      ApplicationConfigurationDescription: {
        FlinkApplicationConfigurationDescription: {
          CheckpointConfigurationDescription: {
            ConfigurationType: 'DEFAULT',
            CheckpointingEnabled: true,
            CheckpointInterval: 60000,
            MinPauseBetweenCheckpoints: 5000,
          },
          MonitoringConfigurationDescription: {
            ConfigurationType: 'DEFAULT',
            MetricsLevel: 'APPLICATION',
            LogLevel: 'INFO',
          },
          ParallelismConfigurationDescription: {
            ConfigurationType: 'DEFAULT',
            Parallelism: 1,
            ParallelismPerKPU: 1,
            CurrentParallelism: 1,
            AutoScalingEnabled: true,
          },
        },
        ApplicationSnapshotConfigurationDescription: { SnapshotsEnabled: false },
        ApplicationSystemRollbackConfigurationDescription: { RollbackEnabled: false },
      },
      ConditionalToken: expect.stringMatching(/^[a-f0-9]{32}$/),
      ApplicationMode: 'STREAMING',
    });
  });

  it('returns timestamps from the injected clock, with millisecond precision', async () => {
    // Prepare
    const clocked = await startEmulatorWithClient({ transitionMs: 0, clock: () => START });

    // Act
    const detail = await createTestApplication(clocked.client, uniqueName('create-clock'));
    await clocked.stop();

    // Assess
    expect(detail.CreateTimestamp).toEqual(START);
    expect(detail.LastUpdateTimestamp).toEqual(START);
  });

  it('returns the CUSTOM parallelism settings and snapshot flag it was given', async () => {
    // Prepare
    const name = uniqueName('create-custom');

    // Act
    const detail = await createTestApplication(msf.client, name, {
      ApplicationConfiguration: {
        FlinkApplicationConfiguration: {
          ParallelismConfiguration: {
            ConfigurationType: 'CUSTOM',
            Parallelism: 8,
            ParallelismPerKPU: 2,
            AutoScalingEnabled: false,
          },
        },
        ApplicationSnapshotConfiguration: { SnapshotsEnabled: true },
      },
    });

    // Assess
    const configuration = detail.ApplicationConfigurationDescription;
    expect(configuration?.FlinkApplicationConfigurationDescription?.ParallelismConfigurationDescription).toEqual({
      ConfigurationType: 'CUSTOM',
      Parallelism: 8,
      ParallelismPerKPU: 2,
      CurrentParallelism: 8,
      AutoScalingEnabled: false,
    });
    expect(configuration?.ApplicationSnapshotConfigurationDescription).toEqual({ SnapshotsEnabled: true });
  });

  it('returns the default parallelism when ConfigurationType is DEFAULT, whatever values come with it', async () => {
    // Prepare
    const name = uniqueName('create-default-type');

    // Act
    const detail = await createTestApplication(msf.client, name, {
      ApplicationConfiguration: {
        FlinkApplicationConfiguration: {
          ParallelismConfiguration: { ConfigurationType: 'DEFAULT', Parallelism: 12, AutoScalingEnabled: false },
        },
      },
    });

    // Assess
    expect(
      detail.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
        ?.ParallelismConfigurationDescription,
    ).toEqual({
      ConfigurationType: 'DEFAULT',
      Parallelism: 1,
      ParallelismPerKPU: 1,
      CurrentParallelism: 1,
      AutoScalingEnabled: true,
    });
  });

  it('returns ResourceInUseException when the name is taken', async () => {
    // Prepare
    const name = uniqueName('create-twice');
    await createTestApplication(msf.client, name);

    // Act
    const call = createTestApplication(msf.client, name);

    // Assess
    await expectServiceError(call, 'ResourceInUseException', `Application ${name} already exists`);
  });

  it('returns InvalidArgumentException for a runtime that is not FLINK-*', async () => {
    // Act
    const call = createTestApplication(msf.client, uniqueName('create-sql'), { RuntimeEnvironment: 'SQL-1_0' });

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      /^RuntimeEnvironment SQL-1_0 is not supported by the MSF emulator; use one of FLINK-1_6, /,
    );
  });

  it('returns InvalidArgumentException, worded like AWS, for a runtime outside the model enum', async () => {
    // Act
    const call = msf.client.send(
      new CreateApplicationCommand({
        ApplicationName: uniqueName('create-enum'),
        // @ts-expect-error: a value the SDK types refuse, as a hand-written request could send
        RuntimeEnvironment: 'FLINK-9_9',
        ServiceExecutionRole: ROLE_ARN,
      }),
    );

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      "1 validation error detected: Value 'FLINK-9_9' at 'runtimeEnvironment' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [SQL-1_0, FLINK-1_6, FLINK-1_8, ZEPPELIN-FLINK-1_0, FLINK-1_11, ' +
        'FLINK-1_13, ZEPPELIN-FLINK-2_0, FLINK-1_15, ZEPPELIN-FLINK-3_0, FLINK-1_18, FLINK-1_19, FLINK-1_20, FLINK-2_2]',
    );
  });

  it('returns InvalidArgumentException listing every violation: bad name and missing ServiceExecutionRole', async () => {
    // Act
    const call = msf.client.send(
      new CreateApplicationCommand({
        ApplicationName: 'orders job',
        RuntimeEnvironment: 'FLINK-1_20',
        ServiceExecutionRole: undefined,
      }),
    );

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      '2 validation errors detected: ' +
        "Value 'orders job' at 'applicationName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; ' +
        "Value null at 'serviceExecutionRole' failed to satisfy constraint: Member must not be null",
    );
  });

  it('returns InvalidArgumentException with the nested member path for Parallelism 0', async () => {
    // Act
    const call = createTestApplication(msf.client, uniqueName('create-zero'), {
      ApplicationConfiguration: {
        FlinkApplicationConfiguration: { ParallelismConfiguration: { ConfigurationType: 'CUSTOM', Parallelism: 0 } },
      },
    });

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      "1 validation error detected: Value '0' at " +
        "'applicationConfiguration.flinkApplicationConfiguration.parallelismConfiguration.parallelism' " +
        'failed to satisfy constraint: Member must have value greater than or equal to 1',
    );
  });

  it('returns InvalidArgumentException for ParallelismPerKPU above 8', async () => {
    // Act
    const call = createTestApplication(msf.client, uniqueName('create-ppk'), {
      ApplicationConfiguration: {
        FlinkApplicationConfiguration: {
          ParallelismConfiguration: { ConfigurationType: 'CUSTOM', Parallelism: 9, ParallelismPerKPU: 9 },
        },
      },
    });

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      'ParallelismPerKPU 9 is out of range; use a value from 1 to 8',
    );
  });

  it('returns LimitExceededException for more than 64 KPUs', async () => {
    // Act: the SDK retries LimitExceededException as throttling; one attempt keeps the test fast.
    const call = createTestApplication(msf.noRetryClient, uniqueName('create-kpu'), {
      ApplicationConfiguration: {
        FlinkApplicationConfiguration: {
          ParallelismConfiguration: { ConfigurationType: 'CUSTOM', Parallelism: 130, ParallelismPerKPU: 2 },
        },
      },
    });

    // Assess
    const error = await expectServiceError(
      call,
      'LimitExceededException',
      /^Parallelism 130 with ParallelismPerKPU 2 needs 65 KPUs, more than the limit of 64/,
    );
    expect(error.$metadata?.attempts).toBe(1);
  });

  it('returns InvalidArgumentException for INTERACTIVE mode with a Flink runtime', async () => {
    // Act
    const call = createTestApplication(msf.client, uniqueName('create-interactive'), {
      ApplicationMode: 'INTERACTIVE',
    });

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      'ApplicationMode INTERACTIVE needs a ZEPPELIN-FLINK runtime; use STREAMING with FLINK-1_20',
    );
  });

  it('returns InvalidArgumentException for a SQL configuration on a Flink application', async () => {
    // Act
    const call = createTestApplication(msf.client, uniqueName('create-sqlconf'), {
      ApplicationConfiguration: { SqlApplicationConfiguration: { Inputs: [] } },
    });

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      'ApplicationConfiguration.SqlApplicationConfiguration is not valid for RuntimeEnvironment FLINK-1_20; remove it',
    );
  });

  it('returns the application when it carries configuration the emulator does not model', async () => {
    // Prepare
    const name = uniqueName('create-extras');

    // Act
    const detail = await createTestApplication(msf.client, name, {
      ApplicationConfiguration: {
        ApplicationCodeConfiguration: {
          CodeContentType: 'ZIPFILE',
          CodeContent: { S3ContentLocation: { BucketARN: 'arn:aws:s3:::code', FileKey: 'job.jar' } },
        },
        EnvironmentProperties: { PropertyGroups: [{ PropertyGroupId: 'app', PropertyMap: { window: '60' } }] },
      },
      Tags: [{ Key: 'team', Value: 'data' }],
    });

    // Assess
    expect(detail.ApplicationName).toBe(name);
    expect(msf.emulator.getApplication(name)?.ApplicationStatus).toBe('READY');
  });
});
