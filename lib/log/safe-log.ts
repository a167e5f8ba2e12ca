import { inspect } from "node:util";

// C0 and C1 controls (newline included), DEL, lone surrogates, and the Unicode line separators
// and direction overrides that make a log viewer show text other than what was written.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Makes text safe to write into one log line: every control character (newline, ANSI escape,
 * …) becomes a visible escape such as `\n` or `\x1b`, so input cannot start a forged line or
 * recolour the terminal. With `keepNewlines`, `\n` stays (for multi-line terminal messages).
 */
export function escapeControlCharacters(text: string, { keepNewlines = false } = {}): string {
  return text.replace(UNSAFE, (char) => {
    if (keepNewlines && char === "\n") return char;
    if (NAMED[char]) return NAMED[char];
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

// The stack's own frames come from code, so they keep their lines; everything that can carry
// input (the message, a driver's detail or query, a cause) is escaped onto the first line.
function formatError(error: Error, depth: number): string {
  const { name, message } = error;
  const header = `${name}: ${message}`;
  const stack = error.stack ?? "";
  const frames = stack.startsWith(header)
    ? stack
        .slice(header.length)
        .split("\n")
        .filter((line) => /^\s+at /.test(line))
        .map((line) => `\n${escapeControlCharacters(line)}`)
        .join("")
    : stack && ` ${stack}`;
  const extra = Object.fromEntries(Object.entries(error).filter(([key]) => key !== "cause"));
  const details =
    Object.keys(extra).length > 0 ? ` ${inspect(extra, { breakLength: Number.POSITIVE_INFINITY, depth: 2 })}` : "";
  const cause = error.cause !== undefined && depth < 3 ? `\n  caused by ${formatForLog(error.cause, depth + 1)}` : "";
  return `${escapeControlCharacters(`${header}${details}`)}${stack.startsWith(header) ? frames : escapeControlCharacters(frames)}${cause}`;
}

function formatForLog(value: unknown, depth: number): string {
  if (value instanceof Error) return formatError(value, depth);
  return escapeControlCharacters(
    typeof value === "string" ? value : inspect(value, { breakLength: Number.POSITIVE_INFINITY, depth: 2 }),
  );
}

/** Writes `error` to the server log under `context`, with any input in it escaped (see `escapeControlCharacters`). */
export function logError(context: string, error: unknown): void {
  console.error(`[datamorph] ${escapeControlCharacters(context)}: ${formatForLog(error, 0)}`);
}
