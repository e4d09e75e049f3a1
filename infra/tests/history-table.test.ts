import { HistoryTable } from '../lib/history-table';
import { configErrorOf, createEmptyStack } from './helpers/stack';

// Its resources are checked in the stack's template, scaler-stack.test.ts.
describe('Construct: HistoryTable', () => {
  it.each([false, true])('refuses a table name DynamoDB would refuse (importHistoryTable %s)', (importHistoryTable) => {
    // Prepare
    const props = { historyTableName: 'my history', importHistoryTable };

    // Act
    const error = configErrorOf(() => new HistoryTable(createEmptyStack(), 'HistoryTable', props));

    // Assess
    expect(error.problems).toStrictEqual([
      { setting: 'historyTableName', problem: 'must be 3-255 characters of a-z A-Z 0-9 _ . -, got "my history"' },
    ]);
  });
});
