/**
 * The days of the week, as stored in `peakDays` after normalization.
 *
 * @example
 * ```ts
 * if (row.peakDays.includes(Weekday.SAT)) { ... }
 * ```
 */
const Weekday = {
  MON: 'MON',
  TUE: 'TUE',
  WED: 'WED',
  THU: 'THU',
  FRI: 'FRI',
  SAT: 'SAT',
  SUN: 'SUN',
} as const;

/** One of `'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN'`. */
type Weekday = (typeof Weekday)[keyof typeof Weekday];

/**
 * Every weekday, Monday first (ISO 8601 order). This is also the normalized
 * `peakDays` of a row that has no `peakDays` attribute.
 *
 * @example
 * ```ts
 * WEEKDAYS.indexOf('SUN'); // 6
 * ```
 */
const WEEKDAYS: readonly Weekday[] = Object.freeze(Object.values(Weekday));

/**
 * What the scaler does with the application's built-in autoscaling when it updates
 * the parallelism: leave it as it is, switch it off, or switch it on.
 *
 * @example
 * ```ts
 * if (row.autoScaling === AutoScalingMode.KEEP) { ... }
 * ```
 */
const AutoScalingMode = {
  KEEP: 'keep',
  DISABLE: 'disable',
  ENABLE: 'enable',
} as const;

/** One of `'keep' | 'disable' | 'enable'`. */
type AutoScalingMode = (typeof AutoScalingMode)[keyof typeof AutoScalingMode];

/** Every autoscaling mode, in the order used in messages. */
const AUTO_SCALING_MODES: readonly AutoScalingMode[] = Object.freeze(Object.values(AutoScalingMode));

/**
 * The values the schema fills in for optional attributes that a row leaves out.
 *
 * @example
 * ```ts
 * RowDefaults.autoScaling; // 'keep'
 * ```
 */
const RowDefaults = Object.freeze({
  /** The time zone of a row that has no `timezone` attribute. @default 'UTC' */
  timezone: 'UTC',
  /** @default every day, MON..SUN */
  peakDays: WEEKDAYS,
  /** @default true */
  enabled: true,
  /** @default 'keep' */
  autoScaling: AutoScalingMode.KEEP,
} as const);

/**
 * Most KPU a row may ask for, unless the deployment sets `maxKPUPerApplication`: MSF's default
 * quota per application. A row above it is invalid, so a typo (`highKPU: 400`) cannot multiply
 * the bill.
 */
const DEFAULT_MAX_KPU_PER_APPLICATION = 64;

/** Longest MSF application name (the `ApplicationName` constraint in the API model). */
const APP_NAME_MAX_LENGTH = 128;

/** Characters allowed in an MSF application name (the API model's `ApplicationName` pattern). */
const APP_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;

/**
 * The `appName` prefix of a calendar item: `calendar:de-public` holds the shared holiday list
 * `de-public`. It can never name an MSF application (their names allow no `:`), so calendar
 * items and schedule rows share the table without clashing.
 */
const CALENDAR_PREFIX = 'calendar:';

/** Longest calendar name (after the prefix): short enough to read in a rule, such as `holiday 2026-12-25 (calendar de-public)`. */
const CALENDAR_NAME_MAX_LENGTH = 64;

/**
 * Characters of a calendar name: letters, digits, `_ . -` (the MSF application name
 * characters), starting with a letter or a digit. Case-sensitive, like appName.
 */
const CALENDAR_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Longest calendar `description`. */
const CALENDAR_DESCRIPTION_MAX_LENGTH = 200;

/**
 * Longest override `reason`: short enough for one table cell and one log field, long enough
 * for "launch week, ticket OPS-1234".
 */
const OVERRIDE_REASON_MAX_LENGTH = 100;

/** Longest override `by` (who set it). */
const OVERRIDE_BY_MAX_LENGTH = 64;

/** An override lasting longer than this many days gets a warning: overrides are meant to be temporary. */
const LONG_OVERRIDE_DAYS = 31;

export {
  APP_NAME_MAX_LENGTH,
  APP_NAME_PATTERN,
  AUTO_SCALING_MODES,
  AutoScalingMode,
  CALENDAR_DESCRIPTION_MAX_LENGTH,
  CALENDAR_NAME_MAX_LENGTH,
  CALENDAR_NAME_PATTERN,
  CALENDAR_PREFIX,
  DEFAULT_MAX_KPU_PER_APPLICATION,
  LONG_OVERRIDE_DAYS,
  OVERRIDE_BY_MAX_LENGTH,
  OVERRIDE_REASON_MAX_LENGTH,
  RowDefaults,
  WEEKDAYS,
  Weekday,
};
