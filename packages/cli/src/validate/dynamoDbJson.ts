import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { convertToNative } from '@aws-sdk/util-dynamodb';
import { readNumber } from '@msf-scaler/scaler';
import { UnreadableValue } from '@msf-scaler/schema';
import { defineValue, isPlainObject } from './values';

/** The type keys of DynamoDB JSON, as in `{"N": "8"}`. */
const ATTRIBUTE_TYPES: ReadonlySet<string> = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);

/** The rule quoted for a value that is not DynamoDB JSON. */
const ATTRIBUTE_VALUE_RULE =
  'in DynamoDB JSON every attribute is one {"TYPE": value} pair, such as {"S": "text"}, {"N": "8"}, {"BOOL": true}, {"SS": ["MON"]}, {"L": […]}, {"M": {…}} or {"NULL": true}';

/** DynamoDB's number syntax: up to 38 significant digits, an optional exponent. */
const DYNAMODB_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_NUMBER_DIGITS = 38;

/** Deepest M/L nesting DynamoDB stores. */
const MAX_NESTING = 32;

/** Longest rendering of a value in a message. */
const MAX_VALUE_LENGTH = 80;

/** A reason an attribute is not DynamoDB JSON at all: DynamoDB would refuse the whole item. */
interface AttributeValueProblem {
  readonly attribute: string;
  /** The value as written. */
  readonly value: unknown;
  readonly rule: string;
  readonly message: string;
}

/** A row in plain values, with what could not be read as DynamoDB JSON. */
interface ConvertedRow {
  readonly item: Record<string, unknown>;
  readonly problems: readonly AttributeValueProblem[];
}

function typeKeyOf(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] !== undefined && ATTRIBUTE_TYPES.has(keys[0]) ? keys[0] : undefined;
}

/**
 * Whether a row is written in DynamoDB JSON (`{"appName": {"S": "x"}}`) rather than plain JSON
 * (`{"appName": "x"}`): its appName is a DynamoDB attribute value, or it has no appName and one
 * of its attributes is.
 *
 * @example
 * isDynamoDbJson({ appName: { S: 'orders' }, lowKPU: { N: '1' } }); // true
 */
function isDynamoDbJson(row: Record<string, unknown>): boolean {
  if ('appName' in row) return typeKeyOf(row.appName) !== undefined;
  return Object.values(row).some((value) => typeKeyOf(value) !== undefined);
}

/**
 * The first attribute of a plain-JSON row written as a DynamoDB attribute value, if any: a row
 * that mixes the two notations.
 */
function firstAttributeValue(row: Record<string, unknown>): string | undefined {
  return Object.keys(row).find((attribute) => typeKeyOf(row[attribute]) !== undefined);
}

function numberProblem(text: unknown): string | undefined {
  if (typeof text !== 'string') return 'N must hold the number as a string, such as {"N": "8"}';
  if (!DYNAMODB_NUMBER.test(text)) return `N ${JSON.stringify(text)} is not a number`;
  const mantissa = text.replace(/^[+-]/, '').split(/e/i)[0] ?? '';
  const digits = mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
  return digits > MAX_NUMBER_DIGITS ? `N has ${digits} significant digits; DynamoDB holds at most 38` : undefined;
}

function setProblem(type: string, members: unknown): string | undefined {
  if (!Array.isArray(members)) return `${type} must hold a list, such as {"${type}": […]}`;
  if (members.length === 0) return `${type} is empty; DynamoDB sets hold at least one member`;
  for (const member of members) {
    if (type === 'NS') {
      const problem = numberProblem(member);
      if (problem !== undefined) return `a member of NS: ${problem.replace(/^N /, '')}`;
    } else if (typeof member !== 'string') {
      return `${type} must hold strings`;
    }
  }
  return new Set(members).size === members.length ? undefined : `${type} holds a member twice; DynamoDB refuses it`;
}

/** Why `value` is not a DynamoDB attribute value (`BOOL must hold true or false`), or undefined when it is one. */
function attributeValueProblem(value: unknown, depth: number): string | undefined {
  const type = typeKeyOf(value);
  if (type === undefined || !isPlainObject(value)) return 'it is not one {"TYPE": value} pair';
  const inner = value[type];
  switch (type) {
    case 'S':
    case 'B':
      return typeof inner === 'string' ? undefined : `${type} must hold a string`;
    case 'N':
      return numberProblem(inner);
    case 'BOOL':
      return typeof inner === 'boolean' ? undefined : 'BOOL must hold true or false';
    case 'NULL':
      return inner === true ? undefined : 'NULL must hold true';
    case 'SS':
    case 'NS':
    case 'BS':
      return setProblem(type, inner);
    case 'L':
    case 'M': {
      if (depth >= MAX_NESTING) return `it is nested deeper than ${MAX_NESTING} levels, the most DynamoDB stores`;
      const members = type === 'L' ? inner : isPlainObject(inner) ? Object.values(inner) : undefined;
      if (!Array.isArray(members)) return type === 'L' ? 'L must hold a list' : 'M must hold an object';
      for (const member of members) {
        const problem = attributeValueProblem(member, depth + 1);
        if (problem !== undefined) return `a value inside it: ${problem}`;
      }
      return undefined;
    }
    default:
      return 'it is not one {"TYPE": value} pair';
  }
}

/** A value as a message quotes it: compact JSON, cut at 80 characters. */
function quote(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}… (${text.length} characters)` : text;
}

/**
 * A DynamoDB JSON row in plain values, the way lib-dynamodb reads the table: strings, numbers
 * (a number that no JavaScript number holds exactly becomes an {@link UnreadableValue}, as in a
 * run), booleans, sets, lists and maps. An attribute that is not DynamoDB JSON, which DynamoDB
 * would refuse, is a problem naming the attribute, its value and the rule; it is held as an
 * UnreadableValue so the schema also sees it as unusable.
 *
 * @param label - how messages name the row, e.g. `row "orders"`
 * @example
 * fromDynamoDbJson({ appName: { S: 'orders' }, lowKPU: { N: '1' } }, 'row "orders"').item; // { appName: 'orders', lowKPU: 1 }
 */
function fromDynamoDbJson(row: Record<string, unknown>, label: string): ConvertedRow {
  const item: Record<string, unknown> = {};
  const problems: AttributeValueProblem[] = [];
  for (const [attribute, value] of Object.entries(row)) {
    const problem = attributeValueProblem(value, 1);
    if (problem === undefined) {
      defineValue(item, attribute, convertToNative(value as AttributeValue, { wrapNumbers: readNumber }));
      continue;
    }
    problems.push({
      attribute,
      value,
      rule: ATTRIBUTE_VALUE_RULE,
      message: `${label}: ${attribute} ${quote(value)} is not DynamoDB JSON: ${problem}; ${ATTRIBUTE_VALUE_RULE}`,
    });
    defineValue(item, attribute, new UnreadableValue(quote(value), 'not a DynamoDB attribute value'));
  }
  return { item, problems };
}

export type { AttributeValueProblem, ConvertedRow };
export { firstAttributeValue, fromDynamoDbJson, isDynamoDbJson };
