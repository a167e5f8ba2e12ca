import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { CsvError, Parser } from "csv-parse";
import { AppError } from "@/lib/errors";
import { Utf8Check } from "./utf8-check";

/** One CSV record: `null` is an empty unquoted field (NULL), `""` an empty quoted one. */
export type CsvRecord = (string | null)[];

// A runaway quote would otherwise pull the rest of a large file into one field.
const MAX_RECORD_CHARS = 64 * 1024 * 1024;
const BATCH_RECORDS = 2000;

// Which fields of a record's raw text were quoted. Asked only of the rare record with an empty
// field: csv-parse can say so per field, but at a tenfold cost on every field of every record.
function quotedFields(raw: string): boolean[] {
  const quoted: boolean[] = [];
  let i = 0;
  for (;;) {
    const isQuoted = raw[i] === '"';
    quoted.push(isQuoted);
    if (isQuoted) {
      for (i++; i < raw.length; i++) {
        if (raw[i] !== '"') continue;
        if (raw[i + 1] !== '"') break;
        i++;
      }
    }
    while (i < raw.length && raw[i] !== "," && raw[i] !== "\n" && raw[i] !== "\r") i++;
    if (raw[i] !== ",") return quoted;
    i++;
  }
}

function toRecord({ record, raw }: { record: string[]; raw: string }): CsvRecord {
  if (!record.includes("")) return record;
  const quoted = raw.includes('""') ? quotedFields(raw) : [];
  return record.map((value, i) => (value === "" && !quoted[i] ? null : value));
}

// Hands records on in batches: one stream object per record costs more than parsing it.
class BatchingParser extends Parser {
  private batch: CsvRecord[] = [];

  override push(chunk: unknown): boolean {
    if (chunk === null) {
      if (this.batch.length > 0) super.push(this.batch);
      return super.push(null);
    }
    this.batch.push(toRecord(chunk as { record: string[]; raw: string }));
    if (this.batch.length < BATCH_RECORDS) return true;
    const batch = this.batch;
    this.batch = [];
    return super.push(batch);
  }
}

function toImportError(error: unknown, label: string): unknown {
  if (!(error instanceof CsvError)) return error;
  const context = error as CsvError & { lines?: number; record?: unknown[] };
  switch (error.code) {
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
      return new AppError(
        "bad_request",
        `${label} line ${context.lines} has ${context.record?.length} fields, the header has ${/expect (\d+)/.exec(error.message)?.[1]}.`,
      );
    case "CSV_QUOTE_NOT_CLOSED":
      return new AppError(
        "bad_request",
        `${label} ends inside a quoted field: a quote opened before line ${context.lines} is never closed.`,
      );
    case "CSV_MAX_RECORD_SIZE":
      return new AppError("bad_request", `${label} line ${context.lines} is longer than 64 MB; is a quote left open?`);
    default:
      return new AppError(
        "bad_request",
        `${label} line ${context.lines}: ${error.message.replace(/ at line \d+$/, "")}.`,
      );
  }
}

/**
 * Streams the records of a CSV file (RFC 4180, comma-separated, UTF-8 with or without BOM,
 * LF or CRLF), header included, in batches, failing with the file and line of the first
 * malformed one. `onBytes` gets the bytes read so far.
 */
export async function* readCsvBatches(
  file: string,
  label: string,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<CsvRecord[]> {
  const parser = new BatchingParser({
    bom: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    raw: true,
  });
  // pipeline() hands any stream's error to the parser, which ends the loop below with it.
  pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), new Utf8Check(label, onBytes), parser, () => {});
  try {
    yield* parser as AsyncIterable<CsvRecord[]>;
  } catch (error) {
    throw toImportError(error, label);
  } finally {
    parser.destroy();
  }
}
