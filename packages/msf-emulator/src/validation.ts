import { ErrorCode, ServiceError } from './errors';
import type { JsonObject } from './types';

/**
 * The constraints of one member, transcribed from the API model: `required` comes from the
 * parent structure's `required` list, the rest from the member's shape.
 */
type Constraint =
  | {
      readonly type: 'string';
      readonly required?: boolean;
      readonly min?: number;
      readonly max?: number;
      readonly pattern?: string;
      readonly enum?: readonly string[];
    }
  | { readonly type: 'integer' | 'long'; readonly required?: boolean; readonly min?: number; readonly max?: number }
  | { readonly type: 'boolean' | 'timestamp'; readonly required?: boolean }
  | { readonly type: 'blob'; readonly required?: boolean; readonly min?: number; readonly max?: number }
  | { readonly type: 'structure'; readonly required?: boolean; readonly members: ConstraintTable }
  | {
      readonly type: 'list';
      readonly required?: boolean;
      readonly min?: number;
      readonly max?: number;
      readonly member: Constraint;
    }
  | {
      readonly type: 'map';
      readonly required?: boolean;
      readonly min?: number;
      readonly max?: number;
      readonly value: Constraint;
    };

/** The constraints of the members of one structure (one table per operation input). */
type ConstraintTable = { readonly [member: string]: Constraint };

/** AWS stops listing constraint violations after this many. */
const MAX_REPORTED_ERRORS = 10;

/**
 * Checks `input` against `table` the way the AWS front end does, in two passes:
 * 1. types (a wrong JSON type anywhere gives `SerializationException`, as Coral's deserializer
 *    does): integers are truncated, `null` counts as absent, members not in the table are dropped;
 * 2. constraints (required, length, range, pattern, enum): all violations are reported in one
 *    `InvalidArgumentException` (the model's error for bad input; the issue asks for it) with AWS's wording, e.g. `1 validation error detected: Value 'x y' at
 *    'applicationName' failed to satisfy constraint: Member must satisfy regular expression
 *    pattern: [a-zA-Z0-9_.-]+`.
 *
 * Returns the cleaned input, typed as `T`: the caller declares `T` to match `table`.
 */
function validateInput<T>(input: JsonObject, table: ConstraintTable): T {
  const cleaned = checkStructure(input, table);
  const errors: string[] = [];
  checkMembers(cleaned, table, '', errors);
  if (errors.length > 0) {
    const count = errors.length;
    const reported = errors.slice(0, MAX_REPORTED_ERRORS);
    throw new ServiceError(
      ErrorCode.InvalidArgumentException,
      `${count} validation error${count > 1 ? 's' : ''} detected: ${reported.join('; ')}`,
    );
  }
  // The table describes T; pass 1 guaranteed every member has the table's JSON type.
  return cleaned as T;
}

function typeError(message: string): ServiceError {
  return new ServiceError(ErrorCode.SerializationException, message);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Coral's names for a JSON scalar that is not the expected type. */
function scalarName(value: unknown): string {
  if (typeof value === 'boolean') {
    return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'NUMBER_VALUE' : 'DECIMAL_VALUE';
  }
  return 'STRING_VALUE';
}

function checkStructure(value: JsonObject, table: ConstraintTable): JsonObject {
  const result: JsonObject = {};
  for (const [member, constraint] of Object.entries(table)) {
    const checked = checkType(value[member], constraint);
    if (checked !== undefined) {
      result[member] = checked;
    }
  }
  return result;
}

function checkType(value: unknown, constraint: Constraint): unknown {
  if (value === undefined || value === null) {
    return undefined;
  }
  switch (constraint.type) {
    case 'string':
    case 'blob':
      return checkScalar(value, 'string', 'String');
    case 'integer':
    case 'long': {
      const javaType = constraint.type === 'integer' ? 'Integer' : 'Long';
      const number = checkScalar(value, 'number', javaType);
      // Coral truncates fractional numbers for integral members.
      return Math.trunc(Number(number));
    }
    case 'timestamp':
      return checkScalar(value, 'number', 'Timestamp');
    case 'boolean':
      return checkScalar(value, 'boolean', 'Boolean');
    case 'structure':
      if (Array.isArray(value)) {
        throw typeError('Start of list found where not expected');
      }
      if (!isObject(value)) {
        throw typeError('Unexpected field type');
      }
      return checkStructure(value, constraint.members);
    case 'list':
      if (isObject(value)) {
        throw typeError('Start of structure or map found where not expected');
      }
      if (!Array.isArray(value)) {
        throw typeError('Unexpected field type');
      }
      return value.map((item: unknown) => checkType(item, constraint.member) ?? null);
    case 'map': {
      if (Array.isArray(value)) {
        throw typeError('Start of list found where not expected');
      }
      if (!isObject(value)) {
        throw typeError('Unexpected field type');
      }
      const result: JsonObject = {};
      for (const [key, item] of Object.entries(value)) {
        result[key] = checkType(item, constraint.value) ?? null;
      }
      return result;
    }
  }
}

function checkScalar(value: unknown, jsonType: 'string' | 'number' | 'boolean', javaType: string): unknown {
  if (typeof value === jsonType) {
    return value;
  }
  if (Array.isArray(value)) {
    throw typeError(`Unrecognized collection type class java.lang.${javaType}`);
  }
  if (isObject(value)) {
    throw typeError('Start of structure or map found where not expected');
  }
  throw typeError(`${scalarName(value)} cannot be converted to ${javaType}`);
}

/** AWS names members in lowerCamelCase in validation messages: `ApplicationName` → `applicationName`. */
function lowerFirst(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

/** How AWS (Java) prints a value in a validation message. */
function formatValue(value: unknown): string {
  if (value === undefined || value === null) {
    return 'null';
  }
  return `'${javaString(value)}'`;
}

function javaString(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(javaString).join(', ')}]`;
  }
  if (isObject(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}=${javaString(item)}`)
      .join(', ')}}`;
  }
  return String(value);
}

const patternCache = new Map<string, RegExp>();

/** Model patterns are Java regexes matched against the whole value. */
function matchesPattern(value: string, pattern: string): boolean {
  let regex = patternCache.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${pattern})$`);
    patternCache.set(pattern, regex);
  }
  return regex.test(value);
}

