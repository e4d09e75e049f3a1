import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ValidationReport } from '../../src/validate/types';
import { rowsFile, runCli } from '../helpers/runCli';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the assertion looks for raw control characters.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

/** A valid row in plain JSON; override what a test needs. */
function aRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { appName: 'orders-enricher', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20, ...overrides };
}

describe('Command: msf-scaler validate', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'msf-scaler-validate-'));
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  /** Writes `content` to a file in the test's folder and returns its path. */
  function aFile(name: string, content: string | Uint8Array): string {
    const file = path.join(work, name);
    writeFileSync(file, content);
    return file;
  }

  it('accepts a file of valid plain JSON rows and exits 0 with one verdict line', async () => {
    // Act
    const result = await runCli(['validate', rowsFile('good-plain.json')]);

    // Assess
    expect(result).toEqual({
      args: `validate ${rowsFile('good-plain.json')}`,
      code: 0,
      stdout: 'valid: 2 rows in 1 input: 2 valid, 0 invalid, 0 warnings\n',
      stderr: '',
    });
  });

  it('names the file, line and column, the row, the attribute, the value and the rule of every problem', async () => {
    // Act
    const result = await runCli(['validate', rowsFile('bad-plain.json')]);

    // Assess
    expect(result).toMatchSnapshot();
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
  });

  it('reads DynamoDB JSON Lines: each problem by line, and a malformed line does not hide the next ones', async () => {
    // Act
    const result = await runCli(['validate', rowsFile('dynamodb.jsonl')]);

    // Assess
    expect(result).toMatchSnapshot();
    expect(result.stdout).toContain(
      `${rowsFile('dynamodb.jsonl')}:2:54: error: row "payments": highKPU 2 is below lowKPU 4; highKPU must be >= lowKPU`,
    );
    expect(result.stdout).toContain(`${rowsFile('dynamodb.jsonl')}:4:51: error: row #4: malformed JSON`);
    expect(result.stdout).toContain('unknown attribute "Timezone" is ignored; did you mean "timezone"?');
  });

  it('reads what `aws dynamodb scan` prints', async () => {
    // Act
    const result = await runCli(['validate', rowsFile('scan-output.json')]);

    // Assess
    expect(result).toMatchSnapshot();
  });

  it('prints only JSON with --json: every row, with the place, attribute, value and rule of each problem', async () => {
    // Act
    const result = await runCli(['validate', '--json', rowsFile('bad-plain.json'), rowsFile('dynamodb.jsonl')]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as ValidationReport;
    expect(report).toMatchObject({
      valid: false,
      strict: false,
      counts: { sources: 2, rows: 9, valid: 3, invalid: 6, unreadable: 0 },
      sources: [
        { source: rowsFile('bad-plain.json'), format: 'json-array', rows: 4, invalid: 3 },
        { source: rowsFile('dynamodb.jsonl'), format: 'json-lines', rows: 5, invalid: 3 },
      ],
    });
    expect(report.rows[1]).toEqual({
      source: rowsFile('bad-plain.json'),
      row: 2,
      line: 3,
      column: 3,
      rowId: 'payments',
      notation: 'plain',
      valid: false,
      issues: [
        {
          attribute: 'highKPU',
          value: 2,
          rule: 'highKPU must be >= lowKPU',
          message: 'row "payments": highKPU 2 is below lowKPU 4; highKPU must be >= lowKPU',
          line: 6,
          column: 5,
        },
      ],
      warnings: [
        {
          attribute: 'scaleupHour',
          message: 'row "payments": unknown attribute "scaleupHour" is ignored; did you mean "scaleUpHour"?',
          suggestion: 'scaleUpHour',
          line: 9,
          column: 5,
        },
      ],
    });
    // The number no JavaScript number holds is kept as its digits, not rounded.
    const clicks = report.rows.find((row) => row.rowId === 'clicks' && row.notation === 'dynamodb');
    expect(clicks?.issues.find((issue) => issue.attribute === 'highKPU')?.value).toBe('99999999999999999999');
  });

  it('reads rows from standard input with -, named <stdin>', async () => {
    // Prepare
    const stdin = `${JSON.stringify(aRow())}\n${JSON.stringify(aRow({ appName: 'b', highKPU: 0 }))}\n`;

    // Act
    const result = await runCli(['validate', '-'], { stdin });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      '<stdin>:2:27: error: row "b": highKPU 0 is below 1; highKPU must be a whole number >= 1 (a DynamoDB N attribute)\n' +
        'invalid: 2 rows in 1 input: 1 valid, 1 invalid (1 issue), 0 warnings\n',
    );
  });

  it('names the file, line and column of malformed JSON, and still checks the other inputs', async () => {
    // Act
    const result = await runCli(['validate', rowsFile('malformed.json'), rowsFile('good-plain.json')]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${rowsFile('malformed.json')}:2:48: error: malformed JSON: trailing comma before '}': JSON allows none\n` +
        'invalid: 2 rows in 2 inputs: 2 valid, 0 invalid, 0 warnings, 1 input not read\n',
    );
  });

  it.each([
    ['a missing file', () => path.join(work, 'missing.json'), 'cannot read: no such file'],
    ['a folder', () => path.join(work, 'folder'), 'a folder, not a file; give the files in it'],
    ['an empty file', () => 'empty.json', 'empty input: expected a JSON array of rows'],
    ['a file of blanks', () => 'blanks.json', 'empty input'],
    ['bytes that are not UTF-8', () => 'binary.json', 'not UTF-8 text; save it as UTF-8 JSON'],
    ['an endless device', () => '/dev/zero', 'too large: more than 64 MiB, the most validate reads'],
  ])('reports %s as an input not read, exit 1', async (_, input, message) => {
    // Prepare
    mkdirSync(path.join(work, 'folder'), { recursive: true });
    aFile('empty.json', '');
    aFile('blanks.json', ' \n\t\r\n');
    aFile('binary.json', Uint8Array.from([0x5b, 0xff, 0xfe, 0x00, 0x5d]));
    const given = input();
    const file = path.isAbsolute(given) ? given : path.join(work, given);

    // Act
    const result = await runCli(['validate', file]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${file}: error: ${message}`);
    expect(result.stdout).toMatch(/1 input not read\n$/);
  });

  it('reads a UTF-16 file with its byte-order mark, as Windows PowerShell writes it', async () => {
    // Prepare
    const file = aFile('utf16.json', Buffer.from(`\ufeff${JSON.stringify([aRow()])}`, 'utf16le'));

    // Act
    const result = await runCli(['validate', file]);

    // Assess
    expect(result.stdout).toBe('valid: 1 row in 1 input: 1 valid, 0 invalid, 0 warnings\n');
  });

  it('escapes control characters in file names, names and values, so no line can be faked', async () => {
    // Prepare
    const file = aFile(
      'bad\nname\u001b[31m.json',
      JSON.stringify([aRow({ appName: 'x\u001b[2J\nvalid: 1 row', lowKPU: '\u202e1' })]),
    );

    // Act
    const result = await runCli(['validate', file]);

    // Assess
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stdout).toContain('bad\\nname\\u001b[31m.json:1:3: error: row "x\\u001b[2J\\nvalid: 1 row"');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^invalid: 1 row/);
  });

  it('never rounds a number: 39 digits in plain JSON and in DynamoDB JSON are both refused', async () => {
    // Prepare
    const digits = '123456789012345678901234567890123456789';
    const file = aFile(
      'digits.jsonl',
      `${JSON.stringify(aRow()).replace('"highKPU":4', `"highKPU":${digits}`)}\n` +
        `{"appName": {"S": "b"}, "lowKPU": {"N": "1"}, "highKPU": {"N": "${digits}"}, "scaleUpHour": {"N": "8"}, "scaleDownHour": {"N": "20"}}\n`,
    );

    // Act
    const result = await runCli(['validate', file]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`highKPU ${digits} is a number with more digits than can be held exactly`);
    expect(result.stdout).toContain(`highKPU {"N":"${digits}"} is not DynamoDB JSON: N has 39 significant digits`);
  });

  it('fails on warnings with --strict only', async () => {
    // Prepare
    const file = aFile('typo.json', JSON.stringify(aRow({ scaleupHour: 8 })));

    // Act
    const lenient = await runCli(['validate', file]);
    const strict = await runCli(['validate', '--strict', file]);

    // Assess
    expect(lenient.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(
      /^invalid: 1 row in 1 input: 1 valid, 0 invalid, 1 warning; --strict: warnings fail$/m,
    );
  });

  it('takes the KPU limit from --max-kpu-per-application over SCALER_MAX_KPU_PER_APPLICATION', async () => {
    // Prepare
    const file = aFile('eight.json', JSON.stringify(aRow({ highKPU: 8 })));

    // Act
    const byEnv = await runCli(['validate', file], { env: { SCALER_MAX_KPU_PER_APPLICATION: '4' } });
    const byFlag = await runCli(['validate', file, '--max-kpu-per-application', '8'], {
      env: { SCALER_MAX_KPU_PER_APPLICATION: '4' },
    });

    // Assess
    expect(byEnv.code).toBe(1);
    expect(byEnv.stdout).toContain('highKPU 8 is above 4');
    expect(byFlag.code).toBe(0);
  });

  it('warns about an attribute written twice and an appName that appears twice in one input', async () => {
    // Prepare
    const file = aFile(
      'twice.jsonl',
      `{"appName": "a", "lowKPU": 1, "lowKPU": 2, "highKPU": 4, "scaleUpHour": 8, "scaleDownHour": 20}\n${JSON.stringify(aRow({ appName: 'a' }))}\n`,
    );

    // Act
    const result = await runCli(['validate', file]);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(':1:31: warning: row "a": attribute "lowKPU" is written twice (at 1:18 and 1:31)');
    expect(result.stdout).toContain(':2:2: warning: row "a": the same appName is also at line 1');
  });

  it('treats __proto__ as an unknown attribute, never as the row prototype', async () => {
    // Prepare
    const file = aFile(
      'proto.json',
      '{"appName": "a", "lowKPU": 1, "scaleUpHour": 8, "scaleDownHour": 20, "__proto__": {"highKPU": 4}}',
    );

    // Act
    const result = await runCli(['validate', file]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('highKPU is missing');
    expect(result.stdout).toContain('unknown attribute "__proto__" is ignored');
  });

  it('warns about a row that mixes plain JSON and DynamoDB JSON', async () => {
    // Prepare
    const file = aFile('mixed.json', JSON.stringify(aRow({ lowKPU: { N: '1' } })));

    // Act
    const result = await runCli(['validate', file]);

    // Assess
    expect(result.stdout).toContain(
      'warning: row "orders-enricher": lowKPU is written in DynamoDB JSON but the row\'s appName is plain JSON',
    );
  });

  it('colours error and warning on a terminal, unless NO_COLOR is set', async () => {
    // Prepare
    const file = aFile('colour.json', JSON.stringify(aRow({ highKPU: 0, scaleupHour: 8 })));

    // Act
    const coloured = await runCli(['validate', file], { tty: true });
    const plain = await runCli(['validate', file], { tty: true, env: { NO_COLOR: '1' } });

    // Assess
    expect(coloured.stdout).toContain('\u001b[31merror\u001b[0m: row "orders-enricher": highKPU 0');
    expect(coloured.stdout).toContain('\u001b[33mwarning\u001b[0m:');
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it.each([
    [['validate'], 'nothing to validate: give FILE..., - for standard input, or --table'],
    [['validate', 'rows.json', '--table'], 'give FILE... or --table, not both'],
    [['validate', '-', '-'], 'standard input (-) can be read only once'],
    [['validate', '--table', 'tz'], '--table "tz" is not a DynamoDB table name'],
    [['validate', 'rows.json', '--max-kpu-per-application', '0'], '--max-kpu-per-application must be a whole number'],
    [['validate', '--bogus'], "unknown option '--bogus'"],
  ])('exits 2 with the usage for %p', async (args, message) => {
    // Act
    const result = await runCli(args);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: msf-scaler validate');
    expect(result.stdout).toBe('');
  });

  it('reports that there is no standard input instead of waiting', async () => {
    // Act
    const result = await runCli(['validate', '-']);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('<stdin>: error: cannot read: this process has no standard input');
  });
});
