import type { Catalog } from "@/lib/catalog/types";
import type { PlanQuestion } from "@/lib/planner/questions";
import type { EtlSpec } from "@/lib/spec/etl-spec";

export type PlannerInput = {
  prompt: string;
  catalog: Catalog;
  /** Reference time for relative dates ("last 30 days"); defaults to the current time. */
  now?: Date;
  /** Known values of low-cardinality text columns, keyed by "table.column", e.g. order statuses. */
  sampleValues?: Record<string, string[]>;
  /**
   * Tables DataMorph published itself ("schema.table"). Their columns rank below those of
   * source tables when a word could name either, unless the prompt names the table.
   */
  derivedTables?: string[];
};

export type RejectCode = "not_understood" | "unknown_table" | "unknown_column" | "ambiguous" | "unsafe" | "empty";

export type PlanRejection = {
  ok: false;
  code: RejectCode;
  /** Names the exact phrase and what was expected. */
  message: string;
  phrase?: string;
  candidates?: string[];
  /** Set when a person can settle what stopped the planner: the run waits for the answers. */
  questions?: PlanQuestion[];
};

export type PlanResult =
  | {
      ok: true;
      spec: EtlSpec;
      /** 0..1; lower when the planner had to fill something in (a typo fix, a default date column). */
      confidence: number;
      /** Readings a reviewer should know about, in plain words. */
      notes: string[];
      /** The saved meanings the reading used in place of asking (their ids). */
      knowledgeUsed?: string[];
    }
  | PlanRejection;

/** Thrown inside the planner to stop at the first phrase it cannot read. */
export class PlanRejected extends Error {
  constructor(readonly rejection: PlanRejection) {
    super(rejection.message);
    this.name = "PlanRejected";
  }
}

/** Stops planning with a rejection. */
export function reject(
  code: RejectCode,
  message: string,
  extra: { phrase?: string; candidates?: string[] } = {},
): never {
  throw new PlanRejected({ ok: false, code, message, ...extra });
}
