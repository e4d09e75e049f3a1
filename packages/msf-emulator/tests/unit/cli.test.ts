import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type MsfEmulator, type MsfEmulatorOptions, startMsfEmulator } from '../../src';
import { DEFAULT_CLI_PORT, type EmulatorCliIo, main } from '../../src/cli';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(REPO_ROOT, 'packages/msf-emulator/src/cli.ts');

/** An injected io that records what the CLI writes and starts, and stops it when `stop` is called. */
interface TestIo {
  readonly io: EmulatorCliIo;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** The options of every `startEmulator` call. */
  readonly started: MsfEmulatorOptions[];
  /** Resolves once the CLI waits for the stop (the emulator listens). */
  readonly waiting: Promise<void>;
  /** Resolves `waitForStop` with `reason`. */
  stop(reason: string): void;
}

/** A stand-in emulator: nothing listens; `close` resolves at once. */
function fakeEmulator(): MsfEmulator {
  return {
    url: 'http://127.0.0.1:4567',
    port: 4567,
    setFaults(): void {},
    forceStatus(): void {},
    failNextUpdate(): void {},
    clearUpdateFailures(): void {},
    getApplication(): undefined {
      return undefined;
    },
    calledOperations(): string[] {
      return [];
    },
    callCount(): number {
      return 0;
    },
    async close(): Promise<void> {},
  };
}

/**
 * An io for `main`: `startEmulator` records the options and returns a fake emulator (pass
 * `start` to replace it), and `waitForStop` resolves at once with 'SIGTERM' unless
 * `stopManually` is set.
 */
function createTestIo(
  options: {
    readonly start?: (options: MsfEmulatorOptions) => Promise<MsfEmulator>;
    readonly stopManually?: boolean;
  } = {},
): TestIo {
  let stdout = '';
  let stderr = '';
  const started: MsfEmulatorOptions[] = [];
  let resolveStop: (reason: string) => void = () => undefined;
  let markWaiting: () => void = () => undefined;
  const waiting = new Promise<void>((resolve) => {
    markWaiting = resolve;
  });
  const stopped = new Promise<string>((resolve) => {
    resolveStop = resolve;
  });
  if (options.stopManually !== true) {
    resolveStop('SIGTERM');
  }
  const io: EmulatorCliIo = {
    stdout: {
      write(text: string): boolean {
        stdout += text;
        return true;
      },
    },
    stderr: {
      write(text: string): boolean {
        stderr += text;
        return true;
      },
    },
    env: {},
    async startEmulator(emulatorOptions: MsfEmulatorOptions): Promise<MsfEmulator> {
      started.push(emulatorOptions);
      return options.start === undefined ? fakeEmulator() : options.start(emulatorOptions);
    },
    waitForStop(): Promise<string> {
      markWaiting();
      return stopped;
    },
  };
  return {
    io,
    stdout(): string {
      return stdout;
    },
    stderr(): string {
      return stderr;
    },
    started,
    waiting,
    stop(reason: string): void {
      resolveStop(reason);
    },
  };
}

