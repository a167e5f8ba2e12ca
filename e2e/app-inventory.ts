import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// What the app/ tree serves, read from the sources at test time, so a new route or action
// that the security suite does not cover fails it.

const APP_DIR = "app";
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** The URL pattern of a file's folder: route groups such as (auth) drop out, [id] stays. */
function urlPattern(file: string): string {
  const segments = path
    .dirname(path.relative(APP_DIR, file))
    .split(path.sep)
    .filter((s) => s !== "." && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** Names a module exports with `export const X`, `export async function X` or `export const { X, Y } = …`. */
function exportedNames(source: string): string[] {
  const single = [...source.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+([A-Za-z_$][\w$]*)/g)].map(
    (m) => m[1],
  );
  const destructured = [...source.matchAll(/export\s+const\s*\{([^}]*)\}/g)].flatMap((m) =>
    m[1].split(",").map(
      (name) =>
        name
          .trim()
          .split(/\s*:\s*/)
          .at(-1)!,
    ),
  );
  return [...single, ...destructured].filter(Boolean);
}

export type RouteHandler = { file: string; pattern: string; methods: string[] };

/** Every `route.ts` under app/, with the HTTP methods it exports. */
export function listRouteHandlers(): RouteHandler[] {
  return walk(APP_DIR)
    .filter((file) => /(^|\/)route\.(ts|tsx|js)$/.test(file))
    .map((file) => ({
      file,
      pattern: urlPattern(file),
      methods: exportedNames(readFileSync(file, "utf8"))
        .filter((name) => METHODS.includes(name))
        .sort(),
    }));
}

/** Every page under app/, as its URL pattern. */
export function listPages(): string[] {
  return walk(APP_DIR)
    .filter((file) => /(^|\/)page\.(tsx|ts|jsx|js)$/.test(file))
    .map(urlPattern)
    .sort();
}

export type ActionFile = { file: string; actions: string[] };

/** Every server action module under app/ (a file that starts with "use server"), with its exports. */
export function listActionFiles(): ActionFile[] {
  return walk(APP_DIR)
    .filter((file) => /\.(ts|tsx|js)$/.test(file))
    .map((file) => ({ file, source: readFileSync(file, "utf8") }))
    .filter(({ source }) => /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source))
    .map(({ file, source }) => ({ file, actions: exportedNames(source).sort() }));
}
