import { isMap, isScalar, isSeq, parseDocument, visit, Document } from "yaml";
import type { z } from "zod";
import { camelKeys, snakeKey, snakeKeys } from "./key-case";
import { SemanticModelSchema, type SemanticModel } from "./model-schema";
import { OVERLAY_COMMENT, OVERLAY_IGNORED, OVERLAY_KEY, overlayDocument, type UserOverlay } from "./user-overlay";

/** The largest model file DataMorph reads: a model takes a few hundred bytes per column. */
export const MAX_MODEL_FILE_BYTES = 4 * 1024 * 1024;

/** A YAML model file that cannot be used, with every reason, each naming where it is. */
export class ModelImportError extends Error {
  override name = "ModelImportError";
  constructor(readonly problems: string[]) {
    super(`The model file is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const HEADER = [
  " DataMorph semantic model: what this warehouse's tables and columns mean in English.",
  " Generated from the catalog; edit and load back with `datamorph model import <file>`.",
  " words: phrases from the names; synonyms: general English; values: the value index.",
].join("\n");

/**
 * The model as YAML: block style, short lists and verbs on one line each. With `overlay`, the
 * warehouse's approved knowledge and verified examples follow the model under `user_overlay`.
 */
export function exportModelYaml(model: SemanticModel, overlay?: UserOverlay): string {
  const doc = new Document({
    ...(snakeKeys(model) as object),
    ...(overlay ? { [OVERLAY_KEY]: overlayDocument(overlay) } : {}),
  });
  doc.commentBefore = HEADER;
  const overlayPair = isMap(doc.contents) ? doc.contents.items.at(-1) : undefined;
  if (overlay && isScalar(overlayPair?.key)) overlayPair.key.commentBefore = OVERLAY_COMMENT;
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Map(_, node) {
      // A verb ({ phrase, subject }) or a through link reads best on one line.
      if (
        node.items.length <= 3 &&
        node.items.every((pair) => isScalar(pair.value) || (isSeq(pair.value) && pair.value.items.every(isScalar)))
      )
        node.flow = true;
    },
  });
  // The overlay's two lists stay on lines of their own, even empty.
  if (overlay && isMap(overlayPair?.value)) overlayPair.value.flow = false;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** `entities[2] (public.orders).measures[0].default_agg`, as the YAML file names things. */
function describePath(path: PropertyKey[], document: { entities?: { table?: unknown }[] }): string {
  const text =
    path.reduce<string>(
      (out, part) =>
        typeof part === "number" ? `${out}[${part}]` : `${out}${out ? "." : ""}${snakeKey(String(part))}`,
      "",
    ) || "(top level)";
  const table = path[0] === "entities" && typeof path[1] === "number" ? document.entities?.[path[1]]?.table : undefined;
  return typeof table === "string" ? text.replace(/^entities\[\d+\]/, (head) => `${head} (${table})`) : text;
}

function describeIssue(issue: z.core.$ZodIssue, document: object): string {
  const where = describePath(issue.path, document);
  if (issue.code === "unrecognized_keys")
    return `${where}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${snakeKey(k)}"`).join(", ")}`;
  return `${where}: ${issue.message}`;
}

const MAX_PROBLEMS = 20;

/**
 * Reads a model from YAML and validates it. Throws ModelImportError listing what is wrong (a
 * syntax error with its line, or each field that does not fit, by its path in the file). The
 * file's user_overlay, which an export writes, is skipped whatever it holds, and `ignored` says so.
 */
export function readModelYaml(text: string): { model: SemanticModel; ignored?: string } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0)
    throw new ModelImportError(
      doc.errors.slice(0, MAX_PROBLEMS).map((e) => e.message.split("\n")[0].replace(/:$/, "")),
    );
  if (!isMap(doc.contents))
    throw new ModelImportError([
      "the file must hold a mapping with format_version, catalog_hash, entities and relationships",
    ]);
  const { [OVERLAY_KEY]: overlay, ...model } = doc.toJS() as Record<string, unknown>;
  const document = camelKeys(model) as object;
  const parsed = SemanticModelSchema.safeParse(document);
  if (!parsed.success)
    throw new ModelImportError(
      parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => describeIssue(issue, document)),
    );
  return { model: parsed.data, ...(holdsSomething(overlay) ? { ignored: OVERLAY_IGNORED } : {}) };
}

// An overlay with empty lists, as an export of a warehouse with no knowledge writes it, holds nothing to report.
const holdsSomething = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : value !== null && typeof value === "object"
      ? Object.values(value).some(holdsSomething)
      : value !== null && value !== undefined;

/** The model of a YAML file (see readModelYaml). */
export const importModelYaml = (text: string): SemanticModel => readModelYaml(text).model;
