import type { Entity } from "@/lib/semantic-model/model-schema";
import type { Part } from "./parts";
import type { Meaning } from "./senses";

/**
 * What a clause about related rows says, as the grammar reads it (grammar-existence.ts) and
 * build-existence.ts turns it into filters.
 */
export type ExistencePart =
  /**
   * Rows related to the row being listed: "who never placed an order" (negated), "without a
   * single track on the Music playlist", "products nobody ordered" (`byOthers`: the related
   * rows do the verb), "who bought at least 3 orders" (`minCount`). `entity` is the object the
   * words name, when they name one; `qualifiers` narrow the related rows.
   */
  | {
      k: "related-rows";
      negated: boolean;
      minCount?: number;
      entity?: Entity;
      verb?: Extract<Part, { k: "verb" }>;
      byOthers?: boolean;
      qualifiers: Part[];
      phrase: string;
    }
  /**
   * "with no region", "without a company", "orders that have not shipped", "with no manager": a column
   * of the row left empty; `present`: "with a company", "with a support rep", the column holds a value.
   */
  | { k: "missing"; meaning: Meaning; phrase: string; present?: boolean }
  /**
   * "orders that are not cancelled", "products that aren't condiments or seafood", "customers who
   * don't live in Germany": values the row must not have; `verb` when one other than "be" says so.
   */
  | {
      k: "not-values";
      meanings: Extract<Meaning, { kind: "value" | "flag" }>[];
      verb?: Extract<Part, { k: "verb" }>;
      /** The rows the values are left out of, when the request names them ("excluding returned orders"). */
      of?: Entity;
      phrase: string;
    };
