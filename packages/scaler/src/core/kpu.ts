/**
 * KPU arithmetic. MSF bills ceil(Parallelism / ParallelismPerKPU) KPUs for an application.
 *
 * @example
 * kpuFor(5, 2); // 3
 */
function kpuFor(parallelism: number, parallelismPerKPU: number): number {
  return Math.ceil(parallelism / parallelismPerKPU);
}

/**
 * The parallelism that makes an application use exactly `kpu` KPUs while keeping its
 * tasks per KPU. The AWS sample always wrote ParallelismPerKPU 1; we keep the app's value.
 *
 * @example
 * parallelismFor(4, 2); // 8
 */
function parallelismFor(kpu: number, parallelismPerKPU: number): number {
  return kpu * parallelismPerKPU;
}

export { kpuFor, parallelismFor };
