export {
  APP_NAME_MAX_LENGTH,
  APP_NAME_PATTERN,
  AUTO_SCALING_MODES,
  AutoScalingMode,
  DEFAULT_MAX_KPU_PER_APPLICATION,
  RowDefaults,
  WEEKDAYS,
  Weekday,
} from './constants';
export { detach } from './detach';
export { InvalidRowError } from './errors';
export { EXAMPLE_ROW } from './example';
export type { ParseRowOptions, RowIssue, RowParseResult, RowWarning } from './parseRow';
export { parseRow, ROW_AS_A_WHOLE, rowIdOf } from './parseRow';
export type { PeakDaysInput, PeakDaysResult } from './peakDays';
export { formatPeakDays, parsePeakDays, toPeakDaysString } from './peakDays';
export type { Row, RowAttribute, RowInput } from './rowSchema';
export { isRowAttribute, ROW_ATTRIBUTES, RowSchema } from './rowSchema';
export { levenshtein, suggest } from './suggest';
export { isTimeZone, suggestTimeZone } from './timezone';
export { toDynamoDbItemJson } from './toDynamoDbItemJson';
export { UnreadableValue } from './unreadableValue';
