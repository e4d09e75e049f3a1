import { ErrorCode, ServiceError } from './errors';

/** ParallelismPerKPU range in the MSF developer guide. */
const MAX_PARALLELISM_PER_KPU = 8;

/** Default MSF quota of KPUs per application. */
const MAX_KPU_PER_APPLICATION = 64;

/** KPUs an application uses: ceil(Parallelism / ParallelismPerKPU). */
function kpus(parallelism: number, parallelismPerKpu: number): number {
  return Math.ceil(parallelism / parallelismPerKpu);
}

/**
 * Rejects parallelism settings MSF refuses: ParallelismPerKPU above 8 (InvalidArgumentException)
 * and more KPUs than the default per-application quota (LimitExceededException).
 */
function checkParallelismLimits(parallelism: number, parallelismPerKpu: number): void {
  if (parallelismPerKpu > MAX_PARALLELISM_PER_KPU) {
    throw new ServiceError(
      ErrorCode.InvalidArgumentException,
      `ParallelismPerKPU ${parallelismPerKpu} is out of range; use a value from 1 to ${MAX_PARALLELISM_PER_KPU}`,
    );
  }
  const used = kpus(parallelism, parallelismPerKpu);
  if (used > MAX_KPU_PER_APPLICATION) {
    throw new ServiceError(
      ErrorCode.LimitExceededException,
      `Parallelism ${parallelism} with ParallelismPerKPU ${parallelismPerKpu} needs ${used} KPUs, ` +
        `more than the limit of ${MAX_KPU_PER_APPLICATION} KPUs per application; ` +
        'lower Parallelism or raise ParallelismPerKPU',
    );
  }
}

export { checkParallelismLimits, kpus, MAX_KPU_PER_APPLICATION, MAX_PARALLELISM_PER_KPU };
