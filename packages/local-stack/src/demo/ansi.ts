/** ANSI SGR codes the demo uses. */
const Style = {
  BOLD: '1',
  DIM: '2',
  GREEN: '32',
  YELLOW: '33',
  CYAN: '36',
  RED: '31',
} as const;

type Style = (typeof Style)[keyof typeof Style];

/**
 * Wraps `text` in an ANSI style when `colour` is on; returns it unchanged otherwise.
 *
 * @example
 * paint('scaled', Style.GREEN, true); // '\u001b[32mscaled\u001b[0m'
 */
function paint(text: string, style: Style, colour: boolean): string {
  return colour && text !== '' ? `\u001b[${style}m${text}\u001b[0m` : text;
}

/**
 * Whether a stream should get colours: a TTY, and NO_COLOR unset (https://no-color.org).
 *
 * @example
 * useColour(process.stdout, process.env);
 */
function useColour(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  return stream.isTTY === true && env.NO_COLOR === undefined;
}

export { paint, Style, useColour };
