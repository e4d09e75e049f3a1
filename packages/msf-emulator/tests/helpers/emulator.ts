import type { KinesisAnalyticsV2Client } from '@aws-sdk/client-kinesis-analytics-v2';
import { type MsfEmulator, type MsfEmulatorOptions, startMsfEmulator } from '../../src';
import { createClient } from './client';

/** An emulator and SDK clients pointed at it, for the tests of one `describe` block. */
interface EmulatorFixture {
  readonly emulator: MsfEmulator;
  /** The SDK client with its default retries. */
  readonly client: KinesisAnalyticsV2Client;
  /**
   * A client with `maxAttempts: 1`, for tests that expect a retryable error (SDK retries would
   * hide it). Created on first use.
   */
  readonly noRetryClient: KinesisAnalyticsV2Client;
}

/**
 * Registers `beforeAll`/`afterAll` hooks in the calling `describe` block: starts an emulator
 * with `options` on a free port (port 0 unless given) before its tests, and destroys the
 * clients and closes the emulator after them. Read the getters inside tests and hooks only.
 *
 * @example
 * const msf = useEmulator({ transitionMs: 0 });
 * it('...', async () => {
 *   await msf.client.send(new ListApplicationsCommand({}));
 * });
 */
function useEmulator(options: MsfEmulatorOptions = {}): EmulatorFixture {
  let emulator: MsfEmulator | undefined;
  let client: KinesisAnalyticsV2Client | undefined;
  let noRetryClient: KinesisAnalyticsV2Client | undefined;

  function started(): MsfEmulator {
    if (emulator === undefined) {
      throw new Error('useEmulator: the emulator is not running; read it inside a test or hook');
    }
    return emulator;
  }

  beforeAll(async () => {
    emulator = await startMsfEmulator(options);
    client = createClient(emulator);
  });

  afterAll(async () => {
    client?.destroy();
    noRetryClient?.destroy();
    await emulator?.close();
    emulator = undefined;
    client = undefined;
    noRetryClient = undefined;
  });

  return {
    get emulator(): MsfEmulator {
      return started();
    },
    get client(): KinesisAnalyticsV2Client {
      if (client === undefined) {
        throw new Error('useEmulator: the client is not created; read it inside a test or hook');
      }
      return client;
    },
    get noRetryClient(): KinesisAnalyticsV2Client {
      noRetryClient ??= createClient(started(), { maxAttempts: 1 });
      return noRetryClient;
    },
  };
}

/** An emulator and its client started inside one test; `stop()` destroys the client, then closes the emulator. */
interface StartedEmulator {
  readonly emulator: MsfEmulator;
  readonly client: KinesisAnalyticsV2Client;
  stop(): Promise<void>;
}

/** Starts an emulator on a free port and a client for it, for a test that needs its own. */
async function startEmulatorWithClient(
  options: MsfEmulatorOptions = {},
  clientOptions: { readonly maxAttempts?: number } = {},
): Promise<StartedEmulator> {
  const emulator = await startMsfEmulator(options);
  const client = createClient(emulator, clientOptions);
  return {
    emulator,
    client,
    async stop(): Promise<void> {
      client.destroy();
      await emulator.close();
    },
  };
}

export type { EmulatorFixture, StartedEmulator };
export { startEmulatorWithClient, useEmulator };
