import { renderTimeline } from '../../src/output/timeline';
import { cells } from '../helpers/timeline';

const FRIDAY = new Date('2026-11-27T00:00:00Z');
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences is the point.
const ANSI = /\u001b\[[0-9;]*m/;

describe('Function: renderTimeline', () => {
  it('draws one block per hour, scaled to the largest KPU, followed by the label', () => {
    // Prepare
    const data = { start: FRIDAY, apps: [{ name: 'orders', label: '1-8 KPU', cells: cells('1 2 4 8') }] };

    // Act
    const text = renderTimeline(data);

    // Assess
    expect(text.split('\n')).toContain('orders    ▁▂▄█  1-8 KPU');
  });

  it('marks the hours where a run scaled up or down on the line under the bar', () => {
    // Prepare
    const data = { start: FRIDAY, apps: [{ name: 'orders', label: '', cells: cells('1 1 4+ 4 1- 1') }] };

    // Act
    const lines = renderTimeline(data).split('\n');

    // Assess
    const bar = lines.findIndex((line) => line.startsWith('orders'));
    expect(lines[bar]).toBe('orders    ▂▂██▂▂');
    expect(lines[bar + 1]).toBe('            ↑ ↓');
  });

  it('prints no marker line for an application that never scaled', () => {
    // Prepare
    const data = {
      start: FRIDAY,
      apps: [
        { name: 'steady', label: 'disabled', cells: cells('2 2 2') },
        { name: 'other', label: '', cells: cells('2 2 2') },
      ],
    };

    // Act
    const lines = renderTimeline(data).split('\n');

    // Assess
    const steady = lines.findIndex((line) => line.startsWith('steady'));
    expect(lines[steady + 1]?.startsWith('other')).toBe(true);
  });

  it('shows a dot for every hour the application was not running', () => {
    // Prepare
    const data = { start: FRIDAY, apps: [{ name: 'stopped', label: 'not started', cells: cells('. . .') }] };

    // Act
    const text = renderTimeline(data);

    // Assess
    expect(text).toContain('stopped   ···  not started');
  });

  it('puts the day name where each UTC day starts and an hour label every 6 hours', () => {
    // Prepare
    const data = { start: FRIDAY, apps: [{ name: 'orders', label: '', cells: cells(Array(48).fill('1').join(' ')) }] };

    // Act
    const [days, ruler] = renderTimeline(data).split('\n');

    // Assess
    expect(days).toBe(`${' '.repeat(10)}Fri 27 Nov${' '.repeat(14)}Sat 28 Nov`);
    expect(ruler).toBe(`UTC hour  00    06    12    18    00    06    12    18`);
  });

  it('cuts a day name short when the next day starts sooner than the name is long', () => {
    // Prepare
    const lateEvening = new Date('2026-11-27T20:00:00Z');
    const data = { start: lateEvening, apps: [{ name: 'orders', label: '', cells: cells('1 1 1 1 1 1 1 1') }] };

    // Act
    const [days, ruler] = renderTimeline(data).split('\n');

    // Assess
    expect(days).toBe(`${' '.repeat(10)}Fri Sat 28 Nov`);
    expect(ruler).toBe(`UTC hour      00`);
  });

  it('uses the given maxKpu for the full block and says so in the legend', () => {
    // Prepare
    const data = { start: FRIDAY, maxKpu: 16, apps: [{ name: 'big', label: '', cells: cells('2 8 16') }] };

    // Act
    const text = renderTimeline(data);

    // Assess
    expect(text).toContain('big       ▁▄█');
    expect(text).toContain('█ = 16 KPU');
  });

  it('adds ANSI colours only when colour is on', () => {
    // Prepare
    const data = { start: FRIDAY, apps: [{ name: 'orders', label: '', cells: cells('1 4+ . 1-') }] };

    // Act
    const plain = renderTimeline(data);
    const coloured = renderTimeline(data, { colour: true });

    // Assess
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(new RegExp(ANSI.source, 'g'), '')).toBe(plain);
  });
});
