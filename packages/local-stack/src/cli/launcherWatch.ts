/**
 * Why `pnpm local` watches the processes that launched it, and not only signals.
 *
 * `pnpm local` runs as a chain of four processes, all in one process group:
 *
 *   pnpm (node) -> sh -c "tsx packages/local-stack/src/cli/local.ts ..." -> tsx (node) -> node (this file; the servers)
 *
 * Ctrl+C is fine: the terminal sends SIGINT to the whole foreground process group, so the
 * servers' process gets it directly. `kill <pid>` sends to one process only:
 * - to pnpm: pnpm forwards SIGTERM (and SIGINT) to its child, `sh`, and exits; dash, waiting
 *   for a foreground command, dies of the signal without passing it on. tsx is re-parented
 *   (to init or a subreaper) and never hears of it, so neither does this process: both
 *   servers keep listening and the next start fails with EADDRINUSE. The same happens when
 *   `sh` itself, or any wrapper of the command (a script, a `sh -c` in a test), is killed,
 *   and with SIGKILL to anything above us, which nothing can forward.
 * - to tsx: tsx relays SIGINT and SIGTERM to its child, but not SIGHUP (it dies of it).
 * Node cannot ask the kernel for a parent-death signal (PR_SET_PDEATHSIG), and the servers'
 * process cannot see tsx's parent change through `process.ppid`, which is tsx's pid and stays
 * so. Hence this watch: at start, record each "child -> parent" link from this process up
 * through its launchers (the ancestors in its own process group: from an interactive shell,
 * the job, i.e. pnpm and what it started, never the shell itself; from a script without job
 * control, the script too; start it under `setsid` to detach it from all of them), then poll
 * them on an unref'd timer. When any launcher exits, the kernel re-parents its child, a link
 * breaks, and the stack stops as if it had been sent SIGTERM.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One row of the process table: the parent and the process group of a pid. */
interface ProcessEntry {
  readonly ppid: number;
  readonly pgid: number;
}

/**
 * Reads the rows of `pids`; a pid with no row has exited. Throws when the table cannot be read
 * at all (the watch then skips that poll rather than stopping the stack).
 */
type ProcessTable = (pids: readonly number[]) => ReadonlyMap<number, ProcessEntry>;

/** "`child`'s parent is `parent`": broken once either exits (the kernel re-parents an orphan). */
interface LauncherLink {
  readonly child: number;
  readonly parent: number;
}

/** Options of {@link watchLaunchers}; the defaults are the real process. */
interface LauncherWatchOptions {
  /** @default systemProcessTable() */
  readonly table?: ProcessTable;
  /** @default process.pid */
  readonly selfPid?: number;
  /** How often the links are checked. @default WatchDefaults.INTERVAL_MS */
  readonly intervalMs?: number;
}

/** Defaults of the launcher watch. */
const WatchDefaults = {
  /** Poll period: a killed `pnpm local` frees its ports within about this long. */
  INTERVAL_MS: 500,
  /** More launchers than this means a loop in a broken table; stop walking. */
  MAX_DEPTH: 32,
} as const;

function entryOf(table: ProcessTable, pid: number): ProcessEntry | undefined {
  return table([pid]).get(pid);
}

/**
 * The links from `selfPid` up through its launchers: always self -> parent (unless the parent
 * is init, pid 1, which never exits), then each further ancestor while the parent is in
 * `selfPid`'s process group. pid 1 is never a parent in a link: an orphan's ppid is 1 (or a
 * subreaper) already, there is nothing left to watch.
 *
 * @example
 * launcherLinks(400, table); // [{ child: 400, parent: 300 }, { child: 300, parent: 200 }, { child: 200, parent: 100 }]
 */
function launcherLinks(selfPid: number, table: ProcessTable): LauncherLink[] {
  const self = entryOf(table, selfPid);
  if (self === undefined) return [];
  const links: LauncherLink[] = [];
  let child = selfPid;
  let entry: ProcessEntry = self;
  for (let depth = 0; depth < WatchDefaults.MAX_DEPTH && entry.ppid > 1; depth += 1) {
    const parent = entry.ppid;
    const parentEntry = entryOf(table, parent);
    const inGroup = parentEntry !== undefined && parentEntry.pgid === self.pgid;
    if (child !== selfPid && !inGroup) break;
    links.push({ child, parent });
    if (parentEntry === undefined || !inGroup) break;
    child = parent;
    entry = parentEntry;
  }
  return links;
}

/**
 * Which launcher has exited, judged on fresh rows of the links' children: a child with no row
 * has exited, a child with another parent lost that parent.
 *
 * @returns a reason such as `launcher process 200 exited`, or undefined when every link holds.
 * @example
 * brokenLink([{ child: 300, parent: 200 }], new Map([[300, { ppid: 1, pgid: 100 }]])); // 'launcher process 200 exited'
 */
