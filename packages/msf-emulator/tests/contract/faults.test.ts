import {
  DescribeApplicationCommand,
  ListApplicationsCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { startMsfEmulator } from '../../src';
import {
  catchError,
  createClient,
  createTestApplication,
  expectServiceError,
  scriptedRandom,
  uniqueName,
} from '../helpers/client';
import { startEmulatorWithClient, useEmulator } from '../helpers/emulator';

describe('Feature: fault injection', () => {
  const msf = useEmulator({ transitionMs: 0 });

  afterEach(() => {
    msf.emulator.setFaults({});
  });

  it('returns ThrottlingException (HTTP 400, Rate exceeded) when the random draw is below throttleRate', async () => {
    // Prepare
    msf.emulator.setFaults({ throttleRate: 0.5, random: scriptedRandom([0.49]) });

    // Act
    const call = msf.noRetryClient.send(new ListApplicationsCommand({}));

    // Assess
    const error = await expectServiceError(call, 'ThrottlingException', 'Rate exceeded');
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it('returns ServiceUnavailableException with HTTP 500 when the random draw is below serverErrorRate', async () => {
    // Prepare
    msf.emulator.setFaults({ serverErrorRate: 0.5, random: scriptedRandom([0.1]) });

    // Act
    const call = msf.noRetryClient.send(new ListApplicationsCommand({}));

    // Assess
    const error = await expectServiceError(call, 'ServiceUnavailableException', 'Service Unavailable');
    expect(error.$fault).toBe('server');
    expect(error.$metadata?.httpStatusCode).toBe(500);
  });

  it('returns the normal response when the random draw is not below the rates', async () => {
    // Prepare
    const random = jest.fn(scriptedRandom([0.5, 0.5]));
    msf.emulator.setFaults({ throttleRate: 0.5, serverErrorRate: 0.5, random });

    // Act
    const output = await msf.noRetryClient.send(new ListApplicationsCommand({}));

    // Assess
    expect(output.ApplicationSummaries).toEqual(expect.any(Array));
    expect(random).toHaveBeenCalledTimes(2);
  });

  it('returns faults only for the listed operations', async () => {
    // Prepare
    const name = uniqueName('faults-scope');
    await createTestApplication(msf.client, name);
    msf.emulator.setFaults({ throttleRate: 1, operations: ['DescribeApplication'] });

    // Act
    const described = await catchError(
      msf.noRetryClient.send(new DescribeApplicationCommand({ ApplicationName: name })),
    );
    const listed = await msf.noRetryClient.send(new ListApplicationsCommand({}));

    // Assess
    expect(described.name).toBe('ThrottlingException');
    expect(listed.ApplicationSummaries?.map((summary) => summary.ApplicationName)).toContain(name);
  });

  it('returns faults only for calls naming the listed applications', async () => {
    // Prepare
    const down = uniqueName('faults-down');
    const healthy = uniqueName('faults-healthy');
    await createTestApplication(msf.client, down);
    await createTestApplication(msf.client, healthy);
    msf.emulator.setFaults({ serverErrorRate: 1, applications: [down] });

    // Act
    const failed = await catchError(msf.noRetryClient.send(new DescribeApplicationCommand({ ApplicationName: down })));
    const described = await msf.noRetryClient.send(new DescribeApplicationCommand({ ApplicationName: healthy }));
    const listed = await msf.noRetryClient.send(new ListApplicationsCommand({}));

    // Assess
    expect(failed.name).toBe('ServiceUnavailableException');
    expect(described.ApplicationDetail?.ApplicationName).toBe(healthy);
    expect(listed.ApplicationSummaries?.length).toBeGreaterThan(0);
  });

  it('returns ConcurrentModificationException for an update below conflictRate and leaves the version as it was', async () => {
    // Prepare
    const name = uniqueName('faults-conflict');
    const created = await createTestApplication(msf.client, name);
    msf.emulator.setFaults({ conflictRate: 0.5, random: scriptedRandom([0.2, 0.9]) });
    const update = {
      ApplicationName: name,
      CurrentApplicationVersionId: created.ApplicationVersionId,
      ApplicationConfigurationUpdate: {
        FlinkApplicationConfigurationUpdate: {
          ParallelismConfigurationUpdate: { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 2 },
        },
      },
    } as const;

    // Act
    const conflict = await catchError(msf.noRetryClient.send(new UpdateApplicationCommand(update)));
    const updated = await msf.noRetryClient.send(new UpdateApplicationCommand(update));

    // Assess
    expect(conflict.name).toBe('ConcurrentModificationException');
    expect(updated.ApplicationDetail?.ApplicationVersionId).toBe((created.ApplicationVersionId ?? 0) + 1);
  });

  it('answers every call naming an unavailable application with HTTP 500, whatever the rates', async () => {
    // Prepare
    const down = uniqueName('faults-unavailable');
    const up = uniqueName('faults-available');
    await createTestApplication(msf.client, down);
    await createTestApplication(msf.client, up);
    msf.emulator.setFaults({ unavailableApplications: [down] });

    // Act
    const failed = await catchError(msf.noRetryClient.send(new DescribeApplicationCommand({ ApplicationName: down })));
    const described = await msf.noRetryClient.send(new DescribeApplicationCommand({ ApplicationName: up }));

    // Assess
    expect(failed.name).toBe('ServiceUnavailableException');
    expect(failed.$metadata?.httpStatusCode).toBe(500);
    expect(described.ApplicationDetail?.ApplicationName).toBe(up);
  });

  it('never injects a conflict into other operations', async () => {
    // Prepare
    msf.emulator.setFaults({ conflictRate: 1 });

    // Act
    const listed = await msf.noRetryClient.send(new ListApplicationsCommand({}));

    // Assess
    expect(listed.ApplicationSummaries).toBeDefined();
  });

  it('returns success after the SDK retries one throttled attempt (default maxAttempts 3)', async () => {
    // Prepare
    msf.emulator.setFaults({ throttleRate: 0.5, random: scriptedRandom([0]) });
    const before = msf.emulator.callCount('ListApplications');

    // Act
    const output = await msf.client.send(new ListApplicationsCommand({}));

    // Assess
    expect(output.$metadata.attempts).toBe(2);
    expect(msf.emulator.callCount('ListApplications') - before).toBe(2);
  });

  it('returns success after the SDK retries one server error', async () => {
    // Prepare
    msf.emulator.setFaults({ serverErrorRate: 0.5, random: scriptedRandom([0]) });

    // Act
    const output = await msf.client.send(new ListApplicationsCommand({}));

    // Assess
    expect(output.$metadata.attempts).toBe(2);
  });

  it('returns no faults after setFaults replaces them', async () => {
    // Prepare
    msf.emulator.setFaults({ throttleRate: 1 });
    msf.emulator.setFaults({ latencyMs: 0 });

    // Act
    const output = await msf.noRetryClient.send(new ListApplicationsCommand({}));

    // Assess
    expect(output.$metadata.httpStatusCode).toBe(200);
  });

  it('returns no response while latencyMs has not elapsed', async () => {
    // Prepare: a latency no test outlasts, on one operation of a dedicated emulator.
    const delayed = await startMsfEmulator({
      transitionMs: 0,
      faults: { latencyMs: 60_000, operations: ['DescribeApplication'] },
    });
    const delayedClient = createClient(delayed, { maxAttempts: 1 });
    let settled = false;
    const pending = delayedClient.send(new DescribeApplicationCommand({ ApplicationName: 'any-app' })).finally(() => {
      settled = true;
    });
    for (let poll = 0; poll < 400 && delayed.callCount('DescribeApplication') === 0; poll += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    // Act
    const listed = await delayedClient.send(new ListApplicationsCommand({}));

    // Assess
    expect(delayed.callCount('DescribeApplication')).toBe(1);
    expect(listed.ApplicationSummaries).toEqual([]);
    expect(settled).toBe(false);
    await delayed.close();
    await expect(pending).rejects.toThrow();
    delayedClient.destroy();
  });

  it.each([{ throttleRate: 1.5 }, { serverErrorRate: -0.1 }, { latencyMs: Number.NaN }])(
    'throws RangeError for out-of-range fault settings %j',
    (faults) => {
      // Act
      function act(): void {
        msf.emulator.setFaults(faults);
      }

      // Assess
      expect(act).toThrow(RangeError);
    },
  );

  it('returns faults configured at start through the faults option', async () => {
    // Prepare
    const faulty = await startEmulatorWithClient({ transitionMs: 0, faults: { throttleRate: 1 } }, { maxAttempts: 1 });

    // Act
    const error = await catchError(faulty.client.send(new ListApplicationsCommand({})));
    await faulty.stop();

    // Assess
    expect(error.name).toBe('ThrottlingException');
  });
});
