import { createHighlighter, type Highlighter } from "shiki";

const cache = globalThis as unknown as { datamorphHighlighter?: Promise<Highlighter> };

/**
 * SQL or Python as highlighted HTML: light colours, with the dark theme's as CSS variables
 * (`--shiki-dark`) for pages shown in dark mode. One highlighter per process: loading the
 * grammars costs about a tenth of a second, each highlight after that a few milliseconds.
 */
export async function highlight(code: string, lang: "sql" | "python"): Promise<string> {
  cache.datamorphHighlighter ??= createHighlighter({
    themes: ["github-light", "github-dark-default"],
    langs: ["sql", "python"],
  });
  return (await cache.datamorphHighlighter).codeToHtml(code, {
    lang,
    themes: { light: "github-light", dark: "github-dark-default" },
    defaultColor: "light",
  });
}
