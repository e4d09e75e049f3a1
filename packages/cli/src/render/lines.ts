/**
 * Each line followed by a line feed, as they are asked for: the texts `writeChunks` writes.
 *
 * @example
 * await writeChunks(io.stdout, chunked(withNewlines(lines)));
 */
function* withNewlines(lines: Iterable<string>): Generator<string> {
  for (const line of lines) yield `${line}\n`;
}

export { withNewlines };
