import type { PipelineParameter } from "./parameters";

/** What a version is compared on: its target, its parameters and its spec. */
type Comparable = { targetTable: string; engine: string | null; parameters: PipelineParameter[]; spec: unknown };

/** Past this many changes a version lists how many more there are; its spec holds the rest. */
const MAX_CHANGES = 12;

const show = (value: unknown): string => (value === undefined ? "nothing" : JSON.stringify(value));

/** Every leaf that differs between two JSON values, by path ("filters[0].value"), in document order. */
function leafChanges(before: unknown, after: unknown, path: string, out: string[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      leafChanges(before[i], after[i], `${path}[${i}]`, out);
    return;
  }
  if (isObject(before) && isObject(after) && !Array.isArray(before) && !Array.isArray(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      leafChanges(before[key], after[key], path ? `${path}.${key}` : key, out);
    return;
  }
  out.push(`${path}: ${show(before)} → ${show(after)}`);
}

/**
 * What changed from one version of a pipeline to the next, one line per change: the target, the
 * engine, each parameter added, removed or redefined, and each value of the spec that differs
 * (by its path in the spec). Empty when nothing did.
 */
export function versionChanges(before: Comparable, after: Comparable): string[] {
  const out: string[] = [];
  if (before.targetTable !== after.targetTable) out.push(`target: ${before.targetTable} → ${after.targetTable}`);
  if (before.engine !== after.engine) out.push(`engine: ${before.engine ?? "default"} → ${after.engine ?? "default"}`);
  const was = new Map(before.parameters.map((p) => [p.name, p]));
  const now = new Map(after.parameters.map((p) => [p.name, p]));
  for (const [name, p] of now) {
    const old = was.get(name);
    if (!old) out.push(`parameter ${name} added (${p.type}, default ${show(p.default)})`);
    else if (old.type !== p.type || JSON.stringify(old.default) !== JSON.stringify(p.default))
      out.push(`parameter ${name}: ${old.type} ${show(old.default)} → ${p.type} ${show(p.default)}`);
  }
  for (const name of was.keys()) if (!now.has(name)) out.push(`parameter ${name} removed`);
  // The spec's own target is the version's, listed above.
  const withoutTarget = (spec: unknown) => {
    if (typeof spec !== "object" || spec === null || Array.isArray(spec)) return spec;
    const { target: _, ...rest } = spec as Record<string, unknown>;
    return rest;
  };
  const spec: string[] = [];
  leafChanges(withoutTarget(before.spec), withoutTarget(after.spec), "", spec);
  out.push(...spec.map((line) => `spec ${line}`));
  return out.length > MAX_CHANGES
    ? [...out.slice(0, MAX_CHANGES - 1), `and ${out.length - MAX_CHANGES + 1} more`]
    : out;
}
