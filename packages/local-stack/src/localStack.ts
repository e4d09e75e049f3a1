import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FaultOptions, type MsfEmulator, startMsfEmulator } from '@msf-scaler/msf-emulator';
import { Defaults, EnvVar } from '@msf-scaler/scaler';
import dynalite from 'dynalite';
import { LocalDefaults, LocalEnvVar } from './constants';
import { LocalStackError, PortInUseError } from './errors';
import { createEventSink, type SinkEvent } from './eventSink';
import { localClients } from './localClients';
import { ensureHistoryTable, ensureScheduleTable } from './scheduleTable';

/** Options of {@link startLocalStack}. Every field is optional. */
interface LocalStackOptions {
  /** DynamoDB (dynalite) port; 0 picks a free one. @default 0 */
  readonly ddbPort?: number;
  /** MSF emulator port; 0 picks a free one. @default 0 */
  readonly msfPort?: number;
  /** Port of the local EventBridge sink (PutEvents); 0 picks a free one. @default 0 */
  readonly eventsPort?: number;
  /** Interface both servers listen on. @default '127.0.0.1' */
  readonly host?: string;
  /** How long MSF transitions (STARTING, UPDATING, ...) take; 0 completes them before the next request. @default the emulator's (1000) */
  readonly transitionMs?: number;
  /** Schedule table created at start. @default Defaults.TABLE_NAME ('msf-scaler-schedules') */
  readonly tableName?: string;
  /**
   * History (audit trail) table created at start: the scaler's and the CLI's default, so runs
   * and `msf-scaler history` find it without HISTORY_TABLE. @default Defaults.HISTORY_TABLE ('msf-scaler-history')
   */
  readonly historyTableName?: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** The emulator's clock (timestamps of applications and operations). @default () => new Date() */
  readonly clock?: () => Date;
  /** Faults the emulator injects from the start (latency, throttling, 5xx). @default none */
  readonly faults?: FaultOptions;
}

/** A running local world: dynalite with the schedule and history tables, and the MSF emulator. */
interface LocalStack {
  /** e.g. `http://127.0.0.1:8000` */
  readonly ddbEndpoint: string;
  /** e.g. `http://127.0.0.1:8081` */
  readonly msfEndpoint: string;
  /**
   * The local EventBridge sink that accepts PutEvents, e.g. `http://127.0.0.1:8082`:
   * {@link localClients} points the EventBridge client at it (give it to other tools as
   * `AWS_ENDPOINT_URL_EVENTBRIDGE`; it is not in `env`, which the runs of `pnpm local` do not publish with).
   */
  readonly eventsEndpoint: string;
  readonly region: string;
  readonly tableName: string;
  /** The history table runs record what they did in. */
  readonly historyTableName: string;
  readonly emulator: MsfEmulator;
  /** The events the sink accepted so far, in arrival order (runs publish them with `events: true`). */
  events(): readonly SinkEvent[];
  /**
   * What a shell needs to point the scaler, its CLI or the AWS CLI here:
   * AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2, AWS_REGION,
   * AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (both `local`), SCHEDULE_TABLE.
   */
  readonly env: Readonly<Record<string, string>>;
  /**
   * Runs `task` when the stack is closed, before the servers stop: to read what was left in the
   * tables by code that closes the stack itself (`pnpm start` reads the demo's history so). Tasks
   * run in order; the servers stop even when one fails, and `close` then rejects with its error.
   */
  beforeClose(task: () => Promise<void>): void;
  /** Stops the servers. Safe to call more than once (later calls wait for the first). */
  close(): Promise<void>;
}

// Duck-typed rather than `instanceof Error`: errors from Node's core come from another realm
// under jest, and the emulator may wrap the listen error, so walk the cause chain.
function errnoCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, cause } = current as { readonly code?: unknown; readonly cause?: unknown };
    if (typeof code === 'string') return code;
    current = cause;
  }
  return undefined;
}

