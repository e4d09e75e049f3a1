import { Command, Option } from 'commander';
import { ExitCode, paint, runProgram, Style, useColour, wholeNumberArg } from '../../src';

function captureStreams() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    streams: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      env: {},
    },
  };
}

function buildProgram(ran: number[]): Command {
  const program = new Command('tool').version('1.2.3');
  program
    .command('go')
    .addOption(new Option('--count <n>').argParser(wholeNumberArg('--count', 1, 9)))
    .action((flags: { count?: number }) => {
      ran.push(flags.count ?? 0);
    });
  return program;
}

describe('Function: runProgram', () => {
  it('returns undefined once the action ran, so the caller decides the code', async () => {
    // Prepare
    const ran: number[] = [];
    const { streams } = captureStreams();

    // Act
    const code = await runProgram(buildProgram(ran), ['go', '--count', '3'], streams);

    // Assess
    expect(code).toBeUndefined();
    expect(ran).toEqual([3]);
  });

  it.each([
    [['--help'], ExitCode.OK, 'out'],
    [['--version'], ExitCode.OK, 'out'],
    [['go', '--help'], ExitCode.OK, 'out'],
    [['nope'], ExitCode.USAGE, 'err'],
    [['go', '--count', '0'], ExitCode.USAGE, 'err'],
    [['go', '--bogus'], ExitCode.USAGE, 'err'],
  ] as const)('%j ends with %i and writes to std%s, never exiting the process', async (args, expected, stream) => {
    // Prepare
    const ran: number[] = [];
    const { out, err, streams } = captureStreams();

    // Act
    const code = await runProgram(buildProgram(ran), args, streams);

    // Assess
    expect(code).toBe(expected);
    expect(ran).toEqual([]);
    expect((stream === 'out' ? out : err).join('')).not.toBe('');
  });

  it('lets an error of the action through: only the caller knows what it means', async () => {
    // Prepare
    const program = new Command('tool');
    program.command('boom').action(() => {
      throw new Error('boom');
    });

    // Act & Assess
    await expect(runProgram(program, ['boom'], captureStreams().streams)).rejects.toThrow('boom');
  });
});

describe('Function: useColour', () => {
  it.each([
    [true, {}, true],
    [true, { NO_COLOR: '' }, false],
    [true, { NO_COLOR: '1' }, false],
    [false, {}, false],
    [undefined, {}, false],
  ])('isTTY %s with env %j -> %s', (isTTY, env, expected) => {
    // Act & Assess
    expect(useColour(isTTY === undefined ? {} : { isTTY }, env)).toBe(expected);
  });

  it('paints only when asked, and never an empty text', () => {
    // Assess
    expect(paint('ok', Style.GREEN, true)).toBe('\u001b[32mok\u001b[0m');
    expect(paint('ok', Style.GREEN, false)).toBe('ok');
    expect(paint('', Style.GREEN, true)).toBe('');
  });
});