function checkMembers(value: JsonObject, table: ConstraintTable, parent: string, errors: string[]): void {
  for (const [member, constraint] of Object.entries(table)) {
    checkConstraint(value[member], constraint, parent + lowerFirst(member), errors);
  }
}

function checkConstraint(value: unknown, constraint: Constraint, path: string, errors: string[]): void {
  function fail(rule: string): void {
    errors.push(`Value ${formatValue(value)} at '${path}' failed to satisfy constraint: ${rule}`);
  }
  if (value === undefined || value === null) {
    if (constraint.required === true) {
      fail('Member must not be null');
    }
    return;
  }
  switch (constraint.type) {
    case 'string':
      if (typeof value === 'string') {
        checkLength(value.length, constraint, fail);
        if (constraint.pattern !== undefined && !matchesPattern(value, constraint.pattern)) {
          fail(`Member must satisfy regular expression pattern: ${constraint.pattern}`);
        }
        if (constraint.enum !== undefined && !constraint.enum.includes(value)) {
          fail(`Member must satisfy enum value set: [${constraint.enum.join(', ')}]`);
        }
      }
      return;
    case 'blob':
      if (typeof value === 'string') {
        checkLength(Buffer.from(value, 'base64').length, constraint, fail);
      }
      return;
    case 'integer':
    case 'long':
      if (typeof value === 'number') {
        if (constraint.min !== undefined && value < constraint.min) {
          fail(`Member must have value greater than or equal to ${constraint.min}`);
        }
        if (constraint.max !== undefined && value > constraint.max) {
          fail(`Member must have value less than or equal to ${constraint.max}`);
        }
      }
      return;
    case 'boolean':
    case 'timestamp':
      return;
    case 'structure':
      if (isObject(value)) {
        checkMembers(value, constraint.members, `${path}.`, errors);
      }
      return;
    case 'list':
      if (Array.isArray(value)) {
        checkLength(value.length, constraint, fail);
        value.forEach((item: unknown, index: number) => {
          checkConstraint(item, { ...constraint.member, required: true }, `${path}.${index + 1}.member`, errors);
        });
      }
      return;
    case 'map':
      if (isObject(value)) {
        const entries = Object.entries(value);
        checkLength(entries.length, constraint, fail);
        for (const [key, item] of entries) {
          checkConstraint(item, { ...constraint.value, required: true }, `${path}.${key}`, errors);
        }
      }
      return;
  }
}

function checkLength(
  length: number,
  constraint: { readonly min?: number; readonly max?: number },
  fail: (rule: string) => void,
): void {
  if (constraint.min !== undefined && length < constraint.min) {
    fail(`Member must have length greater than or equal to ${constraint.min}`);
  }
  if (constraint.max !== undefined && length > constraint.max) {
    fail(`Member must have length less than or equal to ${constraint.max}`);
  }
}

export type { Constraint, ConstraintTable };
export { validateInput };
