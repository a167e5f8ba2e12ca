import type { ReactNode } from "react";
import { Text, View } from "@react-pdf/renderer";
import { clip, codeLines, toPdfText } from "./pdf-text";
import { CODE_CHARS_PER_LINE, colors, styles } from "./styles";

/**
 * A titled part of the report. Its parts are laid out as siblings of the other sections rather
 * than inside a box of their own: the renderer only moves a title to the next page, to keep it
 * with what follows, when something precedes it in the same box.
 */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Text style={styles.heading} minPresenceAhead={60}>
        {title}
      </Text>
      {children}
    </>
  );
}

/** A label and its value, laid out two to a row. */
export function Field({ label, value, mono = false }: { label: string; value: string; mono?: boolean }) {
  return (
    <View style={styles.field} wrap={false}>
      <Text style={styles.fieldLabel}>{label}</Text>
      <Text style={[styles.fieldValue, ...(mono ? [styles.mono] : [])]}>{toPdfText(value)}</Text>
    </View>
  );
}

/**
 * Source code in Courier, wrapped to the page width. Each line is its own shaded text, so pages
 * break between lines and no empty shaded box is left at the foot of a page; the first lines stay
 * with the heading above them.
 */
export function CodeBlock({ code }: { code: string }) {
  const lines = codeLines(code, CODE_CHARS_PER_LINE);
  const line = (text: string, i: number) => (
    <Text
      key={i}
      style={[
        styles.codeLine,
        ...(i === 0 ? [styles.codeFirst] : []),
        ...(i === lines.length - 1 ? [styles.codeLast] : []),
      ]}
    >
      {text}
    </Text>
  );
  return (
    <>
      <View wrap={false}>{lines.slice(0, 4).map(line)}</View>
      {lines.slice(4).map((text, i) => line(text, i + 4))}
    </>
  );
}

/** A table cell: plain text, or text with a colour and weight that carry meaning (PASS, FAIL). */
export type Cell = string | { text: string; color?: string; bold?: boolean };

/**
 * A column of a `DataTable`: `width` in points, `mono` for identifiers and values, `lines` the
 * lines a value may take before it is cut (2 unless set).
 */
export type TableColumn = { title: string; width: number; align?: "left" | "right"; mono?: boolean; lines?: number };

const FONT_SIZE = 8;

// Glyph widths in em: Courier's are exact, Helvetica's a fair bound for mixed text.
const charsPerLine = (column: TableColumn, bold = false) =>
  Math.max(3, Math.floor((column.width - 5) / (FONT_SIZE * (column.mono ? 0.6 : bold ? 0.6 : 0.52))));

/**
 * Breaks identifiers only when one is longer than a line: hyphenating `customer_id` as
 * `cus-tomer_id` reads as a different name. A word the callback keeps whole is never broken.
 */
export function keepIdentifiers(word: string): string[] {
  if (word.length <= 28) return [word];
  return word.match(/.{1,20}/g) ?? [word];
}

/** A table whose rows never split across pages; long values are cut to fit their column. */
export function DataTable({ columns, rows }: { columns: TableColumn[]; rows: Cell[][] }) {
  const cellStyle = (column: TableColumn) => [
    styles.tableCell,
    { width: column.width, textAlign: column.align ?? "left", fontSize: FONT_SIZE },
  ];
  const header = (
    <View style={styles.tableHeader}>
      {columns.map((column, i) => (
        <Text
          key={i}
          style={[...cellStyle(column), { fontFamily: column.mono ? "Courier-Bold" : "Helvetica-Bold" }]}
          hyphenationCallback={keepIdentifiers}
        >
          {clip(toPdfText(column.title), charsPerLine(column, true))}
        </Text>
      ))}
    </View>
  );
  const renderRow = (row: Cell[], r: number) => (
    <View key={r} style={styles.tableRow} wrap={false}>
      {row.map((cell, c) => {
        const { text, color, bold } = typeof cell === "string" ? { text: cell } : cell;
        const column = columns[c];
        const fontFamily = column.mono ? (bold ? "Courier-Bold" : "Courier") : bold ? "Helvetica-Bold" : "Helvetica";
        return (
          <Text
            key={c}
            style={[...cellStyle(column), { fontFamily, color: color ?? colors.text }]}
            hyphenationCallback={column.mono ? keepIdentifiers : undefined}
          >
            {clip(toPdfText(text), charsPerLine(column) * (column.lines ?? 2))}
          </Text>
        );
      })}
    </View>
  );
  // The header moves to the next page with the first rows rather than stand alone.
  return (
    <View>
      <View wrap={false}>
        {header}
        {rows.slice(0, 2).map(renderRow)}
      </View>
      {rows.slice(2).map((row, i) => renderRow(row, i + 2))}
    </View>
  );
}

/** Words set off from the body: the outcome of a run, a diagnosis. */
export function Callout({ color, children }: { color: string; children: ReactNode }) {
  return <View style={[styles.callout, { borderColor: color }]}>{children}</View>;
}
