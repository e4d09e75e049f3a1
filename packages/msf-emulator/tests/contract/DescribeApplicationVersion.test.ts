import { DescribeApplicationVersionCommand, type KinesisAnalyticsV2Client } from '@aws-sdk/client-kinesis-analytics-v2';
import {
  createRunningApplication,
  createTestApplication,
  describeApp,
  expectServiceError,
  parallelismConfiguration,
  uniqueName,
  updateParallelism,
} from '../helpers/client';
import { useEmulator } from '../helpers/emulator';

/** DescribeApplicationVersion's ParallelismConfigurationDescription.Parallelism and version members. */
async function describeVersion(
  client: KinesisAnalyticsV2Client,
  name: string,
  versionId: number,
): Promise<{ readonly version?: number; readonly parallelism?: number; readonly current?: number }> {
  const output = await client.send(
    new DescribeApplicationVersionCommand({ ApplicationName: name, ApplicationVersionId: versionId }),
  );
  const detail = output.ApplicationVersionDetail;
  const parallelism =
    detail?.ApplicationConfigurationDescription?.FlinkApplicationConfigurationDescription
      ?.ParallelismConfigurationDescription;
  return {
    ...(detail?.ApplicationVersionId === undefined ? {} : { version: detail.ApplicationVersionId }),
    ...(parallelism?.Parallelism === undefined ? {} : { parallelism: parallelism.Parallelism }),
    ...(parallelism?.CurrentParallelism === undefined ? {} : { current: parallelism.CurrentParallelism }),
  };
}

describe('Operation: DescribeApplicationVersion', () => {
  const msf = useEmulator({ transitionMs: 0 });

  it('returns version 1 as created, with the old parallelism, after an update', async () => {
    // Prepare
    const name = uniqueName('version-old');
    const created = await createTestApplication(msf.client, name, parallelismConfiguration(2));
    await updateParallelism(msf.client, name, 6);

    // Act
    const output = await msf.client.send(
      new DescribeApplicationVersionCommand({ ApplicationName: name, ApplicationVersionId: 1 }),
    );

    // Assess
    expect(output.ApplicationVersionDetail).toEqual(created);
    expect(await describeVersion(msf.client, name, 2)).toEqual({ version: 2, parallelism: 6, current: 6 });
  });

  it('returns the current version as DescribeApplication does', async () => {
    // Prepare
    const name = uniqueName('version-current');
    await createRunningApplication(msf.client, name, parallelismConfiguration(2));
    await updateParallelism(msf.client, name, 3);
    const current = await describeApp(msf.client, name);

    // Act
    const output = await msf.client.send(
      new DescribeApplicationVersionCommand({ ApplicationName: name, ApplicationVersionId: 2 }),
    );

    // Assess
    expect(output.ApplicationVersionDetail).toEqual(current);
  });

  it('returns the parallelism a failed update attempted for its version, rolled back or not', async () => {
    // Prepare
    const rolledBack = uniqueName('version-failed-rollback');
    await createRunningApplication(msf.client, rolledBack, parallelismConfiguration(2, true));
    msf.emulator.failNextUpdate(rolledBack);
    await updateParallelism(msf.client, rolledBack, 8);
    const notRolledBack = uniqueName('version-failed');
    await createRunningApplication(msf.client, notRolledBack, parallelismConfiguration(2));
    msf.emulator.failNextUpdate(notRolledBack);
    await updateParallelism(msf.client, notRolledBack, 8);

    // Act
    const failedRolledBack = await describeVersion(msf.client, rolledBack, 2);
    const rollback = await describeVersion(msf.client, rolledBack, 3);
    const failed = await describeVersion(msf.client, notRolledBack, 2);
    const restored = await describeVersion(msf.client, notRolledBack, 1);

    // Assess
    expect(failedRolledBack).toEqual({ version: 2, parallelism: 8, current: 2 });
    expect(rollback).toEqual({ version: 3, parallelism: 2, current: 2 });
    expect(failed).toEqual({ version: 2, parallelism: 8, current: 2 });
    expect(restored).toEqual({ version: 1, parallelism: 2, current: 2 });
  });

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const call = msf.client.send(
      new DescribeApplicationVersionCommand({ ApplicationName: 'missing-app', ApplicationVersionId: 1 }),
    );

    // Assess
    await expectServiceError(call, 'ResourceNotFoundException', 'Application missing-app not found');
  });

  it('returns ResourceNotFoundException for a version the application never had', async () => {
    // Prepare
    const name = uniqueName('version-unknown');
    await createTestApplication(msf.client, name);

    // Act
    const call = msf.client.send(
      new DescribeApplicationVersionCommand({ ApplicationName: name, ApplicationVersionId: 2 }),
    );

    // Assess
    await expectServiceError(
      call,
      'ResourceNotFoundException',
      `Version 2 of application ${name} not found; list them with ListApplicationVersions`,
    );
  });

  it('returns InvalidArgumentException for ApplicationVersionId 0 and a missing ApplicationName', async () => {
    // Act
    const call = msf.client.send(
      // @ts-expect-error: a request without the required ApplicationName, as a hand-written request could send
      new DescribeApplicationVersionCommand({ ApplicationVersionId: 0 }),
    );

    // Assess
    await expectServiceError(
      call,
      'InvalidArgumentException',
      '2 validation errors detected: ' +
        "Value null at 'applicationName' failed to satisfy constraint: Member must not be null; " +
        "Value '0' at 'applicationVersionId' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });
});
