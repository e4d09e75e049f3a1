import { version } from '../../package.json';
import { ENV_VARS } from '../../src/help';
import { runCli } from '../helpers/runCli';

describe('Command: msf-scaler (top level)', () => {
  it.each([['--version'], ['-V']])('prints the package version for %s and exits 0', async (flag) => {
    // Act
    const result = await runCli([flag]);

    // Assess
    expect(result).toEqual({ args: flag, code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists the commands, examples, every environment variable and the exit codes in --help', async () => {
    // Act
    const result = await runCli(['--help']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const command of ['run', 'plan', 'validate']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(result.stdout).toContain('Examples:\n  # what a run would do now');
    for (const envVar of ENV_VARS) expect(result.stdout).toMatch(new RegExp(`^  ${envVar.name}\\b`, 'm'));
    expect(result.stdout).toMatch(
      /Exit codes:\n {2}0 {2}fine.*\n {2}1 {2}something is invalid or failed.*\n {2}2 {2}usage error/,
    );
  });

  it.each([
    ['run', ['SCALER_CONCURRENCY', 'SCALER_REQUIRED_TAG', 'AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2'], []],
    ['plan', ['SCALER_CONCURRENCY', 'SCALER_REQUIRED_TAG'], []],
    [
      'validate',
      ['SCHEDULE_TABLE', 'SCALER_MAX_KPU_PER_APPLICATION', 'AWS_ENDPOINT_URL_DYNAMODB'],
      ['SCALER_CONCURRENCY'],
    ],
  ])(
    'shows in `%s --help` its examples, the variables it reads and its exit codes',
    async (command, reads, ignores) => {
      // Act
      const result = await runCli([command, '--help']);
      const viaHelp = await runCli(['help', command]);

      // Assess
      expect(result.code).toBe(0);
      expect(viaHelp.stdout).toBe(result.stdout);
      expect(result.stdout).toContain(`Usage: msf-scaler ${command}`);
      expect(result.stdout).toContain(`  $ msf-scaler ${command}`);
      for (const name of reads) expect(result.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
      for (const name of ignores) expect(result.stdout).not.toMatch(new RegExp(`^  ${name}\\b`, 'm'));
      expect(result.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 {2}usage error/);
    },
  );
});
