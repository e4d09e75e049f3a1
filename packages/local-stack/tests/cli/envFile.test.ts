import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type EnvFileSystem,
  envFileArg,
  NodeEnvFileSystem,
  type PathKind,
  writeEnvFileAtomically,
} from '../../src/cli/envFile';

const TEXT = 'export AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000\nexport AWS_REGION=us-east-1\n';

/**
 * An in-memory file system in which every write lands in two steps (first half, then the
 * rest), as a real write(2) of a big file may: `seen` records what a reader polling `watched`
 * would find after every step.
 */
function aSlowFileSystem(
  watched: string,
  directories: readonly string[] = ['/run'],
): EnvFileSystem & {
  readonly files: Map<string, string>;
  readonly seen: Array<string | undefined>;
  readonly steps: string[];
} {
  const files = new Map<string, string>();
  const seen: Array<string | undefined> = [];
  const steps: string[] = [];
  function look(): void {
    seen.push(files.get(watched));
  }
  return {
    files,
    seen,
    steps,
    kindOf: (target): PathKind | undefined => {
      if (directories.includes(target)) return 'directory';
      return files.has(target) ? 'other' : undefined;
    },
    writeFile: async (target, text) => {
      steps.push(`write ${target}`);
      files.set(target, text.slice(0, text.length / 2));
      look();
      files.set(target, text);
      look();
    },
    rename: async (from, to) => {
      steps.push(`rename ${from} -> ${to}`);
      const text = files.get(from);
      if (text === undefined) throw new Error(`ENOENT: ${from}`);
      files.delete(from);
      files.set(to, text);
      look();
    },
    remove: async (target) => {
      steps.push(`remove ${target}`);
      files.delete(target);
      look();
    },
  };
}

describe('Function: writeEnvFileAtomically', () => {
  it('lets a reader see no file, then the whole file, never a part of it', async () => {
    // Prepare
    const files = aSlowFileSystem('/run/msf-local.env');

    // Act
    await writeEnvFileAtomically('/run/msf-local.env', TEXT, files);

    // Assess
    expect(files.files.get('/run/msf-local.env')).toBe(TEXT);
    expect(new Set(files.seen)).toEqual(new Set([undefined, TEXT]));
    expect(files.seen.at(-1)).toBe(TEXT);
    expect([...files.files.keys()]).toEqual(['/run/msf-local.env']);
  });

  it('writes the temporary file in the same directory as the target (a rename is atomic only within one file system)', async () => {
    // Prepare
    const files = aSlowFileSystem('/run/msf-local.env');

    // Act
    await writeEnvFileAtomically('/run/msf-local.env', TEXT, files);

    // Assess
    expect(files.steps).toHaveLength(2);
    expect(files.steps[0]).toMatch(/^write \/run\/\.msf-local\.env\.\d+\.[0-9a-f]{8}\.tmp$/);
    expect(files.steps[1]).toBe(`rename ${files.steps[0]?.slice('write '.length)} -> /run/msf-local.env`);
  });

  it('replaces a previous file in one step', async () => {
    // Prepare
    const files = aSlowFileSystem('/run/msf-local.env');
    files.files.set('/run/msf-local.env', 'export OLD=1\n');

    // Act
    await writeEnvFileAtomically('/run/msf-local.env', TEXT, files);

    // Assess
    expect(new Set(files.seen)).toEqual(new Set(['export OLD=1\n', TEXT]));
  });

  it('deletes the temporary file and rethrows when the rename fails', async () => {
    // Prepare
    const files = aSlowFileSystem('/run/msf-local.env');
    const failing: EnvFileSystem = {
      ...files,
      rename: async () => {
        throw new Error('EXDEV: cross-device link not permitted');
      },
    };

    // Act
    const writing = writeEnvFileAtomically('/run/msf-local.env', TEXT, failing);

    // Assess
    await expect(writing).rejects.toThrow('EXDEV');
    expect(files.files.size).toBe(0);
    expect(files.steps.at(-1)).toMatch(/^remove \/run\/\.msf-local\.env\..*\.tmp$/);
  });

  it('leaves exactly the complete file on the real file system, and no temporary file', async () => {
    // Prepare
    const directory = mkdtempSync(path.join(tmpdir(), 'msf-env-file-'));
    const target = path.join(directory, 'msf-local.env');
    writeFileSync(target, 'export OLD=1\n');

    try {
      // Act
      await writeEnvFileAtomically(target, TEXT, NodeEnvFileSystem);

      // Assess
      expect(readFileSync(target, 'utf8')).toBe(TEXT);
      expect(readdirSync(directory)).toEqual(['msf-local.env']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('Function: envFileArg', () => {
  it('resolves a relative path against the base directory', () => {
    // Prepare
    const parse = envFileArg(aSlowFileSystem('/run/x', ['/run', '/run/sub']), '/run');

    // Act
    const target = parse('sub/msf-local.env');

    // Assess
    expect(target).toBe('/run/sub/msf-local.env');
  });

  it('refuses a path whose directory does not exist, naming the directory', () => {
    // Prepare
    const parse = envFileArg(aSlowFileSystem('/run/x'), '/run');

    // Act
    function parseMissing(): string {
      return parse('/no/such/dir/msf-local.env');
    }

    // Assess
    expect(parseMissing).toThrow(
      '--write-env: the directory /no/such/dir does not exist; create it first or choose another path',
    );
  });

  it('refuses a directory, and a path under something that is not a directory', () => {
    // Prepare
    const files = aSlowFileSystem('/run/x', ['/run', '/run/dir']);
    files.files.set('/run/file', '');
    const parse = envFileArg(files, '/');

    // Act
    function parseDirectory(): string {
      return parse('/run/dir');
    }
    function parseUnderFile(): string {
      return parse('/run/file/msf-local.env');
    }

    // Assess
    expect(parseDirectory).toThrow('--write-env: /run/dir is a directory; give a file path');
    expect(parseUnderFile).toThrow('--write-env: /run/file is not a directory');
  });
});
