// Source ranges. Inside the project every range is a 0-based, end-exclusive UTF-16 offset pair
// into one file's text; LineIndex is the single place that turns offsets into lines and columns.

/** A half-open range [start, end) of UTF-16 offsets in one file's text. */
export interface Span {
  start: number;
  end: number;
}

/** A span inside a given file of a parse (index into ParseResult.files). */
export interface Loc extends Span {
  file: number;
}

/** A 0-based line and UTF-16 column. */
export interface Position {
  line: number;
  character: number;
}

/** Maps offsets to 0-based line/column positions and back, for one text. */
export class LineIndex {
  /** Offset where each line starts (a typed array: an index lives as long as its text). */
  private readonly starts: Int32Array;

  /**
   * keepalived's lines end at `\n` only (a lone `\r` is a blank to it); with `lspBreaks` a lone
   * `\r` ends a line too, as LSP clients count lines.
   */
  constructor(
    private readonly text: string,
    lspBreaks = false,
  ) {
    // Straight into a typed array that doubles when full (about half the time of a list of numbers
    // copied at the end, on the 553k-line benchmark).
    let starts = new Int32Array(Math.max(16, text.length >> 5));
    let n = 1;
    const add = (at: number): void => {
      if (n === starts.length) {
        const grown = new Int32Array(n * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[n++] = at;
    };
    // Without any `\r` both kinds of line agree, and indexOf is much faster than a loop.
    if (lspBreaks && text.includes('\r')) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) add(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          add(i + 1);
        }
      }
    } else {
      let i = text.indexOf('\n');
      while (i !== -1) {
        add(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    }
    this.starts = starts.slice(0, n);
  }

  /** Number of lines (a trailing newline starts an empty last line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 0-based line. */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line]!;
  }

  /** Offset just past the line's content, before its `\r\n` or `\n`. */
  lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The 0-based line that holds an offset. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset -> position, clamped to the text. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line]! };
  }

  /** Position -> offset, clamped to the line and the text. */
  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line]!;
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1]! : this.text.length;
    return Math.max(start, Math.min(start + Math.max(0, pos.character), next));
  }
}
