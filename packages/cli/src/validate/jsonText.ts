import { CliLimits } from '../constants';
import { JsonSyntaxError } from '../errors';
import { defineValue } from './values';

/** A place in a text: 1-based line and column (in UTF-16 code units, as editors count them). */
interface Position {
  readonly line: number;
  readonly column: number;
}

/** Where an object and its keys are in the text; kept only for objects that can be rows. */
interface ObjectInfo {
  readonly start: Position;
  /** Each key's position (of its opening quote); for a repeated key, the last one, whose value is kept. */
  readonly keys: ReadonlyMap<string, Position>;
  /** Keys written more than once: JSON.parse and DynamoDB tools keep the last value silently. */
  readonly duplicates: readonly { readonly key: string; readonly first: Position; readonly again: Position }[];
}

/** Turns a JSON number's text into the value the rows hold (it never throws). */
type NumberReader = (text: string) => unknown;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Characters a terminal would not show as themselves: controls, bidirectional and zero-width marks, BOM. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** A character as a message shows it: JSON-quoted, so a control character is visible. */
function shown(char: string | undefined): string {
  if (char === undefined) return 'the end of the input';
  const code = char.codePointAt(0) ?? 0;
  // C1 controls and invisible formatting characters are not escaped by JSON.stringify.
  return INVISIBLE.test(char) ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : JSON.stringify(char);
}

/**
 * A JSON reader that knows where it is: it reports errors by line and column, reads numbers
 * through a {@link NumberReader} (a 38-digit DynamoDB number must not be rounded silently, as
 * `JSON.parse` does), notes where the keys of rows are, and notices repeated keys.
 */
class JsonReader {
  private readonly text: string;
  private readonly readNumber: NumberReader;
  private index = 0;
  private line = 1;
  private lineStart = 0;
  /** The depths whose objects can be rows: only their positions are kept. */
  private readonly rowDepths: readonly number[];
  /** Positions of the objects at the row depths. */
  public readonly info = new WeakMap<object, ObjectInfo>();

  /**
   * @param rowDepths - depths (0 at the top) at which objects are rows, whose positions are kept
   */
  public constructor(text: string, readNumber: NumberReader, rowDepths: readonly number[]) {
    this.text = text;
    this.readNumber = readNumber;
    this.rowDepths = rowDepths;
  }

  public position(): Position {
    return { line: this.line, column: this.index - this.lineStart + 1 };
  }

  public atEnd(): boolean {
    return this.index >= this.text.length;
  }

  public peek(): string | undefined {
    return this.text[this.index];
  }

  /** Skips blanks (space, tab, CR, LF: JSON's only whitespace), counting lines. */
  public skipBlanks(): void {
    const text = this.text;
    while (this.index < text.length) {
      const code = text.charCodeAt(this.index);
      if (code === 0x0a) {
        this.index += 1;
        this.line += 1;
        this.lineStart = this.index;
      } else if (code === 0x20 || code === 0x09 || code === 0x0d) {
        this.index += 1;
      } else {
        return;
      }
    }
  }

  /**
   * Moves to the next line that starts with `{` (or to the end): where the next row of JSON Lines,
   * or of pretty-printed rows one after the other, begins after a row that is not JSON.
   */
  public skipToNextRow(): void {
    const text = this.text;
    for (;;) {
      const next = text.indexOf('\n', this.index);
      if (next < 0) {
        this.index = text.length;
        return;
      }
      this.index = next + 1;
      this.line += 1;
      this.lineStart = this.index;
      if (text[this.index] === '{') return;
    }
  }

  public fail(message: string, at: Position = this.position()): never {
    throw new JsonSyntaxError(message, at.line, at.column);
  }

  /** Consumes `char`, or fails with `expected`. */
  public expect(char: string, expected: string): void {
    if (this.peek() !== char) this.fail(`expected ${expected}, found ${shown(this.peek())}`);
    this.index += 1;
  }

  public consume(): void {
    this.index += 1;
  }

