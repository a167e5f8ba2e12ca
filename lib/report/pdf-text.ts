// The built-in PDF fonts (Helvetica, Courier) only carry the WinAnsi character set, and embedding
// a font would add weight to every report; text is mapped onto that set before layout instead.

const NBSP = "\u00a0";

/** Characters outside Latin-1 that WinAnsi still has (curly quotes, dashes, bullet, euro…). */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const SUBSTITUTES: Record<string, string> = {
  "→": "->",
  "←": "<-",
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "✓": "v",
  "✔": "v",
  "✗": "x",
  "✘": "x",
  "─": "-",
  "│": "|",
  "\t": "  ",
};

const printable = (char: string) => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char) || char === "\n";
};

/** `text` with every character the built-in fonts lack replaced by a close ASCII form or "?". */
export function toPdfText(text: string): string {
  let out = "";
  for (const char of text.replace(/\r\n?/g, "\n")) out += SUBSTITUTES[char] ?? (printable(char) ? char : "?");
  return out;
}

/** `text` cut to `max` characters, ending in "…" when cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

/**
 * Code as lines that fit `width` monospace characters: a long line wraps at a space where it can
 * and continues two columns deeper than it began. Leading spaces become non-breaking ones, since
 * the layout engine strips ordinary ones.
 */
export function codeLines(code: string, width: number): string[] {
  const lines: string[] = [];
  for (const raw of toPdfText(code).replace(/\n+$/, "").split("\n")) {
    const indent = raw.length - raw.trimStart().length;
    let rest = raw;
    let first = true;
    while (first || rest.length > 0) {
      const prefix = first ? "" : `${" ".repeat(Math.min(indent, Math.floor(width / 2)))}  `;
      const room = Math.max(8, width - prefix.length);
      let cut = rest.length <= room ? rest.length : rest.lastIndexOf(" ", room);
      if (cut <= indent) cut = room;
      lines.push((prefix + rest.slice(0, cut)).replace(/^ +/, (spaces) => NBSP.repeat(spaces.length)) || NBSP);
      rest = rest.slice(cut).replace(/^ +/, "");
      first = false;
    }
  }
  return lines;
}

/** A duration for people: "840 ms", "2.4 s", "3 min 5 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "-";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A UTC timestamp to the second, the same wherever the report is read. */
export function formatTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 19).replace("T", " ")} UTC` : "-";
}

/** A value from a spec or a failing row, short enough for a table cell. */
export function formatValue(value: unknown, max = 60): string {
  if (value === undefined) return "(none)";
  return clip(typeof value === "string" ? value : JSON.stringify(value), max);
}
