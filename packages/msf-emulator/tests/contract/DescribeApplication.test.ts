import { DescribeApplicationCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { catchError, createTestApplication, expectServiceError, uniqueName } from '../helpers/client';
import { useEmulator } from '../helpers/emulator';

describe('Operation: DescribeApplication', () => {
  const msf = useEmulator({ transitionMs: 0 });

  it('returns the same ApplicationDetail as CreateApplication', async () => {
    // Prepare
    const name = uniqueName('describe');
    const created = await createTestApplication(msf.client, name);

    // Act
    const output = await msf.client.send(new DescribeApplicationCommand({ ApplicationName: name }));

    // Assess
    expect(output.ApplicationDetail).toEqual(created);
  });

  it('returns the ApplicationDetail when IncludeAdditionalDetails is set', async () => {
    // Prepare
    const name = uniqueName('describe-details');
    await createTestApplication(msf.client, name);

    // Act
    const output = await msf.client.send(
      new DescribeApplicationCommand({ ApplicationName: name, IncludeAdditionalDetails: true }),
    );

    // Assess
    expect(output.ApplicationDetail?.ApplicationName).toBe(name);
    expect(output.ApplicationDetail?.ApplicationStatus).toBe('READY');
  });

  it('returns timestamps that match what getApplication exposes in epoch seconds', async () => {
    // Prepare
    const name = uniqueName('describe-epoch');
    await createTestApplication(msf.client, name);

    // Act
    const output = await msf.client.send(new DescribeApplicationCommand({ ApplicationName: name }));

    // Assess
    const stored = msf.emulator.getApplication(name);
    expect(output.ApplicationDetail?.CreateTimestamp?.getTime()).toBe((stored?.CreateTimestamp ?? 0) * 1000);
  });

  it('returns ResourceNotFoundException for an unknown application', async () => {
    // Act
    const call = msf.client.send(new DescribeApplicationCommand({ ApplicationName: 'missing-app' }));

    // Assess
    const error = await expectServiceError(call, 'ResourceNotFoundException', 'Application missing-app not found');
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it('returns InvalidArgumentException for an empty and a too long name', async () => {
    // Act
    const empty = await catchError(msf.client.send(new DescribeApplicationCommand({ ApplicationName: '' })));
    const long = await catchError(
      msf.client.send(new DescribeApplicationCommand({ ApplicationName: 'a'.repeat(129) })),
    );

    // Assess
    expect(empty.name).toBe('InvalidArgumentException');
    expect(empty.message).toBe(
      '2 validation errors detected: ' +
        "Value '' at 'applicationName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '' at 'applicationName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+',
    );
    expect(long.message).toBe(
      `1 validation error detected: Value '${'a'.repeat(129)}' at 'applicationName' failed to satisfy constraint: ` +
        'Member must have length less than or equal to 128',
    );
  });
});
