import type { TimelineCell } from '@msf-scaler/scaler';

/**
 * Cells from a compact spec: one character per hour, a digit for the KPU (`.` = not running),
 * with `+`/`-` after a digit marking a scale up/down in that hour.
 *
 * @example
 * cells('1 1 4+ 4 1-'); // 5 hours: 1, 1, 4 (scaled up), 4, 1 (scaled down)
 */
function cells(spec: string): TimelineCell[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((token): TimelineCell => {
      const kpu = token.startsWith('.') ? null : Number(token.replace(/[+-]$/, ''));
      if (token.endsWith('+')) return { kpu, event: 'up' };
      if (token.endsWith('-')) return { kpu, event: 'down' };
      return { kpu };
    });
}

export { cells };
