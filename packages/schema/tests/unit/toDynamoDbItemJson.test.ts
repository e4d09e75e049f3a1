import {
  EXAMPLE_ROW,
  InvalidRowError,
  parsePeakDays,
  parseRow,
  type RowInput,
  toDynamoDbItemJson,
} from '../../src/index';

/** Parses the item JSON into attribute name -> DynamoDB attribute value. */
function itemOf(json: string): Record<string, Record<string, unknown>> {
  const item: unknown = JSON.parse(json);
  if (typeof item !== 'object' || item === null) throw new Error('not an object');
  return Object.fromEntries(
    Object.entries(item).map(([name, value]: [string, unknown]) => {
      if (typeof value !== 'object' || value === null) throw new Error(`${name} is not an attribute value`);
      return [name, { ...value }];
    }),
  );
}

/** One DynamoDB JSON attribute value as a plain value, the way lib-dynamodb reads it (SS as a Set). */
function plain(name: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) throw new Error(`${name} is not an attribute value`);
  if ('S' in value) return value.S;
  if ('N' in value) return Number(value.N);
  if ('BOOL' in value) return value.BOOL;
  if ('SS' in value && Array.isArray(value.SS)) return new Set(value.SS);
  if ('L' in value && Array.isArray(value.L)) return value.L.map((element: unknown) => plain(name, element));
  if ('M' in value && typeof value.M === 'object' && value.M !== null) {
    return Object.fromEntries(Object.entries(value.M).map(([key, element]) => [key, plain(key, element)]));
  }
  throw new Error(`unexpected type for ${name}`);
}

/** Turns DynamoDB JSON back into a plain item, the way lib-dynamodb would. */
function unmarshall(json: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(itemOf(json)).map(([name, value]) => [name, plain(name, value)]));
}

