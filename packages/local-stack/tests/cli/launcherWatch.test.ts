import {
  brokenLink,
  launcherLinks,
  type ProcessEntry,
  type ProcessTable,
  parseProcStat,
  parsePsOutput,
  procfsTable,
  psTable,
  watchLaunchers,
} from '../../src/cli/launcherWatch';

/**
 * `pnpm local` from an interactive shell: bash (pgid 10) -> pnpm 100 (leader of group 100)
 * -> sh 200 -> tsx 300 -> node 400, all in group 100.
 */
function aPnpmChain(): Map<number, ProcessEntry> {
  return new Map([
    [1, { ppid: 0, pgid: 1 }],
    [10, { ppid: 1, pgid: 10 }],
    [100, { ppid: 10, pgid: 100 }],
    [200, { ppid: 100, pgid: 100 }],
    [300, { ppid: 200, pgid: 100 }],
    [400, { ppid: 300, pgid: 100 }],
  ]);
}

function tableOf(rows: ReadonlyMap<number, ProcessEntry>): ProcessTable {
  return (pids) => new Map(pids.flatMap((pid) => (rows.has(pid) ? [[pid, rows.get(pid) as ProcessEntry]] : [])));
}

/** What the kernel does when `pid` exits: its children are re-parented to init. */
function exit(rows: Map<number, ProcessEntry>, pid: number): void {
  rows.delete(pid);
  for (const [child, entry] of rows) if (entry.ppid === pid) rows.set(child, { ...entry, ppid: 1 });
}

describe('Function: launcherLinks', () => {
  it('links this process up to the leader of its process group, never to the shell that started the job', () => {
    // Act
    const links = launcherLinks(400, tableOf(aPnpmChain()));

    // Assess
    expect(links).toEqual([
      { child: 400, parent: 300 },
      { child: 300, parent: 200 },
      { child: 200, parent: 100 },
    ]);
  });

  it('always links to the direct parent, even outside the group (started with setsid, or by a detached spawn)', () => {
    // Prepare
    const rows = new Map([
      [50, { ppid: 1, pgid: 50 }],
      [400, { ppid: 50, pgid: 400 }],
    ]);

    // Act
    const links = launcherLinks(400, tableOf(rows));

    // Assess
    expect(links).toEqual([{ child: 400, parent: 50 }]);
  });

  it('has nothing to watch when the parent is init already', () => {
    // Act
    const links = launcherLinks(400, tableOf(new Map([[400, { ppid: 1, pgid: 400 }]])));

    // Assess
    expect(links).toEqual([]);
  });
});

describe('Function: brokenLink', () => {
  it.each([
    [100, 'launcher process 100 exited'], // kill <pnpm>: sh is re-parented
    [200, 'launcher process 200 exited'], // pnpm kills sh, which does not pass SIGTERM on
    [300, 'launcher process 300 exited'], // tsx killed with SIGKILL (or SIGHUP, which it does not relay)
  ])('names launcher %d once it has exited', (pid, reason) => {
    // Prepare
    const rows = aPnpmChain();
    const links = launcherLinks(400, tableOf(rows));
    exit(rows, pid);

    // Act
    const broken = brokenLink(links, rows);

    // Assess
    expect(broken).toBe(reason);
  });

  it('sees nothing broken while every launcher runs, or when only the shell above the job exits', () => {
    // Prepare
    const rows = aPnpmChain();
    const links = launcherLinks(400, tableOf(rows));

    // Act
    const whileRunning = brokenLink(links, rows);
    exit(rows, 10);
    const shellGone = brokenLink(links, rows);

    // Assess
    expect(whileRunning).toBeUndefined();
    expect(shellGone).toBeUndefined();
  });
});

describe('Function: watchLaunchers', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('calls back once, at the first poll after a launcher exits, on a timer that does not keep the process alive', () => {
    // Prepare
    jest.useFakeTimers();
    const rows = aPnpmChain();
    const reasons: string[] = [];
    const setIntervalSpy = jest.spyOn(global, 'setInterval');
    watchLaunchers((reason) => reasons.push(reason), { table: tableOf(rows), selfPid: 400, intervalMs: 500 });
    const timer = setIntervalSpy.mock.results[0]?.value as { hasRef(): boolean };

    // Act
    jest.advanceTimersByTime(1000);
    const beforeExit = [...reasons];
    exit(rows, 200);
    jest.advanceTimersByTime(2000);

    // Assess
    expect(beforeExit).toEqual([]);
    expect(reasons).toEqual(['launcher process 200 exited']);
    expect(timer.hasRef()).toBe(false);
  });

  it('skips a poll whose read fails or misses this very process, rather than stopping the stack', () => {
    // Prepare
    jest.useFakeTimers();
    const rows = aPnpmChain();
    let reads = 0;
    const flaky: ProcessTable = (pids) => {
      reads += 1;
      if (reads === 2) throw new Error('EAGAIN');
      if (reads === 3) return new Map();
      return tableOf(rows)(pids);
    };
    const reasons: string[] = [];
    watchLaunchers((reason) => reasons.push(reason), { table: flaky, selfPid: 400, intervalMs: 500 });

    // Act
    jest.advanceTimersByTime(1500);

    // Assess
    expect(reasons).toEqual([]);
  });

  it('stops polling once stopped', () => {
    // Prepare
    jest.useFakeTimers();
    const rows = aPnpmChain();
    const reasons: string[] = [];
    const stop = watchLaunchers((reason) => reasons.push(reason), {
      table: tableOf(rows),
      selfPid: 400,
      intervalMs: 500,
    });

    // Act
    stop();
    exit(rows, 300);
    jest.advanceTimersByTime(2000);

    // Assess
    expect(reasons).toEqual([]);
  });
});

describe('Function: parseProcStat', () => {
  it('reads ppid and pgrp after the command name, even one with spaces and parentheses', () => {
    // Act
    const entry = parseProcStat('4242 (node (tsx) x) S 4200 4100 4100 34816 4100 4194304 ...');

    // Assess
    expect(entry).toEqual({ ppid: 4200, pgid: 4100 });
  });
});

describe('Function: parsePsOutput', () => {
  it('reads one row a line and ignores anything else', () => {
    // Act
    const rows = parsePsOutput('  4242  4200  4100\n 4200 4100 4100\n\nps: junk\n');

    // Assess
    expect(rows).toEqual(
      new Map([
        [4242, { ppid: 4200, pgid: 4100 }],
        [4200, { ppid: 4100, pgid: 4100 }],
      ]),
    );
  });
});

const onLinux = process.platform === 'linux' ? describe : describe.skip;

onLinux('The process tables of this machine', () => {
  it('agree with Node on this process, and leave out a pid that does not exist', () => {
    // Prepare
    const pids = [process.pid, 2 ** 22 + 1];

    // Act
    const fromProc = procfsTable(pids);
    const fromPs = psTable(pids);

    // Assess
    expect(fromProc.get(process.pid)?.ppid).toBe(process.ppid);
    expect(fromPs).toEqual(fromProc);
    expect(fromProc.has(2 ** 22 + 1)).toBe(false);
  });
});
