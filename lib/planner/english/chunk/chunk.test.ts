import { describe, expect, it } from "vitest";
import { annotate } from "@/lib/planner/english/annotate";
import { chunk } from "@/lib/planner/english/chunk/chunk";
import type { Chunk } from "@/lib/planner/english/chunk/types";

const LABEL: Record<Chunk["kind"], string> = {
  "noun-phrase": "np",
  "verb-group": "vg",
  comparison: "cmp",
  time: "time",
  aggregate: "agg",
  ranking: "rank",
  ordering: "order",
  connective: "conn",
  value: "value",
  arithmetic: "arith",
  punctuation: "punct",
  other: "other",
};

/** Chunks as "kind[words]"; connectives show their role ("with[without]" reads "role[words]"). */
const view = (prompt: string) =>
  chunk(annotate(prompt)).map((c) => `${c.kind === "connective" ? c.role : LABEL[c.kind]}[${c.text}]`);
const chunksOf = (prompt: string) => chunk(annotate(prompt));
const find = <K extends Chunk["kind"]>(prompt: string, kind: K) => {
  const found = chunksOf(prompt).find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} chunk in "${prompt}": ${view(prompt).join(" ")}`);
  return found as Extract<Chunk, { kind: K }>;
};

describe("chunk: noun phrases", () => {
  it.each([
    ["the 5 longest tracks", ["np[the 5 longest tracks]"]],
    ["each customer's first rental", ["np[each customer's first rental]"]],
    [
      "date of each customer's very first order",
      ["np[date]", "preposition[of]", "np[each customer's very first order]"],
    ],
    ["total order amount per customer", ["np[total order amount]", "grain[per]", "np[customer]"]],
    ["their first and last name", ["np[their first and last name]"]],
    ["number of shipped or completed orders", ["agg[number of]", "np[shipped or completed orders]"]],
    ["the 3 best-selling products", ["np[the 3 best-selling products]"]],
    ["bank transfer payments", ["np[bank transfer payments]"]],
    [
      "tracks that belong to the Grunge playlist",
      ["np[tracks]", "relative[that]", "vg[belong to]", "np[the Grunge playlist]"],
    ],
    ["Speedy Express orders", ["np[Speedy Express orders]"]],
    [
      "how many albums does Led Zeppelin have",
      ["agg[how many]", "np[albums]", "vg[does]", "np[Led Zeppelin]", "vg[have]"],
    ],
    ["the customers' orders", ["np[the customers' orders]"]],
    ["cancelled orders with the customer's name", ["np[cancelled orders]", "with[with]", "np[the customer's name]"]],
    ["delete all the cancelled orders", ["vg[delete]", "np[all the cancelled orders]"]],
    ["employees per year", ["np[employees]", "grain[per]", "np[year]"]],
  ])("%j", (prompt, expected) => {
    expect(view(prompt)).toEqual(expected);
  });

  it("records the head, determiner, count and superlative", () => {
    const np = find("the 5 most expensive tracks", "noun-phrase");
    const tokens = annotate("the 5 most expensive tracks");
    expect(tokens[np.head].text).toBe("tracks");
    expect([np.determiner, np.count, np.superlative?.map((k) => tokens[k].text)]).toEqual(["the", 5, ["most"]]);
    expect(find("which genre has the fewest tracks", "noun-phrase").determiner).toBe("which");
  });

  it("marks aggregate words inside a phrase, and a negating determiner", () => {
    const tokens = annotate("average track length");
    expect(find("average track length", "noun-phrase").aggregate?.map((k) => tokens[k].text)).toEqual(["average"]);
    expect(find("artists with no albums", "noun-phrase").negator).toBeUndefined();
    const phrases = chunksOf("artists with no albums").filter((c) => c.kind === "noun-phrase");
    expect(phrases[1]).toMatchObject({ text: "no albums", determiner: "no", negator: 2 });
  });

  it("reads a pronoun as a phrase of its own", () => {
    expect(view("how many customers they look after")).toEqual([
      "agg[how many]",
      "np[customers]",
      "np[they]",
      "vg[look after]",
    ]);
    expect(find("genres nobody has purchased", "noun-phrase")).toMatchObject({ text: "genres" });
    expect(chunksOf("genres nobody has purchased")[1]).toMatchObject({
      kind: "noun-phrase",
      text: "nobody",
      pronoun: true,
      negator: 1,
    });
  });
});

describe("chunk: verb groups", () => {
  it.each([
    ["customers who never placed an order", "never placed", "place", { negated: true, passive: false }],
    ["employees who report to a manager", "report to", "report", { negated: false, passive: false }],
    ["orders that were handled by Margaret", "were handled by", "handle", { negated: false, passive: true }],
    ["customers who live in Berlin", "live in", "live", { negated: false, passive: false }],
    ["customers who signed up in 2024", "signed up", "sign", { negated: false, passive: false }],
    ["employees who didn't handle any orders", "did n't handle", "handle", { negated: true, passive: false }],
    ["which customers don't have a fax number", "do n't have", "have", { negated: true, passive: false }],
    ["products that aren't condiments", "are n't", "be", { negated: true, passive: false }],
    ["customers who have never bought a jazz track", "have never bought", "buy", { negated: true, passive: false }],
    ["orders that took more than a week to ship", "took", "take", { negated: false, passive: false }],
    ["which sales reps work out of the Paris office", "work out of", "work", { negated: false, passive: false }],
  ])("%j → %j", (prompt, text, lemma, flags) => {
    const vg = find(prompt, "verb-group");
    expect({
      text: vg.text.replace("n't", " n't").replace(/\s+/g, " "),
      lemma: vg.lemma,
      negated: vg.negated,
      passive: vg.passive,
    }).toEqual({
      text,
      lemma,
      ...flags,
    });
  });

  it("reads a noun the tagger misread as the verb after a relative word or a subject", () => {
    expect(view("who reports to Steven Buchanan?")).toEqual([
      "question[who]",
      "vg[reports to]",
      "np[Steven Buchanan]",
      "punct[?]",
    ]);
    expect(view("employees that nobody reports to")).toEqual([
      "np[employees]",
      "relative[that]",
      "np[nobody]",
      "vg[reports to]",
    ]);
    expect(view("products that cost less than 10 dollars")).toEqual([
      "np[products]",
      "relative[that]",
      "vg[cost]",
      "cmp[less than 10]",
      "np[dollars]",
    ]);
    expect(view("does each payment method account for it")).toEqual([
      "vg[does]",
      "np[each payment method]",
      "vg[account for]",
      "np[it]",
    ]);
    expect(view("which products cost more than 50 bucks")).toEqual([
      "np[which products]",
      "vg[cost]",
      "cmp[more than 50]",
      "np[bucks]",
    ]);
    expect(view("how many payments does one get on average")).toEqual([
      "agg[how many]",
      "np[payments]",
      "vg[does]",
      "np[one]",
      "vg[get]",
      "agg[on average]",
    ]);
  });

  it("leaves to other chunks the prepositions that open them", () => {
    expect(view("orders placed in 2024")).toEqual(["np[orders]", "vg[placed]", "time[in 2024]"]);
    expect(view("customers who bought at least one Iron Maiden track")).toEqual([
      "np[customers]",
      "relative[who]",
      "vg[bought]",
      "cmp[at least one]",
      "np[Iron Maiden track]",
    ]);
  });

  it("reads a verb form before a noun as part of the noun phrase", () => {
    expect(view("number of employees by hire year")).toEqual([
      "agg[number of]",
      "np[employees]",
      "by[by]",
      "np[hire year]",
    ]);
    expect(view("customers with no email on file")).toEqual([
      "np[customers]",
      "with[with]",
      "np[no email]",
      "preposition[on]",
      "np[file]",
    ]);
  });

  it("opens a request with its verb, even when the model calls it a noun", () => {
    expect(view("Show me customers' orders")).toEqual(["vg[Show]", "np[me]", "np[customers' orders]"]);
    expect(view("Join customers and orders on customer_id")).toEqual([
      "vg[Join]",
      "np[customers]",
      "and[and]",
      "np[orders]",
      "preposition[on]",
      "np[customer_id]",
    ]);
  });
});

describe("chunk: comparisons", () => {
  it.each([
    ["artists with more than 50 albums", "more than 50", ">", 50],
    ["customers with at least 100 orders", "at least 100", ">=", 100],
    ["artists with 5 or more albums", "5 or more", ">=", 5],
    ["tracks that show up on 3+ playlists", "3+", ">=", 3],
    ["products priced greater than or equal to 10", "greater than or equal to 10", ">=", 10],
    ["products over $20", "over $20", ">", 20],
    ["tracks under 3 minutes", "under 3", "<", 3],
    ["customers with not more than 2 orders", "not more than 2", "<=", 2],
    ["orders with no more than 5 items", "no more than 5", "<=", 5],
    ["orders with fewer than 1000 units", "fewer than 1000", "<", 1000],
    ["songs that run longer than 7 min", "longer than 7", ">", 7],
    ["products cheaper than 4 dollars", "cheaper than 4", "<", 4],
    ["orders that took more than a week", "more than a", ">", 1],
    ["customers who used a coupon at least once", "at least once", ">=", 1],
    ["orders over 2000 from corporate customers", "over 2000", ">", 2000],
    ["orders >= 100", ">= 100", ">=", 100],
    ["balance above zero", "above zero", ">", 0],
  ])("%j → %j", (prompt, text, operator, quantity) => {
    const cmp = find(prompt, "comparison");
    expect([cmp.text, cmp.operator, cmp.quantity?.value]).toEqual([text, operator, quantity]);
  });

  it("reads both bounds of between", () => {
    const cmp = find("products priced between $20 and $30", "comparison");
    expect([cmp.text, cmp.operator, cmp.quantity?.value, cmp.upper?.value, cmp.upper?.unit]).toEqual([
      "between $20 and $30",
      "between",
      20,
      30,
      "currency",
    ]);
  });

  it("keeps the comparative that names what is compared", () => {
    const tokens = annotate("tracks longer than 5 minutes");
    const cmp = find("tracks longer than 5 minutes", "comparison");
    expect(tokens[cmp.comparative!].text).toBe("longer");
    expect(find("more than 50", "comparison").comparative).toBeUndefined();
    // "more" or "less" before a plain adjective: the adjective is what is compared.
    const phrase = "products less expensive than 20";
    const less = find(phrase, "comparison");
    expect([less.text, less.operator, less.quantity?.value, annotate(phrase)[less.comparative!].text]).toEqual([
      "less expensive than 20",
      "<",
      20,
      "expensive",
    ]);
  });

  it("marks a negated comparison", () => {
    expect(find("suppliers not between 20 and 30", "comparison")).toMatchObject({ operator: "between", negated: true });
  });

  it("reads an operator with no quantity when a value follows", () => {
    expect(view("orders where status = 'shipped'")).toEqual([
      "np[orders]",
      "relative[where]",
      "np[status]",
      "cmp[=]",
      "value['shipped']",
    ]);
  });

  it('leaves "over" and "under" alone when no quantity follows', () => {
    expect(view("summed over its items")).toEqual(["vg[summed over]", "np[its items]"]);
    expect(chunksOf("rather than cents").some((c) => c.kind === "comparison")).toBe(false);
  });
});

describe("chunk: connectives, ranking, ordering, aggregates", () => {
  it.each([
    [
      "revenue broken down by country and year",
      ["np[revenue]", "grain[broken down by]", "np[country]", "and[and]", "np[year]"],
    ],
    ["for each support agent", ["grain[for each]", "np[support agent]"]],
    [
      "how many customers have a first name starting with A? break it down by first name",
      [
        "agg[how many]",
        "np[customers]",
        "vg[have]",
        "np[a first name]",
        "vg[starting with]",
        "np[A]",
        "punct[?]",
        "grain[break it down by]",
        "np[first name]",
      ],
    ],
    ["customers without orders", ["np[customers]", "without[without]", "np[orders]"]],
    [
      "customers whose email is missing or who live in Paris",
      [
        "np[customers]",
        "relative[whose]",
        "np[email]",
        "vg[is missing]",
        "or[or]",
        "relative[who]",
        "vg[live in]",
        "np[Paris]",
      ],
    ],
    [
      "products (not discontinued) that aren't condiments",
      [
        "np[products]",
        "punct[(]",
        "vg[not discontinued]",
        "punct[)]",
        "relative[that]",
        "vg[aren't]",
        "np[condiments]",
      ],
    ],
    [
      "Brazil, Argentina or Chile + their email",
      ["np[Brazil]", "punct[,]", "np[Argentina]", "or[or]", "np[Chile]", "and[+]", "np[their email]"],
    ],
    [
      "invoice lines with quantity times unit price as line_total",
      [
        "np[invoice lines]",
        "with[with]",
        "np[quantity]",
        "arith[times]",
        "np[unit price]",
        "naming[as]",
        "np[line_total]",
      ],
    ],
    [
      "markup = MSRP minus buy price, call the column markup",
      [
        "np[markup]",
        "cmp[=]",
        "np[MSRP]",
        "arith[minus]",
        "np[buy price]",
        "punct[,]",
        "naming[call the column]",
        "np[markup]",
      ],
    ],
    [
      "net revenue (qty * unit price - discount)",
      ["np[net revenue]", "punct[(]", "np[qty]", "arith[*]", "np[unit price]", "arith[-]", "np[discount]", "punct[)]"],
    ],
    [
      "invoices in 2023 - their first and last name",
      ["np[invoices]", "time[in 2023]", "punct[-]", "np[their first and last name]"],
    ],
  ])("%j", (prompt, expected) => {
    expect(view(prompt)).toEqual(expected);
  });

  it("reads top and bottom N as a ranking", () => {
    expect(find("top 5 billing countries by revenue", "ranking")).toMatchObject({
      text: "top 5",
      edge: "top",
      count: 5,
    });
    expect(find("Bottom 3 categories by units sold", "ranking")).toMatchObject({ edge: "bottom", count: 3 });
    expect(find("the top 10 films", "ranking")).toMatchObject({ text: "the top 10", count: 10 });
    expect(find("top products", "ranking").count).toBeUndefined();
  });

  it('reads sorting words, directions and "first" at the end of a clause', () => {
    expect(view("tracks sorted by name descending")).toEqual([
      "np[tracks]",
      "order[sorted by]",
      "np[name]",
      "order[descending]",
    ]);
    expect(find("artists, alphabetically", "ordering")).toMatchObject({ direction: "ascending", by: false });
    expect(find("revenue in descending order", "ordering")).toMatchObject({
      text: "in descending order",
      direction: "descending",
    });
    expect(view("avg total for 2021, lowest first")).toEqual([
      "np[avg total]",
      "time[for 2021]",
      "punct[,]",
      "order[lowest first]",
    ]);
    expect(view("orders between 2024-02-10 and 2024-02-12, largest amount first")).toEqual([
      "np[orders]",
      "time[between 2024-02-10 and 2024-02-12]",
      "punct[,]",
      "np[largest amount]",
      "order[first]",
    ]);
    expect(view("Products priced between $20 and $30 - cheapest first please")).toContain("order[cheapest first]");
  });

  it('does not read "ordered by" as sorting inside a clause: it may mean purchased', () => {
    expect(view("products ordered by customers in Germany")[1]).toBe("vg[ordered by]");
  });

  it.each([
    ["number of orders per status", "number of"],
    ["the total of unit price times quantity", "the total of"],
    ["what % of all tracks", "what % of"],
    ["what percentage of total net revenue", "what percentage of"],
    ["how much each customer spent", "how much"],
    ["how many payments does one get on average", "how many"],
  ])("%j opens with the aggregate phrase %j", (prompt, text) => {
    expect(chunksOf(prompt)[0]).toMatchObject({ kind: "aggregate", text });
  });

  it('reads "on average" and "in total" as aggregates', () => {
    expect(view("spent more than $50 in total").at(-1)).toBe("agg[in total]");
  });
});

describe("chunk: time phrases", () => {
  it("gives each time phrase its own chunk with its expression", () => {
    const time = find("orders placed between March 1 and March 15, 2005 by Nancy", "time");
    expect(time.text).toBe("between March 1 and March 15, 2005");
    expect(time.expression.range).toEqual({ start: "2005-03-01", end: "2005-03-16" });
  });

  it("reads a bare year before a noun as a time phrase and the noun after it as a noun phrase", () => {
    expect(view("share of 2025 revenue per billing country")).toEqual([
      "np[share]",
      "time[of 2025]",
      "np[revenue]",
      "grain[per]",
      "np[billing country]",
    ]);
  });
});
