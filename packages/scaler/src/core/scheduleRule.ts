import { describeOverride, type Override, type ScheduleWindow } from '@msf-scaler/schema';
import { describeHours } from './window';

/**
 * Which rule of a row decided its target, in precedence order: an override in force, then a
 * holiday (no window starts on it), then the highest window in force, then lowKPU outside
 * every window.
 *
 * @example
 * ```ts
 * if (evaluation.decidedBy.kind === RuleKind.OVERRIDE) { ... }
 * ```
 */
const RuleKind = {
  OVERRIDE: 'override',
  HOLIDAY: 'holiday',
  WINDOW: 'window',
  OUTSIDE: 'outside',
} as const;

/** One of `'override' | 'holiday' | 'window' | 'outside'`. */
type RuleKind = (typeof RuleKind)[keyof typeof RuleKind];

/** The rule that decided a target, as data. Indexes count from 0. */
type DecidingRule =
  | {
      readonly kind: typeof RuleKind.OVERRIDE;
      /** Position in the row's `overrides`. */
      readonly index: number;
      readonly override: Override;
    }
  | {
      readonly kind: typeof RuleKind.HOLIDAY;
      /** The local date the suppressed window would have started on, `YYYY-MM-DD`. */
      readonly date: string;
      /** The calendar that lists the date; absent when it is in the row's own `holidays`. */
      readonly calendar?: string;
      /** The highest window the holiday suppressed, and its position in `windowsOf(row)`. */
      readonly windowIndex: number;
      readonly window: ScheduleWindow;
    }
  | {
      readonly kind: typeof RuleKind.WINDOW;
      /** Position in `windowsOf(row)`: 0 is the simple window when the row has one. */
      readonly index: number;
      readonly window: ScheduleWindow;
    }
  | { readonly kind: typeof RuleKind.OUTSIDE };

/**
 * The rule as one line of text for outcomes, logs and tables:
 * `override until 2026-12-04T18:00:00Z (launch week, by ops)`,
 * `holiday 2026-12-25 (calendar de-public)`, `holiday 2026-12-25 (row holidays)`,
 * `window 08:00-20:00 Europe/Berlin MON-FRI`, `outside every window`.
 *
 * @param timezone - the row's zone, named in window rules
 * @example
 * ```ts
 * describeRule({ kind: 'window', index: 0, window: { from: 8, to: 20, kpu: 8, days: WEEKDAYS } }, 'UTC');
 * // 'window 08:00-20:00 UTC every day'
 * ```
 */
function describeRule(rule: DecidingRule, timezone: string): string {
  switch (rule.kind) {
    case RuleKind.OVERRIDE:
      return describeOverride(rule.override);
    case RuleKind.HOLIDAY:
      return `holiday ${rule.date} (${rule.calendar === undefined ? 'row holidays' : `calendar ${rule.calendar}`})`;
    case RuleKind.WINDOW:
      return `window ${describeHours(rule.window.from, rule.window.to, timezone, rule.window.days)}`;
    case RuleKind.OUTSIDE:
      return 'outside every window';
  }
}

export type { DecidingRule };
export { describeRule, RuleKind };
