import { detach } from './detach';
import { UnreadableValue } from './unreadableValue';

/** Longest rendering of a value inside a message, so one huge attribute cannot flood a log line. */
const MAX_VALUE_LENGTH = 80;

/** Cuts a long rendering and says how long the whole was, so a reader knows something was left out. */
function truncate(text: string): string {
  return text.length > MAX_VALUE_LENGTH
    ? `${detach(text.slice(0, MAX_VALUE_LENGTH - 1))}… (${text.length} characters)`
    : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Circular structures and BigInts inside objects: a rough rendering is enough for a message.
    return Object.prototype.toString.call(value);
  }
}

/**
 * Renders an attribute value for a message: strings quoted, numbers bare, lists and
 * sets as JSON arrays, long renderings cut at 80 characters.
 */
function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return truncate(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return truncate(`${value}n`);
  if (value instanceof UnreadableValue) return truncate(value.text);
  if (value instanceof Set) return truncate(`set ${safeJson([...value])}`);
  if (value instanceof Map) return truncate(`map ${safeJson(Object.fromEntries(value))}`);
  return truncate(safeJson(value));
}

/**
 * Names the kind of a value the way a DynamoDB user thinks of it:
 * "a string", "a number", "a list", "a string set", "a map".
 */
function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Set) return 'a set';
  if (value instanceof Uint8Array) return 'binary';
  if (value instanceof UnreadableValue) return value.kind;
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isFinite(value) ? 'a number' : 'not a finite number';
    case 'boolean':
      return 'a boolean';
    case 'bigint':
      return 'a bigint';
    case 'object':
      return 'a map';
    default:
      return typeof value;
  }
}

/**
 * The "what is wrong" half of a type problem: `lowKPU is missing`, `enabled is null`,
 * `lowKPU "4" is a string`, `lowKPU NaN is not a finite number`.
 */
function describeTypeProblem(attribute: string, value: unknown): string {
  if (value === undefined) return `${attribute} is missing`;
  if (value === null) return `${attribute} is null`;
  return `${attribute} ${describeValue(value)} is ${describeKind(value)}`;
}

export { describeKind, describeTypeProblem, describeValue };
