import {
  AUTO_SCALING_MODES,
  AutoScalingMode,
  isRowAttribute,
  isTimeZone,
  ROW_ATTRIBUTES,
  type Row,
  RowDefaults,
  type RowInput,
  RowSchema,
  suggestTimeZone,
  WEEKDAYS,
  Weekday,
} from '../../src/index';
import { rawRow } from '../helpers/rows';

describe('Schema: RowSchema', () => {
  it('returns defaults applied when parsed directly', () => {
    // Prepare
    const input: RowInput = { appName: 'a', lowKPU: 1, highKPU: 2, scaleUpHour: 9, scaleDownHour: 17 };

    // Act
    const row: Row = RowSchema.parse(input);

    // Assess
    expect(row).toEqual({ ...input, timezone: 'UTC', peakDays: WEEKDAYS, enabled: true, autoScaling: 'keep' });
  });

  it('returns our wording in its own error messages', () => {
    // Prepare
    const raw = rawRow({ lowKPU: '4', highKPU: 1 });

    // Act
    const result = RowSchema.safeParse(raw);

    // Assess
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'lowKPU "4" is a string; lowKPU must be a whole number >= 1 (a DynamoDB N attribute)',
    ]);
  });

  it('returns a failure for cross-field rules when parsed directly', () => {
    // Prepare
    const raw = rawRow({ lowKPU: 3, highKPU: 1 });

    // Act
    const result = RowSchema.safeParse(raw);

    // Assess
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['highKPU'], message: 'highKPU 1 is below lowKPU 3; highKPU must be >= lowKPU' }),
    ]);
  });

  it('returns the known attributes in the same order as the schema shape', () => {
    // Act
    const shapeKeys = Object.keys(RowSchema.shape);

    // Assess
    expect(ROW_ATTRIBUTES).toEqual(shapeKeys);
    expect(ROW_ATTRIBUTES).toEqual([
      'appName',
      'lowKPU',
      'highKPU',
      'scaleUpHour',
      'scaleDownHour',
      'timezone',
      'peakDays',
      'enabled',
      'autoScaling',
      'windows',
      'overrides',
      'holidays',
      'calendars',
    ]);
  });

  it('returns true from isRowAttribute only for exact names', () => {
    // Act
    const results = ['timezone', 'timeZone', 'lowKPU', 'lowkpu'].map(isRowAttribute);

    // Assess
    expect(results).toEqual([true, false, true, false]);
  });
});

describe('Constants', () => {
  it('returns the weekdays Monday first', () => {
    // Assess
    expect(WEEKDAYS).toEqual(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']);
    expect(Object.values(Weekday)).toEqual(WEEKDAYS);
    expect(Object.isFrozen(WEEKDAYS)).toBe(true);
  });

  it('returns the documented defaults', () => {
    // Assess
    expect(RowDefaults.timezone).toBe('UTC');
    expect(RowDefaults).toEqual({ timezone: 'UTC', peakDays: WEEKDAYS, enabled: true, autoScaling: 'keep' });
    expect(AUTO_SCALING_MODES).toEqual(Object.values(AutoScalingMode));
  });
});

describe('Function: isTimeZone', () => {
  it.each([
    ['UTC', true],
    ['Europe/Berlin', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Etc/GMT+5', true],
    ['europe/berlin', true],
    ['Europe/Berln', false],
    ['', false],
    ['+02:00', false],
    ['CEST', false],
  ])('returns whether %p is a zone', (zone, expected) => {
    // Act
    const result = isTimeZone(zone);

    // Assess
    expect(result).toBe(expected);
  });

  it('returns the same answer from its cache', () => {
    // Act
    const first = isTimeZone('Asia/Kolkata');
    const second = isTimeZone('Asia/Kolkata');

    // Assess
    expect([first, second]).toEqual([true, true]);
  });
});

describe('Function: suggestTimeZone', () => {
  it.each([
    ['Europe/Pariss', 'Europe/Paris'],
    ['America/New_Yrok', 'America/New_York'],
    ['Asia/Kolkatta', 'Asia/Kolkata'],
    ['Utc', 'UTC'],
    ['Mars/Olympus_Mons', undefined],
  ])('returns the closest zone for %p', (zone, expected) => {
    // Act
    const result = suggestTimeZone(zone);

    // Assess
    expect(result).toBe(expected);
  });
});