  /** Reads one value; `depth` is how deeply it is nested (0 at the top). */
  public value(depth: number): unknown {
    if (depth > CliLimits.MAX_JSON_DEPTH) {
      this.fail(`nested deeper than ${CliLimits.MAX_JSON_DEPTH} levels; DynamoDB items hold at most 32`);
    }
    const char = this.peek();
    switch (char) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
        if (char === '/') this.fail('comments are not allowed in JSON');
        if (char === "'") this.fail('strings must be in double quotes (") in JSON');
        return this.fail(
          `expected a value (an object, array, string, number, true, false or null), found ${shown(char)}`,
        );
    }
  }

  private literal(word: string, result: boolean | null): boolean | null {
    if (!this.text.startsWith(word, this.index)) {
      this.fail(
        `expected a value (an object, array, string, number, true, false or null), found ${shown(this.peek())}`,
      );
    }
    this.index += word.length;
    return result;
  }

  private number(): unknown {
    NUMBER.lastIndex = this.index;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail(`expected a number, found ${shown(this.text[this.index + 1])} after "-"`);
    this.index += match[0].length;
    return this.readNumber(match[0]);
  }

  public string(): string {
    const text = this.text;
    const start = this.position();
    this.index += 1;
    let result = '';
    let segment = this.index;
    for (;;) {
      if (this.index >= text.length) this.fail('unterminated string: it has no closing "', start);
      const code = text.charCodeAt(this.index);
      if (code === 0x22) {
        result += text.slice(segment, this.index);
        this.index += 1;
        return result;
      }
      if (code < 0x20) {
        this.fail(
          code === 0x0a
            ? 'unterminated string: a line ends inside it (write a line break in a string as \\n)'
            : `control character ${shown(text[this.index])} inside a string; write it escaped (\\u${code.toString(16).padStart(4, '0')})`,
        );
      }
      if (code === 0x5c) {
        result += text.slice(segment, this.index);
        result += this.escape();
        segment = this.index;
      } else {
        this.index += 1;
      }
    }
  }

  private escape(): string {
    const next = this.text[this.index + 1];
    if (next === 'u') {
      const hex = this.text.slice(this.index + 2, this.index + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('\\u must be followed by 4 hexadecimal digits');
      this.index += 6;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    const replacement = next === undefined ? undefined : ESCAPES[next];
    if (replacement === undefined) {
      this.fail(`invalid escape \\${next ?? ''} in a string; JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`);
    }
    this.index += 2;
    return replacement;
  }

  private array(depth: number): unknown[] {
    const result: unknown[] = [];
    this.consume();
    this.skipBlanks();
    if (this.peek() === ']') {
      this.consume();
      return result;
    }
    for (;;) {
      this.skipBlanks();
      if (this.peek() === ']') this.fail("trailing comma before ']': JSON allows none");
      result.push(this.value(depth + 1));
      this.skipBlanks();
      if (this.peek() === ']') {
        this.consume();
        return result;
      }
      this.expect(',', "',' or ']' after an array element");
    }
  }

  private object(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const start = this.position();
    const keys = new Map<string, Position>();
    const duplicates: { key: string; first: Position; again: Position }[] = [];
    const track = this.rowDepths.includes(depth);
    this.consume();
    this.skipBlanks();
    if (this.peek() === '}') {
      this.consume();
    } else {
      for (;;) {
        this.skipBlanks();
        if (this.peek() === '}') this.fail("trailing comma before '}': JSON allows none");
        if (this.peek() !== '"') this.fail(`expected a property name in double quotes, found ${shown(this.peek())}`);
        const at = this.position();
        const key = this.string();
        this.skipBlanks();
        this.expect(':', `':' after the property name ${JSON.stringify(key)}`);
        this.skipBlanks();
        const value = this.value(depth + 1);
        if (track) {
          const first = keys.get(key);
          if (first !== undefined) duplicates.push({ key, first, again: at });
          keys.set(key, at);
        }
        defineValue(result, key, value);
        this.skipBlanks();
        if (this.peek() === '}') {
          this.consume();
          break;
        }
        this.expect(',', "',' or '}' after a property value");
      }
    }
    if (track) this.info.set(result, { start, keys, duplicates });
    return result;
  }
}

export type { NumberReader, ObjectInfo, Position };
export { JsonReader, shown };
