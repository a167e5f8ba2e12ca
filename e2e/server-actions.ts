import { readFileSync } from "node:fs";

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

/** The ids Next.js gave the server actions in the running build, keyed by "file#export". */
export function serverActionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  return new Map(
    Object.entries(manifest.node).map(([id, action]) => [`${action.filename}#${action.exportedName}`, id]),
  );
}
