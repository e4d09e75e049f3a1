import { detach } from '@msf-scaler/schema';

/**
 * C0 and C1 control characters, DEL, and the Unicode format characters that reorder or hide
 * text on a terminal (bidirectional overrides and isolates, zero-width characters).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Makes a text safe for one line of a terminal: every control or invisible formatting
 * character is shown escaped (`\n`, `\u001b`), so a name can neither start a fake line nor
 * send escape codes.
 *
 * @example
 * escapeControl('a\nb\u001b[31m'); // 'a\\nb\\u001b[31m'
 */
function escapeControl(text: string): string {
  return text.replace(UNSAFE, (char) => {
    switch (char) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}

/**
 * Cuts `text` to at most `width` characters, ending in `…` when something was cut.
 *
 * @example
 * truncateTo('orders-enricher', 8); // 'orders-…'
 */
function truncateTo(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length > width ? `${detach(text.slice(0, width - 1))}…` : text;
}

export { escapeControl, truncateTo };
