/**
 * Cuts a streamed program's output into whole lines: chunks end anywhere (mid-line, mid-character), so the
 * unfinished tail is carried to the next chunk. One per stream.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private carry = '';

  /** The complete lines this chunk finished, without their line ends. */
  push(chunk: Uint8Array): string[] {
    const text = this.carry + this.decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    this.carry = lines.pop() ?? '';
    return lines.map((line) => line.replace(/\r$/, ''));
  }

  /** What was left unfinished when the stream ended (a last line without its newline). */
  end(): string[] {
    const rest = this.carry + this.decoder.decode();
    this.carry = '';
    return rest === '' ? [] : [rest];
  }
}
