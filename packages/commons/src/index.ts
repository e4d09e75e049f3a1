export type { CliStreams, OutputStream } from './cliStreams';
export { paint, Style, useColour } from './colour';
export { InvalidNumberError } from './errors';
export { ExitCode } from './exitCode';
export { runProgram } from './runProgram';
export { describeWholeNumberProblem, parseWholeNumber, wholeNumberArg } from './wholeNumber';
