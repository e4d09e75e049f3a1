import { randomBytes } from 'node:crypto';
import { ErrorCode, ServiceError } from './errors';
import type {
  CheckpointSettings,
  MonitoringSettings,
  OperationFailure,
  ParallelismSettings,
  PendingTransition,
  StoredApplication,
  StoredOperation,
  UpdateFailure,
} from './storedState';
import {
  type ApplicationDetail,
  ApplicationStatus,
  ConfigurationType,
  OperationStatus,
  type RecordedOperation,
} from './types';
import { toApplicationDetail } from './wire';

/**
 * The defaults the store, the operations and the emulator share: what MSF configures when a
 * configuration's ConfigurationType is DEFAULT (or the configuration is absent), and the store
 * options `startMsfEmulator` and the CLI use when they are not given.
 *
 * @example
 * app.parallelism = { ...Defaults.PARALLELISM }; // ConfigurationTypeUpdate DEFAULT
 */
const Defaults = {
  /** `ParallelismConfiguration` DEFAULT: 1 KPU, autoscaling on. */
  PARALLELISM: {
    configurationType: ConfigurationType.DEFAULT,
    parallelism: 1,
    parallelismPerKpu: 1,
    autoScalingEnabled: true,
  },
  /** `CheckpointConfiguration` DEFAULT. */
  CHECKPOINT: {
    configurationType: ConfigurationType.DEFAULT,
    checkpointingEnabled: true,
    checkpointInterval: 60000,
    minPauseBetweenCheckpoints: 5000,
  },
  /** `MonitoringConfiguration` DEFAULT. */
  MONITORING: {
    configurationType: ConfigurationType.DEFAULT,
    metricsLevel: 'APPLICATION',
    logLevel: 'INFO',
  },
  /** Duration of each state transition, in milliseconds. */
  TRANSITION_MS: 1000,
  /** Region in ARNs. */
  REGION: 'us-east-1',
  /** Account in ARNs. */
  ACCOUNT_ID: '123456789012',
} as const satisfies {
  readonly PARALLELISM: ParallelismSettings;
  readonly CHECKPOINT: CheckpointSettings;
  readonly MONITORING: MonitoringSettings;
  readonly TRANSITION_MS: number;
  readonly REGION: string;
  readonly ACCOUNT_ID: string;
};

/** What `Store` needs from the emulator options. */
interface StoreOptions {
  readonly transitionMs: number;
  readonly clock: () => Date;
  readonly region: string;
  readonly accountId: string;
}

/** A new `ConditionalToken` (random hex; matches the model pattern `[a-zA-Z0-9-_+/=]+`). */
function newConditionalToken(): string {
  return randomBytes(16).toString('hex');
}

/** The job now runs with the configured parallelism (what `currentParallelism` reports follows it). */
function applyConfiguredParallelism(app: StoredApplication): void {
  app.currentParallelism = app.parallelism.parallelism;
}

/** Completion of STARTING and UPDATING: the job (re)starts, RUNNING with the configured parallelism. */
function runWithConfiguredParallelism(app: StoredApplication): void {
  app.status = ApplicationStatus.RUNNING;
  applyConfiguredParallelism(app);
}

/**
 * In-memory state of all applications plus the state machine's timers.
 *
 * Transitions: an operation moves an application to an interim status (STARTING, UPDATING,
 * STOPPING, FORCE_STOPPING, DELETING) and registers a completion. With `transitionMs > 0` the
 * completion runs on an unref'd timer; with `transitionMs` 0 it is queued and runs in `flush()`,
 * which the request pipeline calls right after computing each response, so the caller sees the
 * interim status in the response and the final status on its next request, with no timer involved.
 */
class Store {
  private readonly applications = new Map<string, StoredApplication>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Per application: the detail of every version it has had, by ApplicationVersionId. */
  private readonly versionSnapshots = new Map<StoredApplication, Map<number, ApplicationDetail>>();
  private due: Array<{ readonly app: StoredApplication; readonly pending: PendingTransition }> = [];
  private operationSeq = 0;
  private closed = false;

