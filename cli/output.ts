/** A failure the CLI reports as one line, with the exit code the contract gives it. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Formats rows as an aligned text table; numbers are right-aligned. */
export function formatTable(columns: string[], rows: unknown[][]): string {
  const cells = rows.map((row) =>
    row.map((value) =>
      value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value),
    ),
  );
  const numeric = columns.map(
    (_, i) =>
      rows.length > 0 &&
      rows.every((row) => row[i] === null || typeof row[i] === "number" || /^-?\d+(\.\d+)?$/.test(String(row[i]))),
  );
  const widths = columns.map((column, i) =>
    Math.min(60, Math.max(column.length, ...cells.map((row) => row[i].length))),
  );
  const fit = (text: string, i: number) => {
    const clipped = text.length > widths[i] ? `${text.slice(0, widths[i] - 1)}…` : text;
    return numeric[i] ? clipped.padStart(widths[i]) : clipped.padEnd(widths[i]);
  };
  const line = (values: string[]) => values.map(fit).join("  ").trimEnd();
  return `${[line(columns), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join("\n")}\n`;
}
