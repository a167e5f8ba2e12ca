import type { CatalogTable } from "@/lib/catalog/types";
import type { ColumnEntry, ColumnPick, Intent } from "@/lib/planner/rules/intent";
import { distance, type JoinGraph } from "@/lib/planner/rules/join-graph";
import { reject } from "@/lib/planner/rules/types";
import { preferRanked, type TableRanking } from "@/lib/planner/rules/table-ranks";

export type Resolved = { table: CatalogTable; columns: string[] };

/** Decides which table each column phrase belongs to, given the tables the prompt names. */
export class ColumnResolver {
  private readonly cache = new Map<ColumnPick, Resolved>();

  constructor(
    readonly inPlay: CatalogTable[],
    private readonly graph: JoinGraph,
    private readonly intent: Intent,
    readonly ranking?: TableRanking,
  ) {}

  /**
   * Entries of the tables in play (named, on the join path between named ones, or already
   * chosen) when any has one; else those of the best-ranked tables, so a table DataMorph
   * published never shadows a source table.
   */
  preferred<T extends { table: CatalogTable }>(entries: T[]): { entries: T[]; inside: boolean } {
    const inside = entries.filter((c) => this.inPlay.includes(c.table) || this.ranking?.scope.has(c.table));
    if (inside.length > 0) return { entries: inside, inside: true };
    return { entries: preferRanked(entries, this.ranking), inside: false };
  }

  resolve(pick: ColumnPick): Resolved {
    const hit = this.cache.get(pick);
    if (hit) return hit;
    const chosen = this.choose(pick);
    const resolved = { table: chosen.table, columns: chosen.columns };
    this.cache.set(pick, resolved);
    if (!this.inPlay.includes(chosen.table)) this.inPlay.push(chosen.table);
    return resolved;
  }

  /** A single column, rejecting phrases like "name" that stand for two. */
  one(pick: ColumnPick): { table: CatalogTable; column: string } {
    const r = this.resolve(pick);
    if (r.columns.length !== 1)
      reject("ambiguous", `"${pick.phrase}" stands for ${r.columns.join(" and ")}; name one column here`, {
        phrase: pick.phrase,
        candidates: r.columns.map((c) => `${r.table.name}.${c}`),
      });
    return { table: r.table, column: r.columns[0] };
  }

  private choose(pick: ColumnPick): ColumnEntry {
    const { entries: all, inside } = this.preferred(pick.candidates);
    if (inside) return this.pickOne(pick, bestTier(all));
    const best = bestTier(all);
    if (best.length === 1) return best[0];
    if (this.inPlay.length > 0) {
      // Prefer the table closest to the ones the prompt names: "amount per customer" is orders.amount.
      const hops = best.map((c) => distance(this.graph, this.inPlay, c.table));
      const min = Math.min(...hops);
      const closest = best.filter((_, k) => hops[k] === min);
      if (closest.length === 1 && min < Infinity) {
        this.intent.notes.push(
          `read "${pick.phrase}" as ${label(closest[0])} (nearest to ${this.inPlay.map((t) => t.name).join(", ")}); also possible: ${best
            .filter((c) => c !== closest[0])
            .map(label)
            .join(", ")}`,
        );
        this.intent.confidence = Math.min(this.intent.confidence, 0.8);
        return closest[0];
      }
    }
    return this.pickOne(pick, best);
  }

  private pickOne(pick: ColumnPick, options: ColumnEntry[]): ColumnEntry {
    if (options.length === 1) return options[0];
    // The same key on both sides of a foreign key is one value: take the referenced (primary key) side.
    const names = new Set(options.map((o) => o.columns.join()));
    if (names.size === 1) {
      const owner = options.find((o) => o.table.primaryKey.join() === o.columns.join());
      if (owner) return owner;
    }
    return reject(
      "ambiguous",
      `"${pick.phrase}" could be ${options.map(label).join(" or ")}; name the table, e.g. "${options[0].table.name}.${options[0].columns[0]}"`,
      {
        phrase: pick.phrase,
        candidates: options.map(label),
      },
    );
  }
}

function bestTier(entries: ColumnEntry[]): ColumnEntry[] {
  const min = Math.min(...entries.map((e) => e.tier));
  return entries.filter((e) => e.tier === min);
}

const label = (e: ColumnEntry) => e.columns.map((c) => `${e.table.name}.${c}`).join("+");
