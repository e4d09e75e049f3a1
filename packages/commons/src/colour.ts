import type { OutputStream } from './cliStreams';

/** ANSI SGR codes the CLIs use. */
const Style = {
  BOLD: '1',
  DIM: '2',
  RED: '31',
  GREEN: '32',
  YELLOW: '33',
  CYAN: '36',
} as const;

type Style = (typeof Style)[keyof typeof Style];

/**
 * The colour policy of every CLI: colours on a terminal only, and never when `NO_COLOR` is
 * set (https://no-color.org).
 *
 * @example
 * useColour(process.stdout, process.env);
 */
function useColour(stream: Pick<OutputStream, 'isTTY'>, env: Readonly<Record<string, string | undefined>>): boolean {
  return stream.isTTY === true && env.NO_COLOR === undefined;
}

/**
 * Wraps `text` in an ANSI style when `colour` is on; returns it unchanged otherwise.
 *
 * @example
 * paint('scaled', Style.GREEN, true); // '\u001b[32mscaled\u001b[0m'
 */
function paint(text: string, style: Style, colour: boolean): string {
  return colour && text !== '' ? `\u001b[${style}m${text}\u001b[0m` : text;
}

export { paint, Style, useColour };
