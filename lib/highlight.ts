import { createHighlighter, type Highlighter } from "shiki";

const cache = globalThis as unknown as { datamorphHighlighter?: Promise<Highlighter> };

/**
 * SQL or Python as highlighted HTML. One highlighter per process: loading the grammars costs
 * about a tenth of a second, each highlight after that a few milliseconds.
 */
export async function highlight(code: string, lang: "sql" | "python"): Promise<string> {
  cache.datamorphHighlighter ??= createHighlighter({ themes: ["github-light"], langs: ["sql", "python"] });
  return (await cache.datamorphHighlighter).codeToHtml(code, { lang, theme: "github-light" });
}
