import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { version } from '../../package.json';

const run = promisify(execFile);

const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
const REPO_ROOT = path.resolve(PACKAGE_ROOT, '..', '..');

/** Runs a command with `input` on its stdin; resolves with its exit code and output, whatever the code. */
function runWithInput(
  file: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly input: string },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(file, [...args], { cwd: options.cwd }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(options.input);
  });
}

describe('Bin: msf-scaler as installed', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'msf-scaler-bin-'));
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('runs the workspace bin, built by pnpm install, from a folder outside the repository', async () => {
    // Act
    const { stdout } = await run(path.join(REPO_ROOT, 'node_modules', '.bin', 'msf-scaler'), ['--version'], {
      cwd: work,
    });

    // Assess
    expect(stdout).toBe(`${version}\n`);
  });

  it('packs into a self-contained tarball that installs with no dependency and runs from any folder', async () => {
    // Prepare: pack (prepack rebuilds the bundle), then install the tarball alone, offline.
    const packs = path.join(work, 'packs');
    await run('pnpm', ['pack', '--pack-destination', packs], { cwd: PACKAGE_ROOT });
    const [tarball] = readdirSync(packs);
    const project = path.join(work, 'project');
    await run('mkdir', ['-p', project]);
    writeFileSync(path.join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(packs, String(tarball))], {
      cwd: project,
    });
    const bin = path.join(project, 'node_modules', '.bin', 'msf-scaler');

    // Act
    const versionRun = await run(bin, ['--version'], { cwd: project });
    const validateRun = await runWithInput(bin, ['validate', '-'], {
      cwd: project,
      input:
        '{"appName": {"S": "a"}, "lowKPU": {"N": "4"}, "highKPU": {"N": "2"}, "scaleUpHour": {"N": "8"}, "scaleDownHour": {"N": "20"}}\n',
    });

    // Assess
    expect(readdirSync(path.join(project, 'node_modules'))).toEqual(['.bin', '.package-lock.json', '@msf-scaler']);
    expect(versionRun.stdout).toBe(`${version}\n`);
    expect(validateRun).toEqual({
      code: 1,
      stdout:
        '<stdin>:1:47: error: row "a": highKPU 2 is below lowKPU 4; highKPU must be >= lowKPU\n' +
        'invalid: 1 row in 1 input: 0 valid, 1 invalid (1 issue), 0 warnings\n',
      stderr: '',
    });
  }, 60_000);
});
