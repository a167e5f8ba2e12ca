import type { z } from "zod";

/** What a text field may hold besides printable characters. */
export type PlainTextOptions = {
  /** Allow tab, newline and carriage return (a prompt or a query may span lines; a name may not). */
  multiline?: boolean;
};

/** The first character a text field must not hold: where it is and what to call it. */
export type UnsafeCharacter = { index: number; codePoint: number; kind: "nul" | "control" | "surrogate" };

const LINE_CHARACTERS = new Set([0x09, 0x0a, 0x0d]);

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * Finds the first character that has no business in typed text: NUL (Postgres cannot store it
 * in text), other C0/C1 control characters and DEL (they forge log lines and drive terminals),
 * and lone UTF-16 surrogates (they are not characters at all and cannot be encoded as UTF-8).
 */
export function findUnsafeCharacter(
  text: string,
  { multiline = false }: PlainTextOptions = {},
): UnsafeCharacter | null {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdfff) {
      const pairs = code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
      if (pairs) {
        index++;
        continue;
      }
      return { index, codePoint: code, kind: "surrogate" };
    }
    if (code === 0) return { index, codePoint: code, kind: "nul" };
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (control && !(multiline && LINE_CHARACTERS.has(code))) return { index, codePoint: code, kind: "control" };
  }
  return null;
}

/**
 * The message for an unsafe character in `field`: which field, what the character is, where it
 * is (1-based, as an editor counts), and what to do. It never repeats the character itself.
 */
export function unsafeCharacterMessage(
  field: string,
  found: UnsafeCharacter,
  { multiline = false }: PlainTextOptions = {},
): string {
  const at = `at character ${found.index + 1}`;
  switch (found.kind) {
    case "nul":
      return `The ${field} contains a NUL character (${hex(0)}) ${at}; remove it and send it again.`;
    case "surrogate":
      return `The ${field} contains a broken character (a lone UTF-16 surrogate, ${hex(found.codePoint)}) ${at}; remove it or type that character again.`;
    case "control":
      return `The ${field} contains a control character (${hex(found.codePoint)}) ${at}; remove it${multiline ? " (tabs and line breaks are fine)" : ""} and send it again.`;
  }
}

/** The message for `text` in `field`, or `null` when it is plain text. */
export function checkPlainText(field: string, text: string, options: PlainTextOptions = {}): string | null {
  const found = findUnsafeCharacter(text, options);
  return found ? unsafeCharacterMessage(field, found, options) : null;
}

/**
 * A zod refinement for every text field a person types (prompt, query, names): refuses NUL,
 * control characters and lone surrogates with a message naming `field`. Put it first, before
 * `.trim()`, so it sees the text as sent:
 * `z.string().superRefine(plainText("prompt", { multiline: true })).trim().min(1)`.
 */
export function plainText(field: string, options: PlainTextOptions = {}) {
  return (text: string, context: z.RefinementCtx): void => {
    const message = checkPlainText(field, text, options);
    if (message) context.addIssue({ code: "custom", message, continue: false });
  };
}
