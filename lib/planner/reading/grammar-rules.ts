import type { Production } from "./chart";
import { list, type Part } from "./parts";

export type Build = (kids: Part[]) => Part | undefined;

// A production that only passes its words on yields the one part itself, so that "Attr -> DIM" is still a sense.
const pass: Build = (kids) => {
  const all = list(...kids);
  return all.k === "list" && all.parts.length === 1 ? all.parts[0] : all;
};

/** A list of productions and `r`, which adds one written as the English it accepts ("Cmp -> CmpWords UNIT?"). */
export function ruleBook() {
  const rules: Production<Part>[] = [];
  const r = (spec: string, build: Build = pass) => {
    const [lhs, rhs] = spec.split("->").map((x) => x.trim());
    rules.push({ lhs, rhs: rhs.split(/\s+/), build });
  };
  return { rules, r };
}
