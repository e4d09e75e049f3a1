import { UnreadableValue } from '@msf-scaler/schema';
import { fromDynamoDbJson, isDynamoDbJson } from '../../src/validate/dynamoDbJson';

describe('Function: isDynamoDbJson', () => {
  it.each([
    [{ appName: { S: 'a' }, lowKPU: { N: '1' } }, true],
    [{ lowKPU: { N: '1' }, highKPU: 4 }, true],
    [{ appName: 'a', lowKPU: { N: '1' } }, false],
    [{ appName: 'a', lowKPU: 1 }, false],
    [{ appName: { S: 'a', N: '1' } }, false],
    [{}, false],
  ])('tells %p as DynamoDB JSON: %p', (row, expected) => {
    // Act
    const result = isDynamoDbJson(row);

    // Assess
    expect(result).toBe(expected);
  });
});

describe('Function: fromDynamoDbJson', () => {
  it('reads every attribute type the way lib-dynamodb reads the table', () => {
    // Act
    const { item, problems } = fromDynamoDbJson(
      {
        appName: { S: 'orders' },
        lowKPU: { N: '1' },
        big: { N: '99999999999999999999' },
        enabled: { BOOL: false },
        nothing: { NULL: true },
        peakDays: { SS: ['MON', 'FRI'] },
        weights: { NS: ['1', '2.5'] },
        list: { L: [{ S: 'x' }, { N: '2' }] },
        map: { M: { k: { S: 'v' } } },
      },
      'row "orders"',
    );

    // Assess
    expect(problems).toEqual([]);
    expect(item).toEqual({
      appName: 'orders',
      lowKPU: 1,
      big: new UnreadableValue('99999999999999999999', 'a number with more digits than can be held exactly'),
      enabled: false,
      nothing: null,
      peakDays: new Set(['MON', 'FRI']),
      weights: new Set([1, 2.5]),
      list: ['x', 2],
      map: { k: 'v' },
    });
  });

  it.each([
    [{ N: 8 }, 'N must hold the number as a string'],
    [{ N: 'eight' }, 'N "eight" is not a number'],
    [{ N: `1${'0'.repeat(38)}1` }, 'N has 40 significant digits'],
    [{ S: 5 }, 'S must hold a string'],
    [{ BOOL: 'true' }, 'BOOL must hold true or false'],
    [{ NULL: false }, 'NULL must hold true'],
    [{ SS: [] }, 'SS is empty'],
    [{ SS: ['MON', 'MON'] }, 'SS holds a member twice'],
    [{ NS: ['1', 'x'] }, 'a member of NS: "x" is not a number'],
    [{ L: [{ S: 1 }] }, 'a value inside it: S must hold a string'],
    [{ M: { k: 'v' } }, 'a value inside it: it is not one {"TYPE": value} pair'],
    ['plain', 'it is not one {"TYPE": value} pair'],
    [{ X: 1 }, 'it is not one {"TYPE": value} pair'],
  ])('refuses %p, naming the attribute, the value and the rule', (value, problem) => {
    // Act
    const { item, problems } = fromDynamoDbJson({ appName: { S: 'orders' }, lowKPU: value }, 'row "orders"');

    // Assess
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ attribute: 'lowKPU', value });
    expect(problems[0]?.message).toContain(
      `row "orders": lowKPU ${JSON.stringify(value)} is not DynamoDB JSON: ${problem}`,
    );
    expect(problems[0]?.rule).toContain('in DynamoDB JSON every attribute is one {"TYPE": value} pair');
    expect(item.lowKPU).toBeInstanceOf(UnreadableValue);
  });

  it('refuses maps nested deeper than DynamoDB stores', () => {
    // Prepare
    let deep: unknown = { S: 'bottom' };
    for (let level = 0; level < 40; level += 1) deep = { M: { inner: deep } };

    // Act
    const { problems } = fromDynamoDbJson({ appName: { S: 'a' }, notes: deep }, 'row "a"');

    // Assess
    expect(problems[0]?.message).toContain('nested deeper than 32 levels');
  });
});
