import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";
import { AppError } from "@/lib/errors";

const EMPTY = Buffer.alloc(0);

// Bytes at the end of `buf` that start a character the next chunk completes.
function completeLength(buf: Buffer): number {
  for (let i = buf.length - 1; i >= Math.max(0, buf.length - 3); i--) {
    const byte = buf[i];
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0xc0) return buf.length;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return buf.length - i < needed ? i : buf.length;
  }
  return buf.length;
}

function firstInvalidByte(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const byte = buf[i];
    const size =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (size === 0 || i + size > buf.length || !isUtf8(buf.subarray(i, i + size))) return i;
    i += size;
  }
  return buf.length;
}

/**
 * Passes bytes through unchanged, refusing text that is not UTF-8 or holds NUL bytes (Postgres
 * stores neither in text), with the line of the first bad byte; reports bytes read as it goes.
 * A wrong encoding fails loudly here instead of loading as mojibake.
 */
export class Utf8Check extends Transform {
  private bytes = 0;
  private line = 1;
  private carry: Buffer = EMPTY;

  constructor(
    private readonly label: string,
    private readonly onBytes: (bytes: number) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const whole = buf.subarray(0, completeLength(buf));
    const problem = this.check(whole);
    if (problem) {
      callback(problem);
      return;
    }
    for (let at = whole.indexOf(10); at >= 0; at = whole.indexOf(10, at + 1)) this.line++;
    this.carry = buf.subarray(whole.length);
    this.bytes += chunk.length;
    this.onBytes(this.bytes);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.carry.length > 0 ? this.fail(this.carry, 0, "ends in the middle of a UTF-8 character") : null);
  }

  private check(buf: Buffer): AppError | null {
    if (!isUtf8(buf)) {
      const at = firstInvalidByte(buf);
      return this.fail(
        buf,
        at,
        `is not valid UTF-8 (byte 0x${buf[at].toString(16).padStart(2, "0")}); save the file as UTF-8 and import it again`,
      );
    }
    const nul = buf.indexOf(0);
    return nul >= 0
      ? this.fail(
          buf,
          nul,
          "contains a NUL byte, so it is not a CSV text file; export the data as CSV (UTF-8 text) and import that",
        )
      : null;
  }

  private fail(buf: Buffer, at: number, problem: string): AppError {
    let line = this.line;
    for (let i = buf.indexOf(10); i >= 0 && i < at; i = buf.indexOf(10, i + 1)) line++;
    return new AppError("bad_request", `${this.label} line ${line} ${problem}.`);
  }
}