  public constructor(private readonly options: StoreOptions) {}

  public now(): Date {
    return this.options.clock();
  }

  public arn(name: string): string {
    return `arn:aws:kinesisanalytics:${this.options.region}:${this.options.accountId}:application/${name}`;
  }

  /** Adds a new application; the name must be free (an application being deleted still holds it). */
  public add(app: StoredApplication): void {
    if (this.applications.has(app.name)) {
      throw new ServiceError(ErrorCode.ResourceInUseException, `Application ${app.name} already exists`);
    }
    this.applications.set(app.name, app);
  }

  /**
   * Snapshots `app` as its current version (`app.versionId`) now is, replacing an earlier
   * snapshot of that version. Called when a version is created and again when it stops being
   * the current one, so each snapshot holds the application as it last was at that version
   * (a failed update's version: the configuration it attempted).
   */
  public recordVersion(app: StoredApplication): void {
    let snapshots = this.versionSnapshots.get(app);
    if (snapshots === undefined) {
      snapshots = new Map();
      this.versionSnapshots.set(app, snapshots);
    }
    snapshots.set(app.versionId, toApplicationDetail(app));
  }

  /**
   * The `ApplicationDetail` of `app` at `versionId`, or ResourceNotFoundException. The current
   * version is the live detail (what DescribeApplication returns); earlier ones are snapshots.
   */
  public version(app: StoredApplication, versionId: number): ApplicationDetail {
    if (versionId === app.versionId) {
      return toApplicationDetail(app);
    }
    const snapshot = this.versionSnapshots.get(app)?.get(versionId);
    if (snapshot === undefined) {
      throw new ServiceError(
        ErrorCode.ResourceNotFoundException,
        `Version ${versionId} of application ${app.name} not found; list them with ListApplicationVersions`,
      );
    }
    return structuredClone(snapshot);
  }

  /** Every version of `app` (the current one live), newest (highest ApplicationVersionId) first. */
  public versions(app: StoredApplication): ApplicationDetail[] {
    const ids = new Set(this.versionSnapshots.get(app)?.keys() ?? []);
    ids.add(app.versionId);
    return [...ids].sort((a, b) => b - a).map((versionId) => this.version(app, versionId));
  }

  public find(name: string): StoredApplication | undefined {
    return this.applications.get(name);
  }

  /** The application, or ResourceNotFoundException. */
  public get(name: string): StoredApplication {
    const app = this.applications.get(name);
    if (app === undefined) {
      throw new ServiceError(ErrorCode.ResourceNotFoundException, `Application ${name} not found`);
    }
    return app;
  }

