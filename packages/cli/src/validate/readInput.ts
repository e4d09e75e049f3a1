import { open } from 'node:fs/promises';
import type { OutputStream } from '@msf-scaler/commons';
import { CliLimits } from '../constants';
import { InputError } from '../errors';
import type { InputStream } from '../io';

/** What `validate` calls standard input in its messages. */
const STDIN_NAME = '<stdin>';

function tooLarge(): InputError {
  const mib = CliLimits.MAX_INPUT_BYTES / (1024 * 1024);
  return new InputError(`too large: more than ${mib} MiB, the most validate reads; split it into smaller files`);
}

/** Reads a stream whole, but never more than the limit: a huge input is refused, not buffered. */
async function readLimited(stream: AsyncIterable<string | Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += bytes.length;
    if (size > CliLimits.MAX_INPUT_BYTES) throw tooLarge();
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

/**
 * The text in `bytes`: UTF-8 (a byte-order mark is dropped), or UTF-16 when it starts with its
 * byte-order mark (what Windows PowerShell's `>` writes).
 *
 * @throws InputError when the bytes are not text in one of those encodings
 */
function decode(bytes: Uint8Array): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    // TextDecoder drops a UTF-8 byte-order mark itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InputError('not UTF-8 text; save it as UTF-8 JSON', { cause: error });
  }
}

function openProblem(error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOTDIR'
          ? 'a part of the path is not a folder'
          : error instanceof Error
            ? error.message
            : String(error);
  return new InputError(`cannot read: ${reason}`, { cause: error });
}

/**
 * The text of one input of `validate`: the file at `path`, or standard input for `-`.
 *
 * @param name - how the folder hint names the input (`dir/*.json`)
 * @param stderr - where to say that rows are awaited from a terminal
 * @throws InputError saying why, when the input is missing, a folder, larger than 64 MiB, or not text
 *   (the message follows the input's name: `rows.json: cannot read: no such file`)
 * @example
 * const text = await readInput('rows.json', 'rows.json', io.stdin);
 */
async function readInput(
  path: string,
  name: string,
  stdin: InputStream | undefined,
  stderr?: OutputStream,
): Promise<string> {
  if (path === '-') {
    if (stdin === undefined) throw new InputError('cannot read: this process has no standard input');
    // On a terminal the command would seem to hang: say what it waits for.
    if (stdin.isTTY === true) stderr?.write('validate: reading rows from the terminal; end them with Ctrl-D\n');
    return decode(await readLimited(stdin));
  }
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw openProblem(error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) {
      throw new InputError(`a folder, not a file; give the files in it (for example ${name}/*.json)`);
    }
    // A regular file says its size up front; pipes and devices (`<(…)`, /dev/stdin) are counted as they are read.
    if (stats.isFile() && stats.size > CliLimits.MAX_INPUT_BYTES) throw tooLarge();
    return decode(await readLimited(handle.createReadStream({ autoClose: false })));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw openProblem(error);
  } finally {
    await handle.close();
  }
}

export { readInput, STDIN_NAME };
