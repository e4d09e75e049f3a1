import type { OutputStream } from '@msf-scaler/commons';

/** Characters gathered into one write: a large output takes few writes. */
const CHUNK_CHARACTERS = 64 * 1024;

/**
 * Joins `texts` into chunks of about 64 K characters, lazily: the next chunk is made only when
 * it is asked for.
 *
 * @example
 * [...chunked(['a', 'b'])]; // ['ab']
 */
function* chunked(texts: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const text of texts) {
    buffer += text;
    if (buffer.length >= CHUNK_CHARACTERS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** A stream that can say it is full (`write` returns false) and when it has drained. */
interface DrainableStream extends OutputStream {
  once?(event: 'drain', listener: () => void): unknown;
}

/**
 * Writes `chunks` one after the other, waiting for `drain` whenever the stream says it is full.
 * Node queues what a full pipe cannot take yet: without the wait, a 30 MB `--json` written to
 * a slow reader sits in that queue whole (measured: 34 MB held for 10,000 rows).
 *
 * @example
 * await writeChunks(process.stdout, chunked(lines));
 */
async function writeChunks(stream: DrainableStream, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    const accepted = stream.write(chunk);
    if (accepted === false && stream.once !== undefined) {
      const once = stream.once.bind(stream);
      await new Promise<void>((resolve) => {
        once('drain', resolve);
      });
    }
  }
}

export type { DrainableStream };
export { chunked, writeChunks };
