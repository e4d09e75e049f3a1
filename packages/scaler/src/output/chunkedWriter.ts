/** Characters gathered before a write: a large output takes few writes, and is never held whole. */
const CHUNK_CHARACTERS = 64 * 1024;

/** Gathers text and hands it to `write` in chunks of about 64 K characters. */
interface ChunkedWriter {
  write(text: string): void;
  /** Writes what is gathered; call once at the end. */
  flush(): void;
}

/**
 * @example
 * const out = createChunkedWriter((text) => process.stdout.write(text));
 * for (const line of lines) out.write(`${line}\n`);
 * out.flush();
 */
function createChunkedWriter(write: (text: string) => void): ChunkedWriter {
  let buffer = '';
  return {
    write(text: string): void {
      buffer += text;
      if (buffer.length >= CHUNK_CHARACTERS) {
        write(buffer);
        buffer = '';
      }
    },
    flush(): void {
      if (buffer !== '') write(buffer);
      buffer = '';
    },
  };
}

export type { ChunkedWriter };
export { createChunkedWriter };