describe('Function: toDynamoDbItemJson', () => {
  it('returns the DynamoDB JSON of the example row, attributes in documentation order', () => {
    // Act
    const json = toDynamoDbItemJson(EXAMPLE_ROW);

    // Assess
    expect(json).toBe(
      '{"appName":{"S":"orders-enricher"},"lowKPU":{"N":"2"},"highKPU":{"N":"8"},"scaleUpHour":{"N":"7"},"scaleDownHour":{"N":"19"},"timezone":{"S":"Europe/Berlin"},"peakDays":{"S":"MON-FRI"},"enabled":{"BOOL":true},"autoScaling":{"S":"keep"}}',
    );
  });

  it('returns only the attributes given, leaving defaults implicit', () => {
    // Prepare
    const row: RowInput = { appName: 'a', lowKPU: 1, highKPU: 1, scaleUpHour: 0, scaleDownHour: 12 };

    // Act
    const json = toDynamoDbItemJson(row);

    // Assess
    expect(json).toBe(
      '{"appName":{"S":"a"},"lowKPU":{"N":"1"},"highKPU":{"N":"1"},"scaleUpHour":{"N":"0"},"scaleDownHour":{"N":"12"}}',
    );
  });

  it.each([
    ['a list', ['fri', 'Monday-Thursday'], 'MON-FRI'],
    ['a Set', new Set(['SUN', 'SAT']), 'SAT,SUN'],
    ['a lower-case string', 'fri-mon', 'FRI-MON'],
    ['every day', 'monday-sunday', 'MON-SUN'],
  ])('returns peakDays given as %s as a normalized string', (_name, peakDays, stored) => {
    // Prepare
    const row: RowInput = { ...EXAMPLE_ROW, peakDays };

    // Act
    const item = itemOf(toDynamoDbItemJson(row));

    // Assess
    expect(item.peakDays).toEqual({ S: stored });
  });

  it('returns an item that parses back to the same row', () => {
    // Prepare
    const row: RowInput = {
      ...EXAMPLE_ROW,
      peakDays: new Set(['FRI', 'SAT', 'SUN', 'MON']),
      enabled: false,
      autoScaling: 'disable',
    };

    // Act
    const roundTripped = parseRow(unmarshall(toDynamoDbItemJson(row)), 0);

    // Assess
    expect(roundTripped).toEqual(parseRow(row, 0));
    expect(roundTripped.ok).toBe(true);
  });

  it('returns windows and overrides as lists of maps, holidays and calendars as string sets', () => {
    // Prepare
    const row: RowInput = {
      appName: 'a',
      lowKPU: 2,
      windows: [
        { from: 8, to: 20, kpu: 8, days: ['fri', 'mon-thu'] },
        { from: 20, to: 23, kpu: 4 },
      ],
      overrides: [{ kpu: 16, until: '2026-12-04T18:00:00Z', reason: 'launch week', by: 'ops' }],
      holidays: ['2026-12-26', '2026-12-25'],
      calendars: new Set(['de-public']),
    };

    // Act
    const json = toDynamoDbItemJson(row);

    // Assess
    expect(json).toBe(
      '{"appName":{"S":"a"},"lowKPU":{"N":"2"},' +
        '"windows":{"L":[{"M":{"from":{"N":"8"},"to":{"N":"20"},"kpu":{"N":"8"},"days":{"S":"MON-FRI"}}},{"M":{"from":{"N":"20"},"to":{"N":"23"},"kpu":{"N":"4"}}}]},' +
        '"overrides":{"L":[{"M":{"kpu":{"N":"16"},"until":{"S":"2026-12-04T18:00:00Z"},"reason":{"S":"launch week"},"by":{"S":"ops"}}}]},' +
        '"holidays":{"SS":["2026-12-25","2026-12-26"]},"calendars":{"SS":["de-public"]}}',
    );
  });

  it('returns an empty list for empty holidays, since DynamoDB has no empty string set', () => {
    // Act
    const item = itemOf(toDynamoDbItemJson({ ...EXAMPLE_ROW, holidays: [] }));

    // Assess
    expect(item.holidays).toEqual({ L: [] });
  });

  it('returns an item with every schedule attribute that parses back to the same row', () => {
    // Prepare
    const row: RowInput = {
      ...EXAMPLE_ROW,
      windows: [{ from: 19, to: 23, kpu: 4, days: new Set(['MON', 'TUE']) }],
      overrides: [
        { kpu: 1, from: '2026-12-24T00:00:00+01:00', until: '2026-12-27T00:00:00+01:00', reason: 'shutdown' },
      ],
      holidays: new Set(['2026-12-25']),
      calendars: ['de-public'],
    };

    // Act
    const roundTripped = parseRow(unmarshall(toDynamoDbItemJson(row)), 0);

    // Assess
    expect(roundTripped).toEqual(parseRow(row, 0));
    expect(roundTripped.ok).toBe(true);
  });

  it('throws InvalidRowError listing every issue for an invalid row', () => {
    // Prepare
    const row: RowInput = { ...EXAMPLE_ROW, lowKPU: 0, scaleDownHour: 7 };

    // Act
    function act() {
      return toDynamoDbItemJson(row);
    }

    // Assess
    expect(act).toThrow(InvalidRowError);
    expect(act).toThrow(
      'The row is invalid (2 issues):\n- row "orders-enricher": lowKPU 0 is below 1; lowKPU must be a whole number >= 1 (a DynamoDB N attribute)\n- row "orders-enricher": scaleDownHour 7 equals scaleUpHour 7',
    );
  });
});

describe('Constant: EXAMPLE_ROW', () => {
  it('returns a valid business-hours row on working days', () => {
    // Act
    const result = parseRow(EXAMPLE_ROW, 0);

    // Assess
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(parsePeakDays(EXAMPLE_ROW.peakDays)).toEqual({ ok: true, days: ['MON', 'TUE', 'WED', 'THU', 'FRI'] });
  });
});

describe('Class: InvalidRowError', () => {
  it('returns its name, issues and cause', () => {
    // Prepare
    const cause = new Error('root');

    // Act
    const error = new InvalidRowError([], { cause });

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidRowError');
    expect(error.issues).toEqual([]);
    expect(error.cause).toBe(cause);
  });
});
