import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { type LocalClients, type LocalStack, localClients, seed, startLocalStack } from '@msf-scaler/local-stack';
import type { ValidationReport } from '../../src/validate/types';
import { runCli } from '../helpers/runCli';

describe('Integration: msf-scaler validate --table against the local world', () => {
  let stack: LocalStack;
  let clients: LocalClients;

  beforeAll(async () => {
    stack = await startLocalStack({ ddbPort: 0, msfPort: 0, transitionMs: 0 });
    clients = localClients(stack);
    await seed(
      stack,
      {
        rows: [{ appName: 'orders-enricher', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20 }],
        applications: [],
      },
      { clients },
    );
    // Written as `aws dynamodb put-item` would: DynamoDB accepts every one of them.
    const raw = [
      {
        appName: { S: 'payments' },
        lowKPU: { N: '4' },
        highKPU: { N: '2' },
        scaleUpHour: { N: '8' },
        scaleDownHour: { N: '20' },
      },
      {
        appName: { S: 'clicks' },
        lowKPU: { N: '1' },
        highKPU: { N: '99999999999999999999' },
        scaleUpHour: { S: '8' },
        scaleDownHour: { N: '20' },
        scaleupHour: { N: '9' },
      },
      { appName: { S: 'fake\nvalid: 3 rows\u001b[2J' }, lowKPU: { N: '1' } },
    ];
    for (const Item of raw) {
      await clients.dynamodbClient.send(new PutItemCommand({ TableName: stack.tableName, Item }));
    }
  });

  afterAll(async () => {
    clients.destroy();
    await stack.close();
  });

  it('checks every row of the table in place, names row, attribute, value and rule, and exits 1', async () => {
    // Act
    const result = await runCli(['validate', '--table', stack.tableName], { createClients: () => clients });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    const table = `table ${stack.tableName}`;
    expect(lines).toEqual(
      expect.arrayContaining([
        `${table}: error: row "payments": highKPU 2 is below lowKPU 4; highKPU must be >= lowKPU`,
        `${table}: error: row "clicks": highKPU 99999999999999999999 is a number with more digits than can be held exactly; highKPU must be a whole number >= 1 (a DynamoDB N attribute)`,
        `${table}: warning: row "clicks": unknown attribute "scaleupHour" is ignored; did you mean "scaleUpHour"?`,
      ]),
    );
    expect(lines.some((line) => line.startsWith(`${table}: error: row "fake\\nvalid: 3 rows\\u001b[2J"`))).toBe(true);
    expect(lines.at(-1)).toBe('invalid: 4 rows in 1 input: 1 valid, 3 invalid (7 issues), 1 warning');
  });

  it('takes the table from SCHEDULE_TABLE for --table without a name, and reports it as JSON', async () => {
    // Act
    const result = await runCli(['validate', '--table', '--json'], {
      env: { SCHEDULE_TABLE: stack.tableName },
      createClients: () => clients,
    });

    // Assess
    const report = JSON.parse(result.stdout) as ValidationReport;
    expect(report.sources).toEqual([{ source: `table ${stack.tableName}`, format: 'table', rows: 4, invalid: 3 }]);
    expect(report.rows.find((row) => row.rowId === 'orders-enricher')).toMatchObject({
      valid: true,
      row: expect.any(Number),
    });
    expect(report.rows.every((row) => row.notation === undefined && row.line === undefined)).toBe(true);
  });

  it('exits 1 with the fix when the table does not exist', async () => {
    // Act
    const result = await runCli(['validate', '--table', 'no-such-table'], { createClients: () => clients });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error: cannot read schedule table "no-such-table": ResourceNotFoundException');
    expect(result.stderr).toContain('create the table or point at the right one');
  });
});
