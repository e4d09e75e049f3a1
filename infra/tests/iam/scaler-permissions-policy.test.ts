import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import {
  describeAppNamePrefixProblem,
  describeRequiredTagProblem,
  ScalerPermissionsPolicy,
} from '../../lib/iam/scaler-permissions-policy';
import { configErrorOf, createEmptyStack } from '../helpers/stack';

// Its statements are checked in the stack's template, scaler-stack.test.ts.
describe('Construct: ScalerPermissionsPolicy', () => {
  it('refuses a prefix that would widen the grant', () => {
    // Prepare
    const stack = createEmptyStack();
    const props = {
      table: Table.fromTableName(stack, 'Table', 'schedules'),
      historyTable: Table.fromTableName(stack, 'HistoryTable', 'history'),
      logGroup: LogGroup.fromLogGroupName(stack, 'LogGroup', 'scaler'),
      appNamePrefix: 'orders*',
    };

    // Act
    const error = configErrorOf(() => new ScalerPermissionsPolicy(stack, 'Permissions', props));

    // Assess
    expect(error.message).toMatch(/appNamePrefix must be 1-128 characters of a-z A-Z 0-9 _ \. - .*got "orders\*"/);
  });

  it('refuses a required tag that is not key=value, naming the setting and the fix', () => {
    // Prepare
    const stack = createEmptyStack();
    const props = {
      table: Table.fromTableName(stack, 'Table', 'schedules'),
      historyTable: Table.fromTableName(stack, 'HistoryTable', 'history'),
      logGroup: LogGroup.fromLogGroupName(stack, 'LogGroup', 'scaler'),
      requiredTag: 'managed',
    };

    // Act
    const error = configErrorOf(() => new ScalerPermissionsPolicy(stack, 'Permissions', props));

    // Assess
    expect(error.problems).toStrictEqual([
      {
        setting: 'requiredTag',
        problem: 'must be key=value, got "managed"; give it as key=value, e.g. msf-scaler=managed',
      },
    ]);
  });
});

describe('Function: describeRequiredTagProblem', () => {
  it.each([
    'msf-scaler=managed',
    'key=value',
    'team=',
    'cost center=a b',
    'app/owner:x=user@example.com',
    'équipe=données',
    'k=a=b',
    `${'k'.repeat(128)}=${'v'.repeat(256)}`,
  ])('accepts %s', (tag) => {
    // Prepare
    // Act
    const problem = describeRequiredTagProblem(tag);

    // Assess
    expect(problem).toBeUndefined();
  });

  it.each([
    ['managed', /^must be key=value, got "managed"/],
    ['=managed', /^must have a key of 1-128 /],
    [`${'k'.repeat(129)}=v`, /^must have a key of 1-128 /],
    ['a*b=c', /^must have a key of 1-128 .*got "a\*b"/],
    ['aws:owner=me', /^must not have a key starting with "aws:"/],
    [`k=${'v'.repeat(257)}`, /^must have a value of 0-256 /],
    ['k=a,b', /^must have a value of 0-256 .*got "a,b"/],
    ['k="v"', /^must have a value of 0-256 /],
  ])('rejects "%s"', (tag, expected) => {
    // Prepare
    // Act
    const problem = describeRequiredTagProblem(tag);

    // Assess
    expect(problem).toMatch(expected);
    expect(problem).toMatch(/give it as key=value, e\.g\. msf-scaler=managed$/);
  });
});

describe('Function: describeAppNamePrefixProblem', () => {
  it.each(['orders-', 'team_a.', 'A', 'x'.repeat(128)])('accepts %s', (prefix) => {
    // Prepare
    // Act
    const problem = describeAppNamePrefixProblem(prefix);

    // Assess
    expect(problem).toBeUndefined();
  });

  it.each(['*', 'orders-*', 'a/b', 'a b', 'x'.repeat(129), ''])('rejects "%s"', (prefix) => {
    // Prepare
    // Act
    const problem = describeAppNamePrefixProblem(prefix);

    // Assess
    expect(problem).toMatch(/^must be 1-128 characters of a-z A-Z 0-9 _ \. -/);
  });
});