  /** All applications, sorted by name (code-unit order, like AWS's paging by name). */
  public list(): StoredApplication[] {
    return [...this.applications.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Records a new IN_PROGRESS operation on `app`. */
  public recordOperation(
    app: StoredApplication,
    operation: RecordedOperation,
    versionChange?: { readonly from: number; readonly to: number },
  ): StoredOperation {
    this.operationSeq += 1;
    const record: StoredOperation = {
      id: randomBytes(12).toString('hex'),
      operation,
      seq: this.operationSeq,
      startTime: this.now(),
      status: OperationStatus.IN_PROGRESS,
      ...(versionChange === undefined ? {} : { versionChange }),
    };
    app.operations.push(record);
    return record;
  }

  public endOperation(operation: StoredOperation, status: OperationStatus): void {
    operation.status = status;
    operation.endTime = this.now();
  }

  /**
   * Puts `app` into `interim` status now and runs `complete` after `transitionMs`, then marks
   * `operation` SUCCESSFUL. A transition already in flight is cancelled first (its operation
   * becomes CANCELLED), e.g. a force stop during an update.
   */
  public transition(
    app: StoredApplication,
    interim: ApplicationStatus,
    complete: (app: StoredApplication) => void,
    operation?: StoredOperation,
  ): void {
    this.cancelPending(app);
    app.status = interim;
    const pending: PendingTransition = { complete, ...(operation === undefined ? {} : { operation }) };
    app.pending = pending;
    if (this.options.transitionMs === 0) {
      this.due.push({ app, pending });
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.settle(app, pending);
    }, this.options.transitionMs);
    timer.unref();
    pending.timer = timer;
    this.timers.add(timer);
  }

  /**
   * Runs the zero-delay transitions queued since the last flush, and those their completions
   * start (a failed update's system rollback), until none is left.
   */
  public flush(): void {
    while (this.due.length > 0) {
      const due = this.due;
      this.due = [];
      for (const { app, pending } of due) {
        this.settle(app, pending);
      }
    }
  }

  /**
   * Makes the next UpdateApplication of `name` (every one with `failure.always`) fail, replacing
   * a failure set before. Throws a RangeError for an unknown application.
   */
  public failNextUpdate(name: string, failure: UpdateFailure): void {
    const app = this.applications.get(name);
    if (app === undefined) {
      throw new RangeError(`failNextUpdate: no application named '${name}'; create it first`);
    }
    app.updateFailure = failure;
  }

  /** Removes the update failure set on `name`; does nothing when there is none or no such application. */
  public clearUpdateFailures(name: string): void {
    const app = this.applications.get(name);
    if (app !== undefined) {
      delete app.updateFailure;
    }
  }

  /** The failure the update now accepted on `app` must end with, if any; a one-off failure is used up. */
  public takeUpdateFailure(app: StoredApplication): UpdateFailure | undefined {
    const failure = app.updateFailure;
    if (failure !== undefined && !failure.always) {
      delete app.updateFailure;
    }
    return failure;
  }

  /** Sets a status by hand (tests), cancelling any transition in flight. */
  public forceStatus(name: string, status: ApplicationStatus): void {
    if (!Object.values(ApplicationStatus).includes(status)) {
      throw new RangeError(
        `forceStatus: '${String(status)}' is not an ApplicationStatus; use one of ${Object.values(ApplicationStatus).join(', ')}`,
      );
    }
    const app = this.applications.get(name);
    if (app === undefined) {
      throw new RangeError(`forceStatus: no application named '${name}'; create it first`);
    }
    this.cancelPending(app);
    app.status = status;
  }

  public remove(app: StoredApplication): void {
    this.cancelPending(app);
    this.versionSnapshots.delete(app);
    if (this.applications.get(app.name) === app) {
      this.applications.delete(app.name);
    }
  }

  /** Clears every timer; later transitions are ignored. Idempotent. */
  public close(): void {
    this.closed = true;
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    this.due = [];
  }

  private settle(app: StoredApplication, pending: PendingTransition): void {
    if (this.closed || app.pending !== pending) {
      return;
    }
    delete app.pending;
    pending.complete(app);
    // A completion may end its operation itself (FAILED); otherwise the operation succeeded.
    if (pending.operation !== undefined && pending.operation.status === OperationStatus.IN_PROGRESS) {
      this.endOperation(pending.operation, OperationStatus.SUCCESSFUL);
    }
  }

  private cancelPending(app: StoredApplication): void {
    const pending = app.pending;
    if (pending === undefined) {
      return;
    }
    delete app.pending;
    if (pending.timer !== undefined) {
      clearTimeout(pending.timer);
      this.timers.delete(pending.timer);
    }
    if (pending.operation !== undefined && pending.operation.status === OperationStatus.IN_PROGRESS) {
      this.endOperation(pending.operation, OperationStatus.CANCELLED);
    }
  }
}

export type {
  CheckpointSettings,
  MonitoringSettings,
  OperationFailure,
  ParallelismSettings,
  StoredApplication,
  StoredOperation,
  StoreOptions,
  UpdateFailure,
};
export { applyConfiguredParallelism, Defaults, newConditionalToken, runWithConfiguredParallelism, Store };
