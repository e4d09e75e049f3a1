import { ServiceError } from '../../src/errors';
import { type ConstraintTable, validateInput } from '../../src/validation';

const Table = {
  Name: { type: 'string', required: true, min: 1, max: 5, pattern: '[a-z]+' },
  Count: { type: 'integer', min: 1, max: 10 },
  Enabled: { type: 'boolean' },
  Nested: {
    type: 'structure',
    members: { Mode: { type: 'string', required: true, enum: ['A', 'B'] } },
  },
  Items: {
    type: 'list',
    max: 2,
    member: { type: 'structure', members: { Key: { type: 'string', required: true, min: 2 } } },
  },
  Props: { type: 'map', min: 1, value: { type: 'string', min: 1 } },
} as const satisfies ConstraintTable;

function errorOf(input: Record<string, unknown>): ServiceError {
  try {
    validateInput(input, Table);
  } catch (err) {
    if (err instanceof ServiceError) {
      return err;
    }
    throw err;
  }
  throw new Error('Expected validateInput to throw');
}

describe('Function: validateInput', () => {
  it('returns the input without unknown members and nulls, with integers truncated', () => {
    // Act
    const result = validateInput({ Name: 'abc', Count: 2.9, Extra: true, Enabled: null }, Table);

    // Assess
    expect(result).toEqual({ Name: 'abc', Count: 2 });
  });

  it('throws InvalidArgumentException naming list members and map keys by AWS paths', () => {
    // Act
    const error = errorOf({ Name: 'abc', Items: [{ Key: 'ok' }, { Key: 'x' }], Props: { a: '' } });

    // Assess
    expect(error.code).toBe('InvalidArgumentException');
    expect(error.message).toBe(
      '2 validation errors detected: ' +
        "Value 'x' at 'items.2.member.key' failed to satisfy constraint: Member must have length greater than or equal to 2; " +
        "Value '' at 'props.a' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('throws InvalidArgumentException for nested required members, enums and list length', () => {
    // Act
    const error = errorOf({ Name: 'abcdef1', Nested: {}, Items: [{ Key: 'aa' }, { Key: 'bb' }, { Key: 'cc' }] });

    // Assess
    expect(error.message).toBe(
      '4 validation errors detected: ' +
        "Value 'abcdef1' at 'name' failed to satisfy constraint: Member must have length less than or equal to 5; " +
        "Value 'abcdef1' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+; " +
        "Value null at 'nested.mode' failed to satisfy constraint: Member must not be null; " +
        "Value '[{Key=aa}, {Key=bb}, {Key=cc}]' at 'items' failed to satisfy constraint: " +
        'Member must have length less than or equal to 2',
    );
  });

  it('throws InvalidArgumentException listing at most 10 violations but counting all', () => {
    // Prepare
    const table: ConstraintTable = Object.fromEntries(
      Array.from({ length: 12 }, (_, index) => [`M${index}`, { type: 'string', required: true } as const]),
    );

    // Act
    let message = '';
    try {
      validateInput({}, table);
    } catch (err) {
      message = err instanceof Error ? err.message : '';
    }

    // Assess
    expect(message).toMatch(/^12 validation errors detected: /);
    expect(message.split('; ')).toHaveLength(10);
  });

  it.each([
    [{ Name: true }, 'TRUE_VALUE cannot be converted to String'],
    [{ Name: 'a', Count: 'two' }, 'STRING_VALUE cannot be converted to Integer'],
    [{ Name: 'a', Count: 1.5, Enabled: 1 }, 'NUMBER_VALUE cannot be converted to Boolean'],
    [{ Name: { a: 1 } }, 'Start of structure or map found where not expected'],
    [{ Name: 'a', Nested: 'A' }, 'Unexpected field type'],
    [{ Name: 'a', Nested: [] }, 'Start of list found where not expected'],
    [{ Name: 'a', Items: {} }, 'Start of structure or map found where not expected'],
    [{ Name: 'a', Props: [] }, 'Start of list found where not expected'],
  ])('throws SerializationException for a wrong JSON type %j', (input, message) => {
    // Act
    const error = errorOf(input);

    // Assess
    expect(error.code).toBe('SerializationException');
    expect(error.message).toBe(message);
  });
});