function describeCause(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null ? (error as { readonly message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}

/** Turns a listen failure into an error that names the port and the option to change. */
function listenError(
  what: string,
  host: string,
  port: number,
  flag: string,
  option: string,
  error: unknown,
): LocalStackError {
  const change = `choose another port with ${flag} (pnpm local) or ${option} (startLocalStack), or 0 for any free port`;
  switch (errnoCode(error)) {
    case 'EADDRINUSE':
      return new PortInUseError(
        port,
        `${what} cannot listen on ${host}:${port}: the port is already in use; stop what uses it or ${change}`,
        { cause: error },
      );
    case 'EACCES':
      return new PortInUseError(
        port,
        `${what} cannot listen on ${host}:${port}: permission denied (ports below 1024 need privileges); ${change}`,
        { cause: error },
      );
    default:
      return new LocalStackError(`${what} cannot start on ${host}:${port}: ${describeCause(error)}`, { cause: error });
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    function onError(error: Error): void {
      reject(error);
    }
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // close() waits for open sockets; the SDK keeps connections alive, so cut them now.
    server.closeAllConnections();
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts the local world in this process: dynalite (in memory), the MSF emulator and a sink
 * that accepts EventBridge's PutEvents and keeps the events (`events()`), all on loopback, then creates the schedule and history tables and waits until they are ACTIVE. Nothing here
 * needs an AWS account or the network.
 *
 * If anything fails half-way (a port in use, say), whatever had started is closed and a
 * {@link LocalStackError} names the port and the option to change.
 *
 * @example
 * const stack = await startLocalStack({ ddbPort: 0, msfPort: 0, transitionMs: 0 });
 * try {
 *   await runScaler({ clients: localClients(stack), table: stack.tableName, instant: new Date('2026-11-27T08:00:00Z') });
 * } finally {
 *   await stack.close();
 * }
 */
async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const host = options.host ?? LocalDefaults.HOST;
  const region = options.region ?? LocalDefaults.REGION;
  const tableName = options.tableName ?? Defaults.TABLE_NAME;
  const historyTableName = options.historyTableName ?? Defaults.HISTORY_TABLE;
  const ddbPort = options.ddbPort ?? 0;
  const msfPort = options.msfPort ?? 0;
  // Stop functions of what has started, in start order.
  const started: Array<() => Promise<void>> = [];
  async function stopAll(): Promise<void> {
    const failures: unknown[] = [];
    for (const stop of started.splice(0).reverse()) {
      await stop().catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) {
      throw new LocalStackError(`could not stop the local stack cleanly: ${failures.map(describeCause).join('; ')}`, {
        cause: failures[0],
      });
    }
  }

  try {
    const ddbServer = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    let ddbListening: number;
    try {
      ddbListening = await listen(ddbServer, ddbPort, host);
    } catch (error) {
      throw listenError('DynamoDB (dynalite)', host, ddbPort, '--ddb-port', 'ddbPort', error);
    }
    started.push(() => closeServer(ddbServer));

    let emulator: MsfEmulator;
    try {
      emulator = await startMsfEmulator({
        port: msfPort,
        host,
        region,
        ...(options.transitionMs !== undefined ? { transitionMs: options.transitionMs } : {}),
        ...(options.clock !== undefined ? { clock: options.clock } : {}),
        ...(options.faults !== undefined ? { faults: options.faults } : {}),
      });
    } catch (error) {
      throw listenError('the MSF emulator', host, msfPort, '--msf-port', 'msfPort', error);
    }
    started.push(() => emulator.close());

    const sink = createEventSink();
    const eventsPort = options.eventsPort ?? 0;
    let eventsListening: number;
    try {
      eventsListening = await listen(sink.server, eventsPort, host);
    } catch (error) {
      throw listenError('the EventBridge sink', host, eventsPort, '--events-port', 'eventsPort', error);
    }
    started.push(() => closeServer(sink.server));
    const eventsEndpoint = `http://${urlHost(host)}:${eventsListening}`;

    const ddbEndpoint = `http://${urlHost(host)}:${ddbListening}`;
    const msfEndpoint = emulator.url;
    const setup = localClients({ ddbEndpoint, msfEndpoint, region });
    let creating = `the schedule table "${tableName}"`;
    try {
      await ensureScheduleTable(setup.dynamodbClient, tableName, LocalDefaults.TABLE_ACTIVE_TIMEOUT_MS);
      creating = `the history table "${historyTableName}"`;
      await ensureHistoryTable(setup.dynamodbClient, historyTableName, LocalDefaults.TABLE_ACTIVE_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof LocalStackError) throw error;
      throw new LocalStackError(`cannot create ${creating} in dynalite at ${ddbEndpoint}: ${describeCause(error)}`, {
        cause: error,
      });
    } finally {
      setup.destroy();
    }

    const closeTasks: Array<() => Promise<void>> = [];
    /** The close tasks, in order; the first failure is rethrown once the servers have stopped. */
    async function closeAll(): Promise<void> {
      let failure: { readonly error: unknown } | undefined;
      for (const task of closeTasks.splice(0)) {
        await task().catch((error: unknown) => {
          failure ??= { error };
        });
      }
      await stopAll();
      if (failure !== undefined) throw failure.error;
    }
    let closing: Promise<void> | undefined;
    return {
      ddbEndpoint,
      msfEndpoint,
      eventsEndpoint,
      region,
      tableName,
      historyTableName,
      emulator,
      events: sink.events,
      env: Object.freeze({
        [LocalEnvVar.DDB_ENDPOINT]: ddbEndpoint,
        [LocalEnvVar.MSF_ENDPOINT]: msfEndpoint,
        [LocalEnvVar.REGION]: region,
        [LocalEnvVar.ACCESS_KEY_ID]: LocalDefaults.ACCESS_KEY_ID,
        [LocalEnvVar.SECRET_ACCESS_KEY]: LocalDefaults.SECRET_ACCESS_KEY,
        [EnvVar.TABLE]: tableName,
      }),
      beforeClose: (task) => {
        closeTasks.push(task);
      },
      close: () => {
        closing ??= closeAll();
        return closing;
      },
    };
  } catch (error) {
    // Keep the original failure; a failure to stop on top of it would only hide it.
    await stopAll().catch(() => undefined);
    throw error;
  }
}

export type { LocalStack, LocalStackOptions };
export { startLocalStack };
