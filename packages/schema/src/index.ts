export type { Calendar, CalendarEntry, CalendarItemInput, CalendarParseResult, InvalidCalendar } from './calendarItem';
export {
  CalendarItemSchema,
  calendarsByName,
  isCalendarItem,
  isUsableCalendar,
  parseCalendarItem,
} from './calendarItem';
export type { NameListInput } from './calendarName';
export { isCalendarName } from './calendarName';
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
} from './constants';
export type { DateListInput } from './dateList';
export { detach } from './detach';
export { InvalidRowError } from './errors';
export { EXAMPLE_ROW } from './example';
export { isIsoDate, parseIsoInstant } from './iso8601';
export type { Override, OverrideInput } from './overrides';
export { describeOverride } from './overrides';
export type { ParseRowOptions, RowIssue, RowParseResult, RowWarning } from './parseRow';
export { parseRow, ROW_AS_A_WHOLE, rowIdOf, rowLabelOf } from './parseRow';
export type { PeakDaysInput, PeakDaysResult } from './peakDays';
export { formatPeakDays, parseDays, parsePeakDays, toPeakDaysString } from './peakDays';
export type { Row, RowAttribute, RowInput } from './rowSchema';
export { isRowAttribute, ROW_ATTRIBUTES, RowSchema } from './rowSchema';
export type { RowWindowFields } from './rowWindows';
export { simpleWindowOf, windowsOf } from './rowWindows';
export { levenshtein, suggest } from './suggest';
export { isTimeZone, suggestTimeZone } from './timezone';
export { toDynamoDbItemJson } from './toDynamoDbItemJson';
export { UnreadableValue } from './unreadableValue';
export type { ScheduleWindow, WindowInput } from './windows';
