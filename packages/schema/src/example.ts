import type { RowInput } from './rowSchema';

/**
 * A realistic business-hours row, used in docs and in the onboarding output of the
 * infrastructure: 2 KPU at night and on weekends, 8 KPU from 07:00 to 19:00 Berlin
 * time on working days. Every optional attribute is spelled out so readers see them all.
 *
 * @example
 * ```ts
 * toDynamoDbItemJson({ ...EXAMPLE_ROW, appName: 'my-app' });
 * ```
 */
const EXAMPLE_ROW: RowInput = Object.freeze({
  appName: 'orders-enricher',
  lowKPU: 2,
  highKPU: 8,
  scaleUpHour: 7,
  scaleDownHour: 19,
  timezone: 'Europe/Berlin',
  peakDays: 'MON-FRI',
  enabled: true,
  autoScaling: 'keep',
} as const);

export { EXAMPLE_ROW };
