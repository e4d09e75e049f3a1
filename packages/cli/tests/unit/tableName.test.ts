import { checkTableName, resolveTableName } from '../../src/tableName';
import { runCli } from '../helpers/runCli';

describe('Function: resolveTableName', () => {
  it('takes the flag over $SCHEDULE_TABLE over the default', () => {
    // Act
    const names = [
      resolveTableName('team-schedules', { SCHEDULE_TABLE: 'from-env' }),
      resolveTableName(undefined, { SCHEDULE_TABLE: 'from-env' }),
      resolveTableName(undefined, {}),
    ];

    // Assess
    expect(names).toEqual(['team-schedules', 'from-env', 'msf-scaler-schedules']);
  });

  it('names the variable when $SCHEDULE_TABLE breaks the rule', () => {
    // Act
    function resolve(): string {
      return resolveTableName(undefined, { SCHEDULE_TABLE: 'a b' });
    }

    // Assess
    expect(resolve).toThrow('$SCHEDULE_TABLE "a b" is not a DynamoDB table name: 3-255 letters, digits, _ . -');
  });

  it.each([
    ['2 characters', 'tz'],
    ['256 characters', 'x'.repeat(256)],
    ['a space', 'team schedules'],
    ['a slash', 'tab/le'],
  ])('refuses a name with %s', (_label, name) => {
    // Act
    function check(): string {
      return checkTableName(name, '--table');
    }

    // Assess
    expect(check).toThrow(`--table ${JSON.stringify(name)} is not a DynamoDB table name: 3-255 letters, digits, _ . -`);
  });
});

describe('Command: --table tz', () => {
  it.each([
    [['run', '--table', 'tz']],
    [['plan', '--table', 'tz']],
    [['list', '--table', 'tz']],
    [['show', 'orders-enricher', '--table', 'tz']],
    [['simulate', '--table', 'tz']],
    [['override', 'orders-enricher', '--kpu', '8', '--until', '+4h', '--reason', 'x', '--table', 'tz']],
    [['calendar', 'put', 'de-public', '--dates', '2026-12-25', '--table', 'tz']],
    [['calendar', 'list', '--table', 'tz']],
    [['validate', '--table', 'tz']],
    [['put', '--app', 'a1', '--low', '1', '--high', '2', '--up', '8', '--down', '20', '--table', 'tz']],
    [['remove', 'orders-enricher', '--yes', '--table', 'tz']],
    [['enable', 'orders-enricher', '--table', 'tz']],
    [['disable', 'orders-enricher', '--table', 'tz']],
  ])('%j is a usage error naming the rule, before any AWS call', async (args) => {
    // Act
    const run = await runCli(args);

    // Assess
    expect(run.stderr).toContain('--table "tz" is not a DynamoDB table name: 3-255 letters, digits, _ . -');
    expect(run.stderr).not.toContain('this test calls no AWS service');
    expect(run.code).toBe(2);
  });
});
