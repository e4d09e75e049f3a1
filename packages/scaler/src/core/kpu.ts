/**
 * KPU arithmetic. MSF bills ceil(Parallelism / ParallelismPerKPU) KPUs for an application.
 *
 * @example
 * kpuFor(5, 2); // 3
 */
const kpuFor = (parallelism: number, parallelismPerKPU: number): number => Math.ceil(parallelism / parallelismPerKPU);

/**
 * The parallelism that makes an application use exactly `kpu` KPUs while keeping its
 * tasks per KPU. The AWS sample always wrote ParallelismPerKPU 1; we keep the app's value.
 *
 * @example
 * parallelismFor(4, 2); // 8
 */
const parallelismFor = (kpu: number, parallelismPerKPU: number): number => kpu * parallelismPerKPU;

export { kpuFor, parallelismFor };
