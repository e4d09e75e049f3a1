import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(REPO_ROOT, 'packages/local-stack/src/cli/local.ts');

/** Generous bounds on eventual states; nothing here depends on how fast the machine is. */
const Bounds = {
  /** From spawn to the env file: tsx compiles the sources, both servers start. */
  READY_MS: 20_000,
  /** From the kill to both ports closed and every process gone. */
  STOP_MS: 15_000,
  POLL_MS: 100,
  TEST_MS: 60_000,
} as const;

/** One spawned `pnpm local`, in its own process group so that afterAll can kill all of it. */
interface Session {
  readonly child: ChildProcess;
  readonly envFile: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves once no process holds the stderr pipe any more: the whole tree has exited. */
  readonly allExited: Promise<void>;
}

const sessions: ChildProcess[] = [];
let directory = '';

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'msf-local-lifecycle-'));
});

afterAll(() => {
  for (const child of sessions) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGKILL'); // the whole group: wrapper, tsx, the servers' node, esbuild
    } catch {
      // Already gone, as it should be.
    }
  }
  rmSync(directory, { recursive: true, force: true });
});

/** Starts `command args... --ddb-port 0 --msf-port 0 --write-env <file>` in a new process group. */
function start(name: string, command: string, args: readonly string[]): Session {
  const envFile = path.join(directory, `${name}.env`);
  const child = spawn(
    command,
    [...args, '--ddb-port', '0', '--msf-port', '0', '--transition-ms', '0', '--write-env', envFile],
    { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  sessions.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const allExited = once(child.stderr as NodeJS.ReadableStream, 'close').then(() => undefined);
  return { child, envFile, stdout: () => stdout, stderr: () => stderr, allExited };
}

/** Polls `probe` until it returns a value, failing after `bound` ms with `what`. */
async function eventually<T>(what: string, bound: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + bound;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${bound} ms`);
    await sleep(Bounds.POLL_MS);
  }
}

/** Resolves within `bound` ms, or fails with `what`. */
async function within<T>(what: string, bound: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${bound} ms`)), bound);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** True once a TCP connection to the endpoint is refused, false while something accepts it. */
function refuses(endpoint: string): Promise<boolean> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'ECONNREFUSED');
    });
  });
}

/** Waits for the env file (it must appear only once both servers accept) and returns the two endpoints. */
async function endpointsOnceReady(session: Session): Promise<readonly string[]> {
  const text = await eventually('the env file', Bounds.READY_MS, async () => {
    if (session.child.exitCode !== null || session.child.signalCode !== null) {
      throw new Error(`pnpm local exited before it was ready:\n${session.stderr()}`);
    }
    return existsSync(session.envFile) ? readFileSync(session.envFile, 'utf8') : undefined;
  });
  const endpoints = ['AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2'].map(
    (name) => new RegExp(`^export ${name}=(http://127\\.0\\.0\\.1:\\d+)$`, 'm').exec(text)?.[1] ?? `(no ${name})`,
  );
  expect(endpoints).toEqual([expect.stringMatching(/^http:/), expect.stringMatching(/^http:/)]);
  return endpoints;
}

/** Both endpoints refuse connections, eventually. */
async function bothRefuse(endpoints: readonly string[]): Promise<void> {
  await eventually('both ports closed', Bounds.STOP_MS, async () =>
    (await Promise.all(endpoints.map(refuses))).every(Boolean) ? true : undefined,
  );
}

describe('Process: pnpm local', () => {
  it(
    'writes the env file once both servers accept, and on SIGTERM (a second signal while closing included) closes both and exits 0',
    async () => {
      // Prepare: node runs the CLI itself (tsx as a loader), so the signal goes to the servers' process.
      const session = start('direct', process.execPath, ['--import', 'tsx', CLI]);
      const endpoints = await endpointsOnceReady(session);
      const acceptedWhenReady = await Promise.all(endpoints.map(refuses));
      const exited = once(session.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

      // Act
      session.child.kill('SIGTERM');
      session.child.kill('SIGINT');

      // Assess
      const [code, signal] = await within('exit', Bounds.STOP_MS, exited);
      await bothRefuse(endpoints);
      expect(acceptedWhenReady).toEqual([false, false]);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(session.stdout()).toContain(`export AWS_ENDPOINT_URL_DYNAMODB=${endpoints[0]}\n`);
      // Both signals are pending at once; the kernel hands over the lower-numbered one first.
      expect(session.stderr()).toMatch(/\n(SIGTERM|SIGINT): stopping the local stack\.\.\.\nStopped\.\n$/);
      expect(session.stderr().match(/stopping the local stack/g)).toHaveLength(1);
      expect(existsSync(session.envFile)).toBe(false);
    },
    Bounds.TEST_MS,
  );

  it(
    'stops both servers when the shell wrapping it is killed (as pnpm kills its `sh -c` on SIGTERM), which passes no signal on',
    async () => {
      // Prepare: sh -> tsx -> node, like pnpm's `sh -c "tsx ..."`; the `; echo` keeps sh from exec'ing tsx.
      const session = start('wrapped', 'sh', ['-c', '"$0" "$@"; echo "wrapper: tsx exited with $?" >&2', TSX, CLI]);
      const endpoints = await endpointsOnceReady(session);
      const wrapper = session.child.pid;

      // Act
      session.child.kill('SIGTERM');

      // Assess
      await eventually('the env file deleted', Bounds.STOP_MS, async () =>
        existsSync(session.envFile) ? undefined : true,
      );
      const refusedOnceDeleted = await Promise.all(endpoints.map(refuses));
      await within('every process of the tree to exit', Bounds.STOP_MS, session.allExited);
      expect(refusedOnceDeleted).toEqual([true, true]); // deleted only after both servers closed
      expect(session.child.signalCode).toBe('SIGTERM');
      expect(session.stderr()).not.toContain('wrapper:');
      // Written only right before runLocal returns exit code 0 (the process is not ours to wait for).
      expect(session.stderr()).toMatch(
        new RegExp(`launcher process ${wrapper} exited: stopping the local stack\\.\\.\\.\\nStopped\\.\\n$`),
      );
      expect(existsSync(session.envFile)).toBe(false);
    },
    Bounds.TEST_MS,
  );

  it(
    'stops both servers when its direct parent, tsx, is killed with SIGKILL, which nothing can forward',
    async () => {
      // Prepare
      const session = start('orphaned', TSX, [CLI]);
      const endpoints = await endpointsOnceReady(session);
      const tsx = session.child.pid;

      // Act
      session.child.kill('SIGKILL');

      // Assess
      await within('every process of the tree to exit', Bounds.STOP_MS, session.allExited);
      await bothRefuse(endpoints);
      expect(session.stderr()).toMatch(
        new RegExp(`launcher process ${tsx} exited: stopping the local stack\\.\\.\\.\\nStopped\\.\\n$`),
      );
      expect(existsSync(session.envFile)).toBe(false);
    },
    Bounds.TEST_MS,
  );
});
