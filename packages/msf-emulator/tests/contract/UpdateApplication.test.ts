import {
  type ApplicationDetail,
  type ParallelismConfigurationUpdate,
  UpdateApplicationCommand,
  type UpdateApplicationCommandInput,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { ApplicationStatus } from '../../src';
import {
  catchError,
  createRunningApplication,
  createTestApplication,
  describeApp,
  expectServiceError,
  uniqueName,
  waitForStatus,
} from '../helpers/client';
import { useEmulator } from '../helpers/emulator';

function parallelismOf(detail: ApplicationDetail | undefined) {
  return detail?.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
    ?.ParallelismConfigurationDescription;
}

function parallelismUpdate(
  detail: Partial<Pick<ApplicationDetail, 'ApplicationName' | 'ConditionalToken'>>,
  update: ParallelismConfigurationUpdate,
  extra: Partial<UpdateApplicationCommandInput> = {},
): UpdateApplicationCommand {
  return new UpdateApplicationCommand({
    ApplicationName: detail.ApplicationName,
    ConditionalToken: detail.ConditionalToken,
    ApplicationConfigurationUpdate: { FlinkApplicationConfigurationUpdate: { ParallelismConfigurationUpdate: update } },
    ...extra,
  });
}

describe('Operation: UpdateApplication', () => {
  const msf = useEmulator({ transitionMs: 0 });

  it('returns the new settings at once for a READY application, which stays READY', async () => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-ready'));

    // Act
    const output = await msf.client.send(
      parallelismUpdate(created, {
        ConfigurationTypeUpdate: 'CUSTOM',
        ParallelismUpdate: 4,
        ParallelismPerKPUUpdate: 2,
      }),
    );

    // Assess
    expect(output.OperationId).toEqual(expect.any(String));
    expect(output.ApplicationDetail?.ApplicationStatus).toBe('READY');
    expect(output.ApplicationDetail?.ApplicationVersionId).toBe(2);
    expect(output.ApplicationDetail?.ApplicationVersionUpdatedFrom).toBe(1);
    expect(parallelismOf(output.ApplicationDetail)).toEqual({
      ConfigurationType: 'CUSTOM',
      Parallelism: 4,
      ParallelismPerKPU: 2,
      CurrentParallelism: 4,
      AutoScalingEnabled: true,
    });
    expect(await describeApp(msf.client, created.ApplicationName ?? '')).toEqual(output.ApplicationDetail);
  });

  it('returns UPDATING with the old CurrentParallelism for a RUNNING application, then RUNNING with the new one', async () => {
    // Prepare
    const running = await createRunningApplication(msf.client, uniqueName('update-running'));

    // Act
    const output = await msf.client.send(
      parallelismUpdate(running, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 6 }),
    );
    const after = await describeApp(msf.client, running.ApplicationName ?? '');

    // Assess
    expect(output.ApplicationDetail?.ApplicationStatus).toBe('UPDATING');
    expect(parallelismOf(output.ApplicationDetail)?.Parallelism).toBe(6);
    expect(parallelismOf(output.ApplicationDetail)?.CurrentParallelism).toBe(1);
    expect(after.ApplicationStatus).toBe('RUNNING');
    expect(parallelismOf(after)?.CurrentParallelism).toBe(6);
    expect(after.ApplicationVersionId).toBe(2);
  });

  it('returns a new ConditionalToken on every update, which the next update accepts', async () => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-token'));

    // Act
    const first = await msf.client.send(
      parallelismUpdate(created, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 }),
    );
    const second = await msf.client.send(
      parallelismUpdate(first.ApplicationDetail ?? {}, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 3 }),
    );

    // Assess
    const tokens = [
      created.ConditionalToken,
      first.ApplicationDetail?.ConditionalToken,
      second.ApplicationDetail?.ConditionalToken,
    ];
    expect(new Set(tokens).size).toBe(3);
    expect(second.ApplicationDetail?.ApplicationVersionId).toBe(3);
    expect(second.ApplicationDetail?.ApplicationVersionUpdatedFrom).toBe(2);
  });

  it('returns the update applied with CurrentApplicationVersionId instead of a token', async () => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-version'));

    // Act
    const output = await msf.client.send(
      parallelismUpdate(
        created,
        { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 5 },
        { ConditionalToken: undefined, CurrentApplicationVersionId: 1 },
      ),
    );

    // Assess
    expect(parallelismOf(output.ApplicationDetail)?.Parallelism).toBe(5);
  });

  it('returns ParallelismPerKPU and AutoScalingEnabled unchanged when only ParallelismUpdate is given', async () => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-keep'), {
      ApplicationConfiguration: {
        FlinkApplicationConfiguration: {
          ParallelismConfiguration: {
            ConfigurationType: 'CUSTOM',
            Parallelism: 4,
            ParallelismPerKPU: 4,
            AutoScalingEnabled: false,
          },
        },
      },
    });

    // Act
    const output = await msf.client.send(
      parallelismUpdate(created, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 16 }),
    );

    // Assess
    expect(parallelismOf(output.ApplicationDetail)).toEqual({
      ConfigurationType: 'CUSTOM',
      Parallelism: 16,
      ParallelismPerKPU: 4,
      CurrentParallelism: 16,
      AutoScalingEnabled: false,
    });
  });

  it('returns the default parallelism after ConfigurationTypeUpdate DEFAULT alone', async () => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-default'), {
      ApplicationConfiguration: {
        FlinkApplicationConfiguration: {
          ParallelismConfiguration: { ConfigurationType: 'CUSTOM', Parallelism: 8, AutoScalingEnabled: false },
        },
      },
    });

    // Act
    const output = await msf.client.send(parallelismUpdate(created, { ConfigurationTypeUpdate: 'DEFAULT' }));

    // Assess
    expect(parallelismOf(output.ApplicationDetail)).toEqual({
      ConfigurationType: 'DEFAULT',
      Parallelism: 1,
      ParallelismPerKPU: 1,
      CurrentParallelism: 1,
      AutoScalingEnabled: true,
    });
  });

  it('returns the new ServiceExecutionRole after ServiceExecutionRoleUpdate', async () => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-role'));
    const role = 'arn:aws:iam::123456789012:role/other';

    // Act
    const output = await msf.client.send(
      new UpdateApplicationCommand({
        ApplicationName: created.ApplicationName,
        ConditionalToken: created.ConditionalToken,
        ServiceExecutionRoleUpdate: role,
      }),
    );

    // Assess
    expect(output.ApplicationDetail?.ServiceExecutionRole).toBe(role);
    expect(output.ApplicationDetail?.ApplicationVersionId).toBe(2);
  });

  it('returns ConcurrentModificationException for a stale CurrentApplicationVersionId', async () => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-stale-version'));
    await msf.client.send(parallelismUpdate(created, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 }));

    // Act
    const call = msf.client.send(
      parallelismUpdate(
        created,
        { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 3 },
        { ConditionalToken: undefined, CurrentApplicationVersionId: 1 },
      ),
    );

    // Assess
    await expectServiceError(
      call,
      'ConcurrentModificationException',
      `CurrentApplicationVersionId 1 is stale: application ${created.ApplicationName} is at version 2; ` +
        'describe it again and retry',
    );
  });

  it('returns ConcurrentModificationException for a stale ConditionalToken, and changes nothing', async () => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-stale-token'));
    await msf.client.send(parallelismUpdate(created, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 }));

    // Act
    const call = msf.client.send(
      parallelismUpdate(created, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 3 }),
    );

    // Assess
    await expectServiceError(
      call,
      'ConcurrentModificationException',
      `ConditionalToken is stale: application ${created.ApplicationName} was updated since it was read; ` +
        'describe it again and retry',
    );
    const stored = msf.emulator.getApplication(created.ApplicationName ?? '');
    expect(stored?.ApplicationVersionId).toBe(2);
    expect(
      stored?.ApplicationConfigurationDescription.FlinkApplicationConfigurationDescription
        .ParallelismConfigurationDescription.Parallelism,
    ).toBe(2);
  });

  it('returns InvalidArgumentException without CurrentApplicationVersionId and ConditionalToken', async () => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-no-version'));

    // Act
    const call = msf.client.send(
      parallelismUpdate(
        created,
        { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 },
        { ConditionalToken: undefined },
      ),
    );

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      'UpdateApplication needs CurrentApplicationVersionId or ConditionalToken; read them with DescribeApplication',
    );
  });

  it.each([
    [{ ParallelismUpdate: 4 }, 'missing', 'ParallelismUpdate'],
    [
      { ConfigurationTypeUpdate: 'DEFAULT' as const, ParallelismUpdate: 4, AutoScalingEnabledUpdate: false },
      'DEFAULT',
      'ParallelismUpdate, AutoScalingEnabledUpdate',
    ],
  ])(
    'returns InvalidArgumentException when ConfigurationTypeUpdate is not CUSTOM (%j)',
    async (update, type, members) => {
      // Prepare
      const created = await createTestApplication(msf.client, uniqueName('update-not-custom'));

      // Act
      const call = msf.client.send(parallelismUpdate(created, update));

      // Assess
      await expectServiceError(
        call,
        'InvalidArgumentException',
        `ParallelismConfigurationUpdate.ConfigurationTypeUpdate is ${type}; set it to CUSTOM to change ${members}`,
      );
    },
  );

  it('returns InvalidArgumentException for ParallelismUpdate and ParallelismPerKPUUpdate below 1', async () => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-zero'));
    const path = 'applicationConfigurationUpdate.flinkApplicationConfigurationUpdate.parallelismConfigurationUpdate';

    // Act
    const call = msf.client.send(
      parallelismUpdate(created, {
        ConfigurationTypeUpdate: 'CUSTOM',
        ParallelismUpdate: 0,
        ParallelismPerKPUUpdate: -1,
      }),
    );

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      '2 validation errors detected: ' +
        `Value '0' at '${path}.parallelismUpdate' failed to satisfy constraint: ` +
        'Member must have value greater than or equal to 1; ' +
        `Value '-1' at '${path}.parallelismPerKPUUpdate' failed to satisfy constraint: ` +
        'Member must have value greater than or equal to 1',
    );
  });

  it('returns InvalidArgumentException for ParallelismPerKPUUpdate above 8', async () => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-ppk'));

    // Act
    const call = msf.client.send(
      parallelismUpdate(created, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismPerKPUUpdate: 9 }),
    );

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      'ParallelismPerKPU 9 is out of range; use a value from 1 to 8',
    );
  });

  it('returns LimitExceededException for more than 64 KPUs', async () => {
    // Prepare: the SDK retries LimitExceededException as throttling; one attempt keeps the test fast.
    const created = await createTestApplication(msf.client, uniqueName('update-kpu'));

    // Act
    const call = msf.noRetryClient.send(
      parallelismUpdate(created, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 65 }),
    );

    // Assess
    await expectServiceError(
      call,
      'LimitExceededException',
      'Parallelism 65 with ParallelismPerKPU 1 needs 65 KPUs, more than the limit of 64 KPUs per application; ' +
        'lower Parallelism or raise ParallelismPerKPU',
    );
  });

  it.each<[string, Partial<UpdateApplicationCommandInput>, string]>([
    [
      'EnvironmentPropertyUpdates',
      {
        ApplicationConfigurationUpdate: {
          EnvironmentPropertyUpdates: { PropertyGroups: [{ PropertyGroupId: 'app', PropertyMap: { a: 'b' } }] },
        },
      },
      'ApplicationConfigurationUpdate.EnvironmentPropertyUpdates',
    ],
    [
      'ApplicationCodeConfigurationUpdate',
      {
        ApplicationConfigurationUpdate: {
          ApplicationCodeConfigurationUpdate: {
            CodeContentUpdate: { S3ContentLocationUpdate: { FileKeyUpdate: 'job-2.jar' } },
          },
        },
      },
      'ApplicationConfigurationUpdate.ApplicationCodeConfigurationUpdate',
    ],
    [
      'CheckpointConfigurationUpdate',
      {
        ApplicationConfigurationUpdate: {
          FlinkApplicationConfigurationUpdate: {
            CheckpointConfigurationUpdate: { ConfigurationTypeUpdate: 'CUSTOM', CheckpointIntervalUpdate: 1000 },
          },
        },
      },
      'ApplicationConfigurationUpdate.FlinkApplicationConfigurationUpdate.CheckpointConfigurationUpdate',
    ],
    [
      'VpcConfigurationUpdates',
      {
        ApplicationConfigurationUpdate: {
          VpcConfigurationUpdates: [{ VpcConfigurationId: 'vpc-1', SubnetIdUpdates: ['subnet-1'] }],
        },
      },
      'ApplicationConfigurationUpdate.VpcConfigurationUpdates',
    ],
    ['RuntimeEnvironmentUpdate', { RuntimeEnvironmentUpdate: 'FLINK-2_2' }, 'RuntimeEnvironmentUpdate'],
  ])('returns InvalidArgumentException for an unsupported %s', async (_label, extra, member) => {
    // Prepare
    const created = await createTestApplication(msf.client, uniqueName('update-unsupported'));

    // Act
    const call = msf.client.send(
      new UpdateApplicationCommand({
        ApplicationName: created.ApplicationName,
        ConditionalToken: created.ConditionalToken,
        ...extra,
      }),
    );

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      'The MSF emulator only supports ParallelismConfigurationUpdate ' +
        '(ApplicationConfigurationUpdate.FlinkApplicationConfigurationUpdate.ParallelismConfigurationUpdate), ' +
        'ApplicationConfigurationUpdate.ApplicationSystemRollbackConfigurationUpdate, ' +
        `ServiceExecutionRoleUpdate and RunConfigurationUpdate in UpdateApplication; remove ${member}`,
    );
  });

  it('returns the update applied when it carries a RunConfigurationUpdate', async () => {
    // Prepare
    const running = await createRunningApplication(msf.client, uniqueName('update-run-config'));

    // Act
    const output = await msf.client.send(
      parallelismUpdate(
        running,
        { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 },
        {
          RunConfigurationUpdate: {
            ApplicationRestoreConfiguration: { ApplicationRestoreType: 'RESTORE_FROM_LATEST_SNAPSHOT' },
          },
        },
      ),
    );

    // Assess
    expect(output.ApplicationDetail?.ApplicationStatus).toBe('UPDATING');
  });

  it.each([
    ApplicationStatus.AUTOSCALING,
    ApplicationStatus.MAINTENANCE,
    ApplicationStatus.UPDATING,
    ApplicationStatus.STARTING,
    ApplicationStatus.STOPPING,
    ApplicationStatus.ROLLING_BACK,
  ])('returns ResourceInUseException for an application in %s', async (status) => {
    // Prepare
    const running = await createRunningApplication(msf.client, uniqueName('update-busy'));
    msf.emulator.forceStatus(running.ApplicationName ?? '', status);

    // Act
    const call = msf.client.send(
      parallelismUpdate(running, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 }),
    );

    // Assess
    await expectServiceError(
      call,
      'ResourceInUseException',
      `Application ${running.ApplicationName} is in ${status} state and cannot be updated; retry when it is RUNNING or READY`,
    );
  });

  it('returns the update applied once a forced AUTOSCALING status is forced back to RUNNING', async () => {
    // Prepare
    const running = await createRunningApplication(msf.client, uniqueName('update-after-autoscaling'));
    const name = running.ApplicationName ?? '';
    msf.emulator.forceStatus(name, ApplicationStatus.AUTOSCALING);
    await catchError(
      msf.client.send(parallelismUpdate(running, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 })),
    );
    msf.emulator.forceStatus(name, ApplicationStatus.RUNNING);

    // Act
    const output = await msf.client.send(
      parallelismUpdate(running, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 }),
    );

    // Assess
    expect(output.ApplicationDetail?.ApplicationVersionId).toBe(2);
    expect(parallelismOf(await describeApp(msf.client, name))?.CurrentParallelism).toBe(2);
  });

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const call = msf.client.send(
      new UpdateApplicationCommand({ ApplicationName: 'missing-app', CurrentApplicationVersionId: 1 }),
    );

    // Assess
    await expectServiceError(call, 'ResourceNotFoundException', 'Application missing-app not found');
  });

  describe('with a transition that outlasts the test (transitionMs 60000)', () => {
    const slow = useEmulator({ transitionMs: 60_000 });

    it('returns UPDATING from DescribeApplication and refuses a second update until the first completes', async () => {
      // Prepare
      const name = uniqueName('update-slow');
      const created = await createTestApplication(slow.client, name);
      slow.emulator.forceStatus(name, ApplicationStatus.RUNNING);
      const update = await slow.client.send(
        parallelismUpdate(created, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 3 }),
      );

      // Act
      const during = await describeApp(slow.client, name);
      const second = slow.client.send(
        parallelismUpdate(update.ApplicationDetail ?? {}, { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 4 }),
      );

      // Assess
      await expectServiceError(
        second,
        'ResourceInUseException',
        new RegExp(`^Application ${name} is in UPDATING state and cannot be updated`),
      );
      expect(during.ApplicationStatus).toBe('UPDATING');
      expect(parallelismOf(during)?.CurrentParallelism).toBe(1);
    });
  });

  describe('with a short transition (transitionMs 30)', () => {
    const timed = useEmulator({ transitionMs: 30 });

    it('returns RUNNING with the new CurrentParallelism once the update completes', async () => {
      // Prepare
      const name = uniqueName('update-timed');
      const running = await createRunningApplication(timed.client, name);

      // Act
      const output = await timed.client.send(
        parallelismUpdate(running, {
          ConfigurationTypeUpdate: 'CUSTOM',
          ParallelismUpdate: 8,
          ParallelismPerKPUUpdate: 2,
        }),
      );
      const settled = await waitForStatus(timed.client, name, 'RUNNING');

      // Assess
      expect(output.ApplicationDetail?.ApplicationStatus).toBe('UPDATING');
      expect(parallelismOf(settled)).toEqual({
        ConfigurationType: 'CUSTOM',
        Parallelism: 8,
        ParallelismPerKPU: 2,
        CurrentParallelism: 8,
        AutoScalingEnabled: true,
      });
    });
  });
});
