import { AlarmTopic, describeEmailProblem } from '../lib/alarm-topic';
import { configErrorOf, createEmptyStack } from './helpers/stack';

// Its resources are checked in the stack's template, scaler-stack.test.ts.
describe('Construct: AlarmTopic', () => {
  it('refuses an invalid alarm e-mail prop', () => {
    // Prepare
    const props = { alarmEmail: 'ops' };

    // Act
    const error = configErrorOf(() => new AlarmTopic(createEmptyStack(), 'AlarmTopic', props));

    // Assess
    expect(error.message).toMatch(/alarmEmail must be an e-mail address such as ops@example\.com, got "ops"/);
  });
});

describe('Function: describeEmailProblem', () => {
  it('accepts an address and rejects one without a domain dot', () => {
    // Prepare
    // Act
    const problems = [describeEmailProblem('ops+msf@example.co.uk'), describeEmailProblem('ops@localhost')];

    // Assess
    expect(problems).toStrictEqual([undefined, expect.stringMatching(/^must be an e-mail address/)]);
  });
});
