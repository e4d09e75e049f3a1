import type { CliStreams } from '@msf-scaler/commons';
import { parseBenchArgs } from '../../src/bench/run';
import { parseStartArgs } from '../../src/cli/start';

function someStreams(): CliStreams & { readonly out: string[]; readonly err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env: {},
  };
}

describe('Function: parseStartArgs', () => {
  it('runs the demo without arguments', async () => {
    // Prepare
    const streams = someStreams();

    // Act
    const ended = await parseStartArgs([], streams);

    // Assess
    expect(ended).toBeUndefined();
    expect(streams.out.join('') + streams.err.join('')).toBe('');
  });

  it('prints the usage and ends with 0 on --help, without running the demo', async () => {
    // Prepare
    const streams = someStreams();

    // Act
    const ended = await parseStartArgs(['--help'], streams);

    // Assess
    expect(ended).toBe(0);
    expect(streams.out.join('')).toContain('Usage: pnpm start [options]');
    expect(streams.err).toEqual([]);
  });

  it.each([[['--bogus-flag']], [['extra']]])('refuses %j with the usage and exit 2', async (args) => {
    // Prepare
    const streams = someStreams();

    // Act
    const ended = await parseStartArgs(args, streams);

    // Assess
    expect(ended).toBe(2);
    expect(streams.err.join('')).toMatch(/^error: .*\n[\s\S]*Usage: pnpm start \[options\]/);
  });
});

describe('Function: parseBenchArgs', () => {
  it('defaults to 200 applications, 20 ms and no faults', async () => {
    // Prepare
    const streams = someStreams();

    // Act
    const request = await parseBenchArgs([], streams);

    // Assess
    expect(request).toEqual({ flags: { apps: 200, latencyMs: 20, faults: {} } });
  });

  it('shows the defaults in words in --help and ends with 0', async () => {
    // Prepare
    const streams = someStreams();

    // Act
    const request = await parseBenchArgs(['--help'], streams);

    // Assess
    const help = streams.out.join('');
    expect(request).toEqual({ ended: 0 });
    expect(help).toContain('(default: 200 applications)');
    expect(help).toContain('(default: 20 ms)');
    expect(help).toContain('(default: none)');
    expect(help).toMatch(/default: 32, the\s+scaler's own/);
    expect(help).not.toMatch(/\[[\d,]+\]|\{\}/);
  });

  it.each([
    [['--bogus'], "unknown option '--bogus'"],
    [['--apps', 'many'], '--apps must be a whole number from 1 to 20000'],
    [['--faults', 'throttle=2'], '--faults takes kind=probability pairs'],
  ])('answers %j with the message, the usage and exit 2', async (args, message) => {
    // Prepare
    const streams = someStreams();

    // Act
    const request = await parseBenchArgs(args, streams);

    // Assess
    const err = streams.err.join('');
    expect(request).toEqual({ ended: 2 });
    expect(err).toContain(message);
    expect(err).toContain('Usage: pnpm bench [options]');
  });
});
