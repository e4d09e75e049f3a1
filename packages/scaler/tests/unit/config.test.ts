import {
  parseInstant,
  requireTableName,
  resolveConcurrency,
  resolveEvents,
  resolveMaxKpuPerApplication,
  resolveMaxTotalKpu,
} from '../../src/config';
import { ConfigError } from '../../src/errors';

describe('Function: parseInstant', () => {
  it.each(['2026-11-27T20:00:00Z', '2026-11-27T20:00Z', '2026-11-27T21:00:00+01:00', '2026-11-27T20:00:00.123Z'])(
    'accepts %s',
    (text) => {
      // Act
      const instant = parseInstant(text, '--at');

      // Assess
      expect(Number.isNaN(instant.getTime())).toBe(false);
    },
  );

  it.each(['2026-11-27T20:00:00', '2026-11-27', 'now', '2026-13-27T20:00:00Z', ''])(
    'rejects %p naming the source',
    (text) => {
      // Act
      function parse() {
        return parseInstant(text, '--at');
      }

      // Assess
      expect(parse).toThrow(ConfigError);
      expect(parse).toThrow(/--at must be an ISO-8601 instant with a zone/);
    },
  );
});

describe('Function: resolveConcurrency', () => {
  it('defaults to 32 when SCALER_CONCURRENCY is missing or blank', () => {
    // Act & Assess
    expect(resolveConcurrency({})).toBe(32);
    expect(resolveConcurrency({ SCALER_CONCURRENCY: '  ' })).toBe(32);
  });

  it.each(['0', '65', '2.5', 'many', '-1'])('rejects %p and names the variable', (value) => {
    // Act
    function read() {
      return resolveConcurrency({ SCALER_CONCURRENCY: value });
    }

    // Assess
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(`SCALER_CONCURRENCY must be a whole number from 1 to 64, got "${value}"`);
  });

  it('reads a valid value', () => {
    // Act & Assess
    expect(resolveConcurrency({ SCALER_CONCURRENCY: '16' })).toBe(16);
  });

  it('prefers the flag over the variable and names the flag when it is wrong', () => {
    // Act & Assess
    expect(resolveConcurrency({ SCALER_CONCURRENCY: '16' }, '3')).toBe(3);
    expect(() => resolveConcurrency({ SCALER_CONCURRENCY: '16' }, '0')).toThrow(
      '--concurrency must be a whole number from 1 to 64, got "0"',
    );
  });
});

describe('Function: resolveMaxKpuPerApplication', () => {
  it('defaults to 64, reads SCALER_MAX_KPU_PER_APPLICATION, and lets the flag win', () => {
    // Act & Assess
    expect(resolveMaxKpuPerApplication({})).toBe(64);
    expect(resolveMaxKpuPerApplication({ SCALER_MAX_KPU_PER_APPLICATION: '128' })).toBe(128);
    expect(resolveMaxKpuPerApplication({ SCALER_MAX_KPU_PER_APPLICATION: '128' }, '16')).toBe(16);
  });

  it.each([
    [
      { SCALER_MAX_KPU_PER_APPLICATION: '0' },
      undefined,
      'SCALER_MAX_KPU_PER_APPLICATION must be a whole number from 1 to 10000, got "0"',
    ],
    [{}, 'lots', '--max-kpu-per-application must be a whole number from 1 to 10000, got "lots"'],
  ])('refuses %j / %p naming the source', (env, flag, message) => {
    // Act
    function read() {
      return resolveMaxKpuPerApplication(env, flag);
    }

    // Assess
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });
});

describe('Function: requireTableName', () => {
  it('tells a missing variable apart and names it', () => {
    // Act & Assess
    expect(() => requireTableName({})).toThrow('SCHEDULE_TABLE is not set; set it to the name of the schedule table');
    expect(requireTableName({ SCHEDULE_TABLE: 'my-table' })).toBe('my-table');
  });
});

describe('Function: resolveMaxTotalKpu', () => {
  it('is off by default, reads SCALER_MAX_TOTAL_KPU, and lets the flag win', () => {
    // Act & Assess
    expect(resolveMaxTotalKpu({})).toBeUndefined();
    expect(resolveMaxTotalKpu({ SCALER_MAX_TOTAL_KPU: '400' })).toBe(400);
    expect(resolveMaxTotalKpu({ SCALER_MAX_TOTAL_KPU: '400' }, '12')).toBe(12);
  });

  it.each([
    [
      { SCALER_MAX_TOTAL_KPU: '-1' },
      undefined,
      'SCALER_MAX_TOTAL_KPU must be a whole number from 1 to 1000000, got "-1"',
    ],
    [{}, '1e3', '--max-total-kpu must be a whole number from 1 to 1000000, got "1e3"'],
  ])('refuses %j / %p naming the source', (env, flag, message) => {
    // Act
    function read() {
      return resolveMaxTotalKpu(env, flag);
    }

    // Assess
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });
});

describe('Function: resolveEvents', () => {
  it.each([
    [{}, true],
    [{ SCALER_EVENTS: ' ' }, true],
    [{ SCALER_EVENTS: 'on' }, true],
    [{ SCALER_EVENTS: 'OFF' }, false],
  ] as const)('reads %j as %s', (env, expected) => {
    // Prepare
    // Act
    const events = resolveEvents(env);

    // Assess
    expect(events).toBe(expected);
  });

  it('refuses any other value, naming the variable', () => {
    // Prepare
    // Act
    // Assess
    expect(() => resolveEvents({ SCALER_EVENTS: 'yes' })).toThrow(
      new ConfigError('SCALER_EVENTS must be "on" or "off", got "yes"'),
    );
  });
});
