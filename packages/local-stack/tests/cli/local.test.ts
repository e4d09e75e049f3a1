import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScaler } from '@msf-scaler/scaler';
import { type EnvFileSystem, NodeEnvFileSystem } from '../../src/cli/envFile';
import { type LocalIo, runLocal } from '../../src/cli/localProgram';
import { localClients } from '../../src/localClients';

interface Captured {
  readonly io: LocalIo;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** In-process IO; `whileRunning` runs once the stack is up, then the "user" presses Ctrl+C. */
function capture(
  whileRunning: (stdout: string) => Promise<void> = async () => undefined,
  files: EnvFileSystem = NodeEnvFileSystem,
): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    io: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      env: {},
      files,
      waitForStop: async () => {
        await whileRunning(out.join(''));
        return 'SIGINT';
      },
    },
  };
}

/** The variables of `export NAME=value` lines. */
function exportsOf(stdout: string): Record<string, string> {
  return Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => /^export ([A-Z0-9_]+)=(.*)$/.exec(line))
      .flatMap((match) => (match?.[1] !== undefined && match[2] !== undefined ? [[match[1], match[2]]] : [])),
  );
}

describe('Command: pnpm local', () => {
  it('prints only export lines on stdout, serves the seeded world until Ctrl+C, then exits 0', async () => {
    // Prepare
    let planned = 0;
    const session = capture(async (stdout) => {
      const env = exportsOf(stdout);
      const clients = localClients({
        ddbEndpoint: env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
        msfEndpoint: env.AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2 ?? '',
        region: env.AWS_REGION ?? '',
      });
      const summary = await runScaler({
        clients,
        table: env.SCHEDULE_TABLE ?? '',
        instant: new Date('2026-11-27T20:00:00Z'),
        dryRun: true,
      });
      clients.destroy();
      planned = summary.total - summary.counts.error;
    });

    // Act
    const code = await runLocal(['--ddb-port', '0', '--msf-port', '0', '--transition-ms', '0', '--seed'], session.io);

    // Assess
    expect(code).toBe(0);
    expect(planned).toBe(11);
    expect(
      session
        .stdout()
        .trim()
        .split('\n')
        .every((line) => line.startsWith('export ')),
    ).toBe(true);
    expect(Object.keys(exportsOf(session.stdout()))).toEqual([
      'AWS_ENDPOINT_URL_DYNAMODB',
      'AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2',
      'AWS_REGION',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'SCHEDULE_TABLE',
      'AWS_DEFAULT_REGION',
    ]);
    expect(session.stderr()).toContain('pnpm msf-scaler plan --at 2026-11-27T20:00:00Z');
    expect(session.stderr()).toContain('aws kinesisanalyticsv2 list-applications');
    expect(session.stderr()).toContain('aws dynamodb scan --table-name msf-scaler-schedules');
    expect(session.stderr()).toContain('Seeded 11 rows, 1 calendar and 11 applications (10 started)');
    expect(session.stderr()).toMatch(/SIGINT: stopping the local stack\.\.\.\nStopped\.\n$/);
  });

  it('exits 2 on a usage error without starting anything', async () => {
    // Prepare
    const session = capture();

    // Act
    const code = await runLocal(['--transition-ms', 'soon'], session.io);

    // Assess
    expect(code).toBe(2);
    expect(session.stdout()).toBe('');
    expect(session.stderr()).toContain('--transition-ms must be a whole number from 0 to 3600000, got "soon"');
  });

  describe('with --write-env', () => {
    let directory = '';

    beforeEach(() => {
      directory = mkdtempSync(path.join(tmpdir(), 'msf-local-cli-'));
    });

    afterEach(() => {
      rmSync(directory, { recursive: true, force: true });
    });

    it('writes the same export lines as stdout to the file once ready, then deletes it on stop', async () => {
      // Prepare
      const target = path.join(directory, 'msf-local.env');
      let whileRunning: { readonly text: string; readonly entries: string[] } | undefined;
      const session = capture(async () => {
        whileRunning = { text: readFileSync(target, 'utf8'), entries: readdirSync(directory) };
      });

      // Act
      const code = await runLocal(
        ['--ddb-port', '0', '--msf-port', '0', '--transition-ms', '0', '--write-env', target],
        session.io,
      );

      // Assess
      expect(code).toBe(0);
      expect(whileRunning?.text).toBe(session.stdout());
      expect(Object.keys(exportsOf(whileRunning?.text ?? ''))).toContain('AWS_ENDPOINT_URL_DYNAMODB');
      expect(whileRunning?.entries).toEqual(['msf-local.env']);
      expect(existsSync(target)).toBe(false);
      expect(session.stderr()).toContain(`run \`. ${target}\``);
    });

    it('exits 2 without starting anything when the directory of the file does not exist, naming it', async () => {
      // Prepare
      const missing = path.join(directory, 'no-such-dir');
      const session = capture();

      // Act
      const code = await runLocal(['--write-env', path.join(missing, 'msf-local.env')], session.io);

      // Assess
      expect(code).toBe(2);
      expect(session.stdout()).toBe('');
      expect(session.stderr()).toContain(`--write-env: the directory ${missing} does not exist`);
      expect(session.stderr()).not.toContain('Local stack running');
    });

    it('exits 1, prints nothing on stdout and stops the stack when the file cannot be written', async () => {
      // Prepare
      let ran = false;
      const session = capture(
        async () => {
          ran = true;
        },
        {
          ...NodeEnvFileSystem,
          writeFile: async () => {
            throw new Error('EACCES: permission denied');
          },
        },
      );

      // Act
      const code = await runLocal(
        ['--ddb-port', '0', '--msf-port', '0', '--write-env', path.join(directory, 'msf-local.env')],
        session.io,
      );

      // Assess
      expect(code).toBe(1);
      expect(ran).toBe(false);
      expect(session.stdout()).toBe('');
      expect(session.stderr()).toContain(
        `error: cannot write --write-env ${path.join(directory, 'msf-local.env')}: EACCES: permission denied`,
      );
      expect(readdirSync(directory)).toEqual([]);
    });
  });
});
