import { InvalidArgumentError } from 'commander';
import { InvalidNumberError } from './errors';

/**
 * What is wrong with `text` as a whole number in `[min, max]`, worded to follow the setting's
 * name (`must be a whole number from 1 to 64, got "0"`), or `undefined` when it is one. The one
 * wording of the rule; the raw text is JSON-quoted so no control character reaches a terminal.
 *
 * @example
 * describeWholeNumberProblem('8', 1, 64); // undefined
 */
function describeWholeNumberProblem(text: string, min: number, max: number): string | undefined {
  const value = Number(text);
  if (/^\s*\d+\s*$/.test(text) && Number.isSafeInteger(value) && value >= min && value <= max) return undefined;
  return `must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`;
}

/**
 * Parses a whole number in `[min, max]` (digits only, surrounding blanks allowed); `source`
 * names where the text came from (`--concurrency`, `SCALER_CONCURRENCY`) so the error says
 * what to fix.
 *
 * @throws InvalidNumberError for anything else: `1.5`, `1e3`, `-1`, `0x10`, blanks, out of range
 * @example
 * parseWholeNumber('8', '--concurrency', 1, 64); // 8
 */
function parseWholeNumber(text: string, source: string, min: number, max: number): number {
  const problem = describeWholeNumberProblem(text, min, max);
  if (problem !== undefined) throw new InvalidNumberError(`${source} ${problem}`);
  return Number(text);
}

/**
 * {@link parseWholeNumber} as a commander `argParser`: a bad value becomes commander's
 * usage error (exit code 2), with the same wording.
 *
 * @example
 * new Option('--port <n>').argParser(wholeNumberArg('--port', 0, 65535));
 */
function wholeNumberArg(source: string, min: number, max: number): (value: string) => number {
  return (value) => {
    try {
      return parseWholeNumber(value, source, min, max);
    } catch (error) {
      if (error instanceof InvalidNumberError) throw new InvalidArgumentError(error.message);
      throw error;
    }
  };
}

export { describeWholeNumberProblem, parseWholeNumber, wholeNumberArg };
