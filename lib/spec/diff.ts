/** One changed value between two versions of a spec. */
export type SpecChange = { path: string; before: unknown; after: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The leaf-level differences between two JSON documents, with dotted paths (`sources[1].distinct`). */
export function diffSpecs(before: unknown, after: unknown, path = ""): SpecChange[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: SpecChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      changes.push(...diffSpecs(before[i], after[i], `${path}[${i}]`));
    return changes;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffSpecs(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}
