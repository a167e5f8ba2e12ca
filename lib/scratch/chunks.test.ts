import { it } from "vitest";
import { annotate, chunk } from "@/lib/planner/english";
it("chunks", () => {
  for (const p of [
    "total order amount per customer for shipped orders",
    "number of shipped orders per customer",
    "total order amount per customer for orders",
  ]) {
    const tokens = annotate(p);
    console.log(tokens.map((t) => `${t.text}/${t.pos}`).join(" "));
    console.log(
      chunk(tokens)
        .map((c) => `[${c.kind}${"role" in c ? ":" + c.role : ""} ${c.text}]`)
        .join(" "),
    );
  }
});
