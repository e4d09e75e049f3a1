import { ListApplicationsCommand, StartApplicationCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { ApplicationStatus, startMsfEmulator } from '../../src';
import { createClient, createTestApplication } from '../helpers/client';
import { startEmulatorWithClient } from '../helpers/emulator';

describe('Function: startMsfEmulator', () => {
  it('returns an emulator on a free port with its URL', async () => {
    // Act
    const emulator = await startMsfEmulator();
    await emulator.close();

    // Assess
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
  });

  it('returns a deep copy from getApplication, and undefined for an unknown name', async () => {
    // Prepare
    const { emulator, client, stop } = await startEmulatorWithClient({ transitionMs: 0 });
    await createTestApplication(client, 'copy-app');

    // Act
    const copy = emulator.getApplication('copy-app');
    if (copy !== undefined) {
      // Mutating the copy must not reach the store.
      Object.assign(
        copy.ApplicationConfigurationDescription.FlinkApplicationConfigurationDescription
          .ParallelismConfigurationDescription,
        { Parallelism: 99 },
      );
    }
    const again = emulator.getApplication('copy-app');
    const missing = emulator.getApplication('nope');
    await stop();

    // Assess
    expect(
      again?.ApplicationConfigurationDescription.FlinkApplicationConfigurationDescription
        .ParallelismConfigurationDescription.Parallelism,
    ).toBe(1);
    expect(missing).toBeUndefined();
  });

  it('returns per-operation and total call counts', async () => {
    // Prepare
    const { emulator, client, stop } = await startEmulatorWithClient({ transitionMs: 0 });

    // Act
    await createTestApplication(client, 'count-app');
    await client.send(new ListApplicationsCommand({}));
    await client.send(new ListApplicationsCommand({}));
    await stop();

    // Assess
    expect(emulator.callCount('ListApplications')).toBe(2);
    expect(emulator.callCount('CreateApplication')).toBe(1);
    expect(emulator.callCount('UpdateApplication')).toBe(0);
    expect(emulator.callCount()).toBe(3);
    expect(emulator.calledOperations()).toEqual(['CreateApplication', 'ListApplications']);
  });

  it('returns the forced status from getApplication', async () => {
    // Prepare
    const { emulator, client, stop } = await startEmulatorWithClient({ transitionMs: 0 });
    await createTestApplication(client, 'forced-app');

    // Act
    emulator.forceStatus('forced-app', ApplicationStatus.MAINTENANCE);
    const status = emulator.getApplication('forced-app')?.ApplicationStatus;
    await stop();

    // Assess
    expect(status).toBe('MAINTENANCE');
  });

  it('throws RangeError from forceStatus for an unknown application or status', async () => {
    // Prepare
    const { emulator, client, stop } = await startEmulatorWithClient({ transitionMs: 0 });
    await createTestApplication(client, 'range-app');

    // Act
    function unknownApp(): void {
      emulator.forceStatus('nope', ApplicationStatus.RUNNING);
    }
    function unknownStatus(): void {
      // @ts-expect-error: a status outside the model, as untyped callers could pass
      emulator.forceStatus('range-app', 'PAUSED');
    }

    // Assess
    expect(unknownApp).toThrow("forceStatus: no application named 'nope'; create it first");
    expect(unknownStatus).toThrow(/^forceStatus: 'PAUSED' is not an ApplicationStatus/);
    await stop();
  });

  it('resolves close() more than once, also while a long transition is pending', async () => {
    // Prepare
    const emulator = await startMsfEmulator({ transitionMs: 60_000 });
    const client = createClient(emulator);
    await createTestApplication(client, 'close-app');
    await client.send(new StartApplicationCommand({ ApplicationName: 'close-app' }));
    client.destroy();

    // Act
    const closes = Promise.all([emulator.close(), emulator.close()]);

    // Assess
    await expect(closes).resolves.toEqual([undefined, undefined]);
    await expect(emulator.close()).resolves.toBeUndefined();
  });

  it('throws RangeError for a negative transitionMs', async () => {
    // Act
    const start = startMsfEmulator({ transitionMs: -1 });

    // Assess
    await expect(start).rejects.toThrow('transitionMs is -1; use a finite number of milliseconds >= 0');
  });

  it('rejects when the port is taken', async () => {
    // Prepare
    const first = await startMsfEmulator();

    // Act
    const second = startMsfEmulator({ port: first.port });

    // Assess
    await expect(second).rejects.toThrow(/EADDRINUSE/);
    await first.close();
  });
});
