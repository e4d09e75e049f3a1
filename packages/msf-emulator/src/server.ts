import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCallCounter } from './calls';
import { checkFailUpdate, createFaultInjector, type FailUpdateOptions, type FaultOptions } from './faults';
import { serveRequest } from './pipeline';
import { Defaults, Store } from './store';
import type { ApplicationDetail, ApplicationStatus } from './types';
import { toApplicationDetail } from './wire';

/** Interface the emulator listens on when `host` is not given. */
const DEFAULT_HOST = '127.0.0.1';

/**
 * Options of `startMsfEmulator`.
 *
 * @example
 * await startMsfEmulator({ transitionMs: 0, clock: () => new Date('2026-01-01T08:00:00Z') });
 */
interface MsfEmulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /**
   * Duration of each state transition (STARTING, UPDATING, STOPPING, FORCE_STOPPING, DELETING).
   * With 0 no timer is used: the response shows the interim status and the transition has
   * completed before the next request is served. @default 1000
   */
  readonly transitionMs?: number;
  /** Region in ARNs. @default 'us-east-1' */
  readonly region?: string;
  /** Account in ARNs. @default '123456789012' */
  readonly accountId?: string;
  /** Source of timestamps. @default () => new Date() */
  readonly clock?: () => Date;
  /** Faults to inject from the start; see `setFaults`. @default no faults */
  readonly faults?: FaultOptions;
}

/**
 * A running emulator.
 *
 * @example
 * emulator.forceStatus('orders', ApplicationStatus.AUTOSCALING); // UpdateApplication now gets ResourceInUseException
 * expect(emulator.callCount('UpdateApplication')).toBe(1);
 */
interface MsfEmulator {
  /** Endpoint for SDK clients, e.g. 'http://127.0.0.1:4567'. */
  readonly url: string;
  readonly port: number;
  /** Replaces the fault settings for the calls that follow. */
  setFaults(faults: FaultOptions): void;
  /**
   * Puts an application into `status` (e.g. AUTOSCALING, MAINTENANCE), cancelling any transition
   * in flight (its operation becomes CANCELLED). The status stays until forced again or until an
   * operation starts a transition. Throws a RangeError for an unknown application or status.
   */
  forceStatus(applicationName: string, status: ApplicationStatus): void;
  /**
   * Makes the application's next accepted UpdateApplication fail the way MSF fails one (every
   * one with `always`, until `clearUpdateFailures`); replaces a failure set before. The call is
   * still accepted: HTTP 200 with the new ApplicationVersionId and an OperationId. When its
   * UPDATING transition completes the operation ends FAILED with
   * `OperationFailureDetails.ErrorInfo.ErrorString`, and then:
   * - with `ApplicationSystemRollbackConfiguration.RollbackEnabled` on, a `RollbackApplication`
   *   operation (its id in `OperationFailureDetails.RollbackOperationId`) takes the application
   *   through ROLLING_BACK back to RUNNING with the configuration of the version before the
   *   update, as a new version (failed version + 1, with ApplicationVersionRolledBackFrom the
   *   failed version and ApplicationVersionRolledBackTo the restored one); the rollback ends
   *   SUCCESSFUL;
   * - without it, the application ends READY with the configuration and ApplicationVersionId it
   *   had before the update (the failed version is discarded).
   * An update of a READY application fails at once (FAILED, READY, nothing changed; no rollback,
   * since nothing runs). Throws a RangeError for an unknown application or an errorString
   * outside 1..512 characters. Independent of `setFaults`.
   */
  failNextUpdate(applicationName: string, options?: FailUpdateOptions): void;
  /** Removes the update failure `failNextUpdate` set on the application; its next update succeeds. */
  clearUpdateFailures(applicationName: string): void;
  /** A deep copy of the stored application in wire shape, or undefined. */
  getApplication(applicationName: string): ApplicationDetail | undefined;
  /**
   * Requests received for `operation` (by X-Amz-Target, including those that failed or got an
   * injected fault), or for all operations when omitted.
   */
  callCount(operation?: string): number;
  /**
   * The operations called at least once since the emulator started, sorted by name: what a
   * client's IAM policy must allow.
   */
  calledOperations(): string[];
  /** Stops the server, drops open connections and clears every timer. Idempotent. */
  close(): Promise<void>;
}

/** Listens on `port` (0: a free one) and resolves to the port; rejects on EADDRINUSE and the like. */
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts an emulator of the MSF control plane (`KinesisAnalytics_20180523`, AWS JSON 1.1) on
 * `POST /`. Requests need no valid signature: Authorization is ignored. Implemented:
 * CreateApplication, DescribeApplication, ListApplications, UpdateApplication (parallelism only),
 * StartApplication, StopApplication, DeleteApplication, ListApplicationOperations,
 * DescribeApplicationOperation, ListApplicationVersions, DescribeApplicationVersion (see
 * `operations/registry.ts`). `GET /` answers a health check.
 * Rejects with a RangeError for a bad `transitionMs` or fault setting, and when it cannot listen.
 *
 * @example
 * const emulator = await startMsfEmulator({ transitionMs: 0 });
 * const client = new KinesisAnalyticsV2Client({
 *   endpoint: emulator.url,
 *   region: 'us-east-1',
 *   credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
 * });
 * // ...
 * await emulator.close();
 */
async function startMsfEmulator(options: MsfEmulatorOptions = {}): Promise<MsfEmulator> {
  const transitionMs = options.transitionMs ?? Defaults.TRANSITION_MS;
  if (!(transitionMs >= 0 && Number.isFinite(transitionMs))) {
    throw new RangeError(`transitionMs is ${transitionMs}; use a finite number of milliseconds >= 0`);
  }
  const host = options.host ?? DEFAULT_HOST;
  const region = options.region ?? Defaults.REGION;
  const store = new Store({
    transitionMs,
    clock: options.clock ?? (() => new Date()),
    region,
    accountId: options.accountId ?? Defaults.ACCOUNT_ID,
  });
  const faults = createFaultInjector(options.faults ?? {});
  const calls = createCallCounter();
  const context = { store, faults, calls, region };
  const server = createServer((req, res) => {
    void serveRequest(req, res, context);
  });
  const port = await listen(server, options.port ?? 0, host);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    setFaults(next: FaultOptions): void {
      faults.set(next);
    },
    forceStatus(applicationName: string, status: ApplicationStatus): void {
      store.forceStatus(applicationName, status);
    },
    failNextUpdate(applicationName: string, failOptions: FailUpdateOptions = {}): void {
      store.failNextUpdate(applicationName, checkFailUpdate(failOptions));
    },
    clearUpdateFailures(applicationName: string): void {
      store.clearUpdateFailures(applicationName);
    },
    getApplication(applicationName: string): ApplicationDetail | undefined {
      const app = store.find(applicationName);
      return app === undefined ? undefined : toApplicationDetail(app);
    },
    callCount(operation?: string): number {
      return calls.count(operation);
    },
    calledOperations(): string[] {
      return calls.operations();
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        store.close();
        faults.close();
        server.close(() => resolve());
        // Keep-alive sockets of SDK clients would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

export type { MsfEmulator, MsfEmulatorOptions };
export { startMsfEmulator };