function brokenLink(links: readonly LauncherLink[], rows: ReadonlyMap<number, ProcessEntry>): string | undefined {
  for (const link of links) {
    const row = rows.get(link.child);
    if (row === undefined) return `launcher process ${link.child} exited`;
    if (row.ppid !== link.parent) return `launcher process ${link.parent} exited`;
  }
  return undefined;
}

/** Parses `/proc/<pid>/stat`: `pid (comm) state ppid pgrp ...`; comm may hold spaces and parentheses. */
function parseProcStat(text: string): ProcessEntry | undefined {
  const fields = text
    .slice(text.lastIndexOf(')') + 1)
    .trim()
    .split(/\s+/);
  const ppid = Number(fields[1]);
  const pgid = Number(fields[2]);
  return Number.isInteger(ppid) && Number.isInteger(pgid) ? { ppid, pgid } : undefined;
}

/** Parses `ps -o pid=,ppid=,pgid=` output: one `pid ppid pgid` row a line. */
function parsePsOutput(text: string): Map<number, ProcessEntry> {
  const rows = new Map<number, ProcessEntry>();
  for (const line of text.split('\n')) {
    const [pid, ppid, pgid] = line.trim().split(/\s+/).map(Number);
    if (Number.isInteger(pid) && Number.isInteger(ppid) && Number.isInteger(pgid)) {
      rows.set(pid as number, { ppid: ppid as number, pgid: pgid as number });
    }
  }
  return rows;
}

/** The table from Linux's /proc: a few small reads a poll, no child process. */
function procfsTable(pids: readonly number[]): ReadonlyMap<number, ProcessEntry> {
  const rows = new Map<number, ProcessEntry>();
  for (const pid of pids) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch (error) {
      if ((error as { readonly code?: unknown }).code === 'ENOENT') continue;
      throw error;
    }
    const entry = parseProcStat(text);
    if (entry !== undefined) rows.set(pid, entry);
  }
  return rows;
}

/** The table from `ps` (macOS, the BSDs): one `ps` run a poll. */
function psTable(pids: readonly number[]): ReadonlyMap<number, ProcessEntry> {
  // ps exits 1 when some pid is gone; its output still lists the others.
  const result = spawnSync('ps', ['-o', 'pid=,ppid=,pgid=', '-p', pids.join(',')], { encoding: 'utf8' });
  if (result.error !== undefined) throw result.error;
  return parsePsOutput(result.stdout);
}

/** Where there is no process table to read (Windows): this process and its live `process.ppid` only. */
function selfOnlyTable(pids: readonly number[]): ReadonlyMap<number, ProcessEntry> {
  return new Map(pids.includes(process.pid) ? [[process.pid, { ppid: process.ppid, pgid: 0 }]] : []);
}

/** The best process table of this platform: /proc, else `ps`, else this process alone. */
function systemProcessTable(): ProcessTable {
  const candidates: ProcessTable[] = process.platform === 'win32' ? [] : [procfsTable, psTable];
  for (const table of candidates) {
    try {
      if (table([process.pid]).has(process.pid)) return table;
    } catch {
      // Not available here; try the next one.
    }
  }
  return selfOnlyTable;
}

/**
 * Calls `onGone` once, with a reason, when a process that launched this one exits (see the
 * comment at the top of this file for why signals alone are not enough). The links are
 * recorded now, so call it as early as possible; the timer is unref'd and never keeps the
 * process alive.
 *
 * @returns a function that stops the watch.
 * @example
 * const stopWatching = watchLaunchers((reason) => stop(reason));
 */
function watchLaunchers(onGone: (reason: string) => void, options: LauncherWatchOptions = {}): () => void {
  const table = options.table ?? systemProcessTable();
  const selfPid = options.selfPid ?? process.pid;
  let links: LauncherLink[] = [];
  try {
    links = launcherLinks(selfPid, table);
  } catch {
    // No table: nothing to watch; signals still work.
  }
  if (links.length === 0) return () => undefined;
  const timer = setInterval(() => {
    let rows: ReadonlyMap<number, ProcessEntry>;
    try {
      rows = table(links.map((link) => link.child));
    } catch {
      return; // A failed read says nothing about the launchers; try again next time.
    }
    if (!rows.has(selfPid)) return; // This process is alive, so the read is wrong.
    const reason = brokenLink(links, rows);
    if (reason === undefined) return;
    clearInterval(timer);
    onGone(reason);
  }, options.intervalMs ?? WatchDefaults.INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export type { LauncherLink, LauncherWatchOptions, ProcessEntry, ProcessTable };
export {
  brokenLink,
  launcherLinks,
  parseProcStat,
  parsePsOutput,
  procfsTable,
  psTable,
  systemProcessTable,
  WatchDefaults,
  watchLaunchers,
};
