// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A
// field with spaces at either end is quoted too, so no reader trims them away.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field: NULL is the empty field, the empty string a quoted one, so the two stay apart. */
export function csvField(value: string | null): string {
  if (value === null) return "";
  if (value === "") return '""';
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record, ended by CRLF as RFC 4180 has it. */
export function csvRecord(values: (string | null)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** A file name safe in a Content-Disposition header: letters, digits, `_`, `-` and `.` only. */
export function csvFileName(table: string): string {
  const base = table.replace(/[^A-Za-z0-9_.-]+/g, "_").replace(/^\.+/, "") || "result";
  return `${base}.csv`;
}
