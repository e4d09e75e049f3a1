import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';

/** What is at a path, as far as `--write-env` cares. */
type PathKind = 'directory' | 'other';

/** The file operations behind `--write-env`: injected so tests can watch every step. */
interface EnvFileSystem {
  /**
   * What is at `target`: 'directory', 'other' (a file, a socket, ...), or undefined when
   * nothing is. Synchronous: the flag is checked while the command line is parsed.
   */
  readonly kindOf: (target: string) => PathKind | undefined;
  /** Creates `target` (it must not exist) with `text`. */
  readonly writeFile: (target: string, text: string) => Promise<void>;
  /** Renames `from` to `to`, replacing `to`: atomic within one file system (POSIX rename). */
  readonly rename: (from: string, to: string) => Promise<void>;
  /** Deletes `target`; nothing happens when it is already gone. */
  readonly remove: (target: string) => Promise<void>;
}

/** {@link EnvFileSystem} on the real file system (node:fs). */
const NodeEnvFileSystem: EnvFileSystem = {
  kindOf: (target) => {
    const stats = statSync(target, { throwIfNoEntry: false });
    if (stats === undefined) return undefined;
    return stats.isDirectory() ? 'directory' : 'other';
  },
  // 'wx': never write through a file somebody else put at the temporary name.
  writeFile: (target, text) => writeFile(target, text, { encoding: 'utf8', flag: 'wx' }),
  rename: (from, to) => rename(from, to),
  remove: (target) => rm(target, { force: true }),
};

/**
 * The argument parser of `--write-env PATH`: resolves PATH (a relative one against `baseDir`,
 * where the user typed the command) and refuses, as a usage error (exit 2, nothing started),
 * a PATH that is a directory or whose directory does not exist.
 *
 * @example
 * new Option('--write-env <path>').argParser(envFileArg(NodeEnvFileSystem, process.cwd()));
 */
function envFileArg(files: EnvFileSystem, baseDir: string): (value: string) => string {
  return (value) => {
    if (value.trim() === '') throw new InvalidArgumentError('--write-env needs a file path');
    const target = path.resolve(baseDir, value);
    const directory = path.dirname(target);
    const directoryKind = files.kindOf(directory);
    if (directoryKind === undefined) {
      throw new InvalidArgumentError(
        `--write-env: the directory ${directory} does not exist; create it first or choose another path`,
      );
    }
    if (directoryKind !== 'directory') {
      throw new InvalidArgumentError(`--write-env: ${directory} is not a directory`);
    }
    if (files.kindOf(target) === 'directory') {
      throw new InvalidArgumentError(`--write-env: ${target} is a directory; give a file path`);
    }
    return target;
  };
}

/**
 * Writes `text` to `target` so that a reader sees either no file (or the previous one) or the
 * whole new file, never a part: the text goes to a temporary file in the same directory (a
 * rename across file systems would not be atomic), which is then renamed over `target`.
 * On failure the temporary file is deleted and the error is rethrown.
 *
 * @example
 * await writeEnvFileAtomically('/tmp/msf-local.env', 'export AWS_REGION=us-east-1\n', NodeEnvFileSystem);
 */
async function writeEnvFileAtomically(target: string, text: string, files: EnvFileSystem): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await files.writeFile(temporary, text);
    await files.rename(temporary, target);
  } catch (error) {
    await files.remove(temporary).catch(() => undefined);
    throw error;
  }
}

export type { EnvFileSystem, PathKind };
export { envFileArg, NodeEnvFileSystem, writeEnvFileAtomically };
