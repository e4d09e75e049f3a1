export { CliBundle } from './bundle';
export type { CommandContext } from './context';
export { InputError, JsonSyntaxError } from './errors';
export { exitCodeFor, exitCodeForValidation } from './exitCode';
export type { EnvVarHelp } from './help';
export { CommandName, ENV_VARS } from './help';
export type { CliIo, InputStream } from './io';
export { main } from './program';
export type { RenderOptions } from './render/runTable';
export { renderCounts, renderSummary, renderSummaryLines, renderWarnings } from './render/runTable';
export type { ValidationRenderOptions } from './render/validation';
export { renderValidationLines } from './render/validation';
export type { SourceRow } from './validate/parseRows';
export { InputFormat, readRows } from './validate/parseRows';
export type {
  RowReport,
  SourceError,
  SourceReport,
  ValidationCounts,
  ValidationIssue,
  ValidationReport,
  ValidationWarning,
} from './validate/types';
export { Notation } from './validate/types';
export { toReport, validateFiles, validateItems } from './validate/validate';