describe('Function: main', () => {
  it('returns 0 after starting with the default port and no other options for an empty command line', async () => {
    // Prepare
    const test = createTestIo();

    // Act
    const code = await main([], test.io);

    // Assess
    expect(code).toBe(0);
    expect(test.started).toEqual([{ port: DEFAULT_CLI_PORT, faults: {} }]);
  });

  it('returns 0 after starting with every flag as an emulator option', async () => {
    // Prepare
    const test = createTestIo();

    // Act
    const code = await main(
      [
        '--port=0',
        '--host',
        '0.0.0.0',
        '--transition-ms',
        '250',
        '--region',
        'eu-west-1',
        '--account-id',
        '111122223333',
        '--latency-ms',
        '5',
        '--throttle-rate',
        '0.1',
        '--server-error-rate',
        '0.2',
      ],
      test.io,
    );

    // Assess
    expect(code).toBe(0);
    expect(test.started).toEqual([
      {
        port: 0,
        host: '0.0.0.0',
        transitionMs: 250,
        region: 'eu-west-1',
        accountId: '111122223333',
        faults: { latencyMs: 5, throttleRate: 0.1, serverErrorRate: 0.2 },
      },
    ]);
  });

  it('returns 0 and the usage on stdout for -h, without starting the emulator', async () => {
    // Prepare
    const test = createTestIo();

    // Act
    const code = await main(['-h'], test.io);

    // Assess
    expect(code).toBe(0);
    expect(test.stdout()).toContain('Usage: msf-emulator [options]');
    expect(test.stdout()).toContain('--server-error-rate <p>');
    expect(test.started).toEqual([]);
  });

  it.each([
    [['--port', 'http'], '--port must be a whole number from 0 to 65535, got "http"'],
    [['--port', '1.5'], '--port must be a whole number from 0 to 65535, got "1.5"'],
    [['--throttle-rate', '2'], '--throttle-rate must be a number from 0 to 1, got "2"'],
    [['--transition-ms=-1'], '--transition-ms must be a whole number from 0 to 9007199254740991, got "-1"'],
  ])('returns 2 and the message and usage on stderr for %j', async (args, message) => {
    // Prepare
    const test = createTestIo();

    // Act
    const code = await main(args, test.io);

    // Assess
    expect(code).toBe(2);
    expect(test.stderr()).toContain(message);
    expect(test.stderr()).toContain('Usage: msf-emulator [options]');
    expect(test.started).toEqual([]);
  });

  it.each([[['--verbose']], [['extra']]])('returns 2 for an unknown flag or an argument: %j', async (args) => {
    // Prepare
    const test = createTestIo();

    // Act
    const code = await main(args, test.io);

    // Assess
    expect(code).toBe(2);
    expect(test.started).toEqual([]);
  });

  it('returns 1 and the reason on stderr when the emulator cannot start', async () => {
    // Prepare
    const taken = await startMsfEmulator();
    const test = createTestIo({ start: startMsfEmulator });

    // Act
    const code = await main(['--port', String(taken.port)], test.io);
    await taken.close();

    // Assess
    expect(code).toBe(1);
    expect(test.stderr()).toMatch(/^msf-emulator: cannot start: .*EADDRINUSE/);
    expect(test.stdout()).toBe('');
  });

  it('returns the URL on stdout, serves requests until the stop and then returns 0', async () => {
    // Prepare
    const test = createTestIo({ start: startMsfEmulator, stopManually: true });
    const running = main(['--port', '0', '--transition-ms', '0'], test.io);
    await test.waiting;
    const url = test.stdout().trim();

    // Act
    const response = await fetch(`${url}/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'KinesisAnalytics_20180523.ListApplications',
      },
      body: '{}',
    });
    const body = await response.json();
    test.stop('SIGINT');
    const code = await running;

    // Assess
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(body).toEqual({ ApplicationSummaries: [] });
    expect(code).toBe(0);
    expect(test.stderr()).toBe(
      `MSF emulator listening on ${url} (transitionMs 0); stop with Ctrl-C\nMSF emulator stopping (SIGINT)\n`,
    );
    await expect(fetch(`${url}/`)).rejects.toThrow();
  });
});

describe('Command: tsx packages/msf-emulator/src/cli.ts', () => {
  let child: ChildProcess | undefined;

  afterEach(() => {
    if (child?.exitCode === null) {
      child.kill('SIGKILL');
    }
  });

  it('returns the URL on stdout, serves requests and exits with 0 on SIGTERM', async () => {
    // Prepare
    const started = spawn(TSX, [CLI, '--port', '0', '--transition-ms', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    const lines = createInterface({ input: started.stdout });
    const [url] = (await once(lines, 'line')) as [string];

    // Act
    const response = await fetch(`${url}/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'KinesisAnalytics_20180523.ListApplications',
      },
      body: '{}',
    });
    const body = await response.json();
    const exited = once(started, 'exit');
    started.kill('SIGTERM');
    const [code] = (await exited) as [number | null];

    // Assess
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(body).toEqual({ ApplicationSummaries: [] });
    expect(code).toBe(0);
  });

  it('returns exit code 2 and the usage on stderr for a bad flag', async () => {
    // Prepare
    const started = spawn(TSX, [CLI, '--port', 'http'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });

    // Act
    const [code] = (await once(started, 'exit')) as [number | null];

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(
      "error: option '--port <n>' argument 'http' is invalid. --port must be a whole number from 0 to 65535, got \"http\"",
    );
    expect(stderr).toContain('Usage: msf-emulator [options]');
  });
});
