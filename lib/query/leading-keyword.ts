/**
 * The first keyword of a statement, lower-cased, past whitespace, `--` and (nested) `/* … *\/`
 * comments and opening parentheses; "" when there is none. Enough to tell what kind of
 * statement the server will run, since the console accepts exactly one.
 */
export function leadingKeyword(text: string): string {
  let i = 0;
  while (i < text.length) {
    if (/[\s(]/.test(text[i])) i += 1;
    else if (text.startsWith("--", i)) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end + 1;
    } else if (text.startsWith("/*", i)) i = afterBlockComment(text, i);
    else break;
  }
  return /^[a-z_]+/i.exec(text.slice(i))?.[0].toLowerCase() ?? "";
}

// Postgres block comments nest: "/* a /* b */ c */" is one comment.
function afterBlockComment(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text.startsWith("/*", i)) (depth += 1), (i += 2);
    else if (text.startsWith("*/", i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return text.length;
}
