import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_CLI_PORT, parseCliArgs } from '../../src/cli';
import { CliUsageError } from '../../src/errors';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(REPO_ROOT, 'packages/msf-emulator/src/cli.ts');

describe('Function: parseCliArgs', () => {
  it('returns the default port and no other options for an empty command line', () => {
    // Act
    const command = parseCliArgs([]);

    // Assess
    expect(command).toEqual({ help: false, options: { port: DEFAULT_CLI_PORT, faults: {} } });
  });

  it('returns every flag as an emulator option', () => {
    // Act
    const command = parseCliArgs([
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
    ]);

    // Assess
    expect(command).toEqual({
      help: false,
      options: {
        port: 0,
        host: '0.0.0.0',
        transitionMs: 250,
        region: 'eu-west-1',
        accountId: '111122223333',
        faults: { latencyMs: 5, throttleRate: 0.1, serverErrorRate: 0.2 },
      },
    });
  });

  it('returns a help request for -h', () => {
    // Act
    const command = parseCliArgs(['-h']);

    // Assess
    expect(command).toEqual({ help: true });
  });

  it.each([
    [['--port', 'http'], "--port is 'http'; use a number from 0 to 65535"],
    [['--port', '1.5'], "--port is '1.5'; use a whole number from 0 to 65535"],
    [['--throttle-rate', '2'], "--throttle-rate is '2'; use a number from 0 to 1"],
    [['--transition-ms=-1'], "--transition-ms is '-1'; use a number from 0 to 9007199254740991"],
  ])('throws CliUsageError for %j', (argv, message) => {
    // Act
    const act = (): unknown => parseCliArgs(argv);

    // Assess
    expect(act).toThrow(new CliUsageError(message));
  });

  it('throws CliUsageError for an unknown flag', () => {
    // Act
    const act = (): unknown => parseCliArgs(['--verbose']);

    // Assess
    expect(act).toThrow(CliUsageError);
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
    expect(stderr).toContain("msf-emulator: --port is 'http'; use a number from 0 to 65535");
    expect(stderr).toContain('Usage: msf-emulator [options]');
  });
});
