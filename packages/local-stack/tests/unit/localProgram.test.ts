import { tmpdir } from 'node:os';
import path from 'node:path';
import { exitCodeFor } from '../../src/cli/exitCode';
import { type LocalIo, parseLocalArgs } from '../../src/cli/localProgram';

function anIo(env: Record<string, string> = {}): LocalIo & { readonly out: string[]; readonly err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env,
    waitForStop: () => Promise.resolve('SIGINT'),
  };
}

describe('Function: parseLocalArgs', () => {
  it('defaults to ports 8000 and 8081, 5 s transitions, no seeding and the default table', async () => {
    // Act
    const request = await parseLocalArgs([], anIo());

    // Assess
    expect(request).toEqual({
      ddbPort: 8000,
      msfPort: 8081,
      transitionMs: 5000,
      seed: false,
      table: 'msf-scaler-schedules',
    });
  });

  it('reads every flag', async () => {
    // Act
    const request = await parseLocalArgs(
      ['--ddb-port', '0', '--msf-port', '9001', '--transition-ms', '0', '--seed', '--table', 'mine'],
      anIo(),
    );

    // Assess
    expect(request).toEqual({ ddbPort: 0, msfPort: 9001, transitionMs: 0, seed: true, table: 'mine' });
  });

  it('takes the table from SCHEDULE_TABLE when --table is not given, and the flag over it', async () => {
    // Act
    const fromEnv = await parseLocalArgs([], anIo({ SCHEDULE_TABLE: 'from-env' }));
    const fromFlag = await parseLocalArgs(['--table', 'from-flag'], anIo({ SCHEDULE_TABLE: 'from-env' }));

    // Assess
    expect(fromEnv).toMatchObject({ table: 'from-env' });
    expect(fromFlag).toMatchObject({ table: 'from-flag' });
  });

  it.each([
    [['--ddb-port', 'abc'], '--ddb-port must be a whole number from 0 to 65535, got "abc"'],
    [['--msf-port', '70000'], '--msf-port must be a whole number from 0 to 65535, got "70000"'],
    [['--transition-ms', '-1'], '--transition-ms must be a whole number from 0 to 3600000, got "-1"'],
    [['--nope'], "error: unknown option '--nope'"],
  ])('reports a usage error for %j, which exits 2', async (args, message) => {
    // Prepare
    const io = anIo();

    // Act
    const ending = await parseLocalArgs(args, io);

    // Assess
    expect(ending).toBe('usage-error');
    expect(exitCodeFor('usage-error')).toBe(2);
    expect(io.err.join('')).toContain(message);
  });

  it('prints help on stdout and exits 0 for --help', async () => {
    // Prepare
    const io = anIo();

    // Act
    const ending = await parseLocalArgs(['--help'], io);

    // Assess
    expect(ending).toBe('help');
    expect(exitCodeFor('help')).toBe(0);
    expect(io.out.join('')).toContain('--ddb-port <port>');
    expect(io.out.join('')).toContain('--write-env <path>');
    expect(io.out.join('').replace(/\s+/g, ' ')).toContain(
      'On a clean stop the file is deleted again, once both ports are closed',
    );
    expect(io.out.join('')).not.toContain('--env-file');
  });

  it('resolves --write-env against INIT_CWD, the directory pnpm was started in', async () => {
    // Act
    const request = await parseLocalArgs(['--write-env', 'msf-local.env'], anIo({ INIT_CWD: tmpdir() }));

    // Assess
    expect(request).toMatchObject({ envFile: path.join(tmpdir(), 'msf-local.env') });
  });

  it('refuses --write-env in a missing directory as a usage error (exit 2) naming the directory', async () => {
    // Prepare
    const io = anIo();
    const missing = path.join(tmpdir(), 'msf-local-no-such-dir');

    // Act
    const ending = await parseLocalArgs(['--write-env', path.join(missing, 'msf-local.env')], io);

    // Assess
    expect(ending).toBe('usage-error');
    expect(io.err.join('')).toContain(
      `--write-env: the directory ${missing} does not exist; create it first or choose another path`,
    );
  });

  it('answers --env-file, which Node 20 takes for itself, with the flag to use', async () => {
    // Prepare
    const io = anIo();

    // Act
    const ending = await parseLocalArgs(['--env-file', path.join(tmpdir(), 'msf-local.env')], io);

    // Assess
    expect(ending).toBe('usage-error');
    expect(io.err.join('')).toContain('use --write-env PATH: Node 20 reads --env-file itself');
  });
});
