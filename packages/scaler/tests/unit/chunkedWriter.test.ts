import { EventEmitter } from 'node:events';
import { chunked, writeChunks } from '../../src/output/chunkedWriter';

/** A stream that is full after every write until it is drained. */
function aSlowStream() {
  const emitter = new EventEmitter();
  const written: string[] = [];
  return {
    written,
    drain: () => emitter.emit('drain'),
    stream: {
      write(text: string): boolean {
        written.push(text);
        return false;
      },
      once(event: 'drain', listener: () => void) {
        emitter.once(event, listener);
      },
    },
  };
}

describe('Function: chunked', () => {
  it('joins texts into chunks of about 64 K characters, keeping every character in order', () => {
    // Prepare
    const texts = Array.from({ length: 1_000 }, (_, index) => `${index}`.padEnd(200, '.'));

    // Act
    const chunks = [...chunked(texts)];

    // Assess
    expect(chunks.join('')).toBe(texts.join(''));
    expect(chunks.length).toBe(4);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length >= 64 * 1024)).toBe(true);
  });
});

describe('Function: writeChunks', () => {
  it('writes the next chunk only after the stream drained', async () => {
    // Prepare
    const slow = aSlowStream();
    let pulled = 0;
    function* chunks() {
      for (const text of ['a', 'b', 'c']) {
        pulled += 1;
        yield text;
      }
    }

    // Act
    const done = writeChunks(slow.stream, chunks());
    await new Promise((resolve) => setImmediate(resolve));
    const beforeDrain = { written: [...slow.written], pulled };
    for (let drains = 0; drains < 3; drains += 1) {
      slow.drain();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await done;

    // Assess
    expect(beforeDrain).toEqual({ written: ['a'], pulled: 1 });
    expect(slow.written).toEqual(['a', 'b', 'c']);
  });

  it('does not wait on a stream that cannot say it is full', async () => {
    // Prepare
    const written: string[] = [];

    // Act
    await writeChunks({ write: (text: string) => written.push(text) }, ['a', 'b']);

    // Assess
    expect(written).toEqual(['a', 'b']);
  });
});
