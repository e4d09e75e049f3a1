import { Outcome } from '@msf-scaler/scaler';
import { renderSummary, renderWarnings } from '../../src/render/runTable';
import { anOutcome, aSummary } from '../helpers/fixtures';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the assertion looks for raw control characters.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

describe('Function: renderSummary', () => {
  it('escapes control characters in every cell and keeps piped lines within the width', () => {
    // Prepare
    const summary = aSummary([
      anOutcome({ rowId: 'fake\nAPP  RUNNING  8  yes  scaled  injected', outcome: Outcome.INVALID, reason: 'bad' }),
      anOutcome({ rowId: '\u001b[2Jclear', status: 'RUNNING\u001b[31m', reason: `x${'y'.repeat(10_000)}` }),
      anOutcome({ rowId: 'n'.repeat(5_000) }),
    ]);

    // Act
    const lines = renderSummary(summary, { colour: false, width: 400 }).split('\n');

    // Assess
    expect(lines).toHaveLength(1 + 3 + 2);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(400);
      expect(line).not.toMatch(RAW_CONTROL);
    }
    expect(lines.some((line) => line.startsWith('fake\\nAPP'))).toBe(true);
    expect(lines.some((line) => line.startsWith(`${'n'.repeat(47)}…`))).toBe(true);
  });

  it('fits a narrow terminal and still shows part of each reason', () => {
    // Prepare
    const summary = aSummary([anOutcome({ reason: 'r'.repeat(500) })]);

    // Act
    const lines = renderSummary(summary, { colour: false, width: 80 }).split('\n');

    // Assess
    expect(lines[1]?.length).toBe(80);
    expect(lines[1]?.endsWith('r…')).toBe(true);
  });

  it('shows the rule that decided each target, cut at 40 characters, and - where nothing was decided', () => {
    // Prepare
    const override = 'override until 2026-12-04T18:00:00Z (launch week, by ops)';
    const summary = aSummary([
      anOutcome({ rowId: 'a', rule: 'holiday 2026-12-25 (calendar de-public)', reason: 'off-peak' }),
      anOutcome({ rowId: 'b', rule: override, reason: 'peak' }),
      anOutcome({ rowId: 'c', outcome: Outcome.INVALID, reason: 'bad' }),
    ]);

    // Act
    const lines = renderSummary(summary, { colour: false, width: 400 }).split('\n');

    // Assess
    function rule(text: string): string {
      return text.padEnd(40);
    }
    expect(lines.slice(0, 4)).toEqual([
      `APP  STATUS  KPU  PEAK  OUTCOME    ${rule('RULE')}  REASON`,
      `a    -       -    -     unchanged  ${rule('holiday 2026-12-25 (calendar de-public)')}  off-peak`,
      `b    -       -    -     unchanged  ${override.slice(0, 39)}…  peak`,
      `c    -       -    -     invalid    ${rule('-')}  bad`,
    ]);
  });

  it('escapes and cuts warning lines for stderr', () => {
    // Prepare
    const summary = aSummary([anOutcome({ warnings: [`unknown "\u001b[31m${'z'.repeat(1000)}"`] })]);

    // Act
    const [warning] = renderWarnings(summary);

    // Assess
    expect(warning?.length).toBeLessThanOrEqual(400);
    expect(warning).not.toMatch(RAW_CONTROL);
  });
});
