import { describe, expect, it } from "vitest";
import { annotate } from "@/lib/planner/english/annotate";
import type { AnnotatedToken } from "@/lib/planner/english/types";

const token = (tokens: AnnotatedToken[], text: string) => {
  const found = tokens.find((t) => t.text === text);
  if (!found) throw new Error(`no token "${text}" in ${tokens.map((t) => t.text).join(" ")}`);
  return found;
};
const tags = (prompt: string) => annotate(prompt).map((t) => `${t.text}/${t.pos}`);
const lemmas = (prompt: string) => annotate(prompt).map((t) => t.lemma);

describe("annotate: words as the model reads them", () => {
  it("gives each word its part of speech from the tagger", () => {
    expect(tags("customers who never placed an order")).toEqual([
      "customers/NOUN",
      "who/PRON",
      "never/ADV",
      "placed/VERB",
      "an/DET",
      "order/NOUN",
    ]);
    expect(tags("products heavier than 4 kg")).toEqual([
      "products/NOUN",
      "heavier/ADJ",
      "than/ADP",
      "4/NUM",
      "kg/NOUN",
    ]);
  });

  it("lemmatises inflected words, in lower case", () => {
    expect(lemmas("employees who were hired before 1993")).toEqual(["employee", "who", "be", "hire", "before", "1993"]);
    expect(lemmas("Which genres have the fewest tracks")).toEqual(["which", "genre", "have", "the", "few", "track"]);
    expect(token(annotate("the 3 longest tracks"), "longest").lemma).toBe("long");
  });

  it("keeps the tag of a capitalised first word and gives its lower-case reading beside it", () => {
    const [customers] = annotate("Customers located in Germany");
    expect(customers.pos).toBe("PROPN");
    expect(customers.alternative).toEqual({ pos: "NOUN", lemma: "customer" });
    const [products] = annotate("Products that are discontinued");
    expect(products.alternative?.lemma).toBe("product");
  });

  it("leaves words in the middle of a sentence without a second reading", () => {
    expect(annotate("customers located in Germany").some((t) => t.alternative)).toBe(false);
  });

  it("splits contractions into their words, with the negation spelled out", () => {
    expect(annotate("customers who don't have a fax").map((t) => t.normal)).toEqual([
      "customers",
      "who",
      "do",
      "not",
      "have",
      "a",
      "fax",
    ]);
    expect(annotate("suppliers that dont have one").map((t) => t.normal)).toContain("not");
    expect(
      annotate("I'm putting together a report")
        .slice(0, 2)
        .map((t) => [t.text, t.pos, t.lemma]),
    ).toEqual([
      ["I", "PRON", "i"],
      ["'m", "AUX", "be"],
    ]);
  });

  it("numbers sentences and marks the first token of each", () => {
    const tokens = annotate("Hi! For our 2023 review. Thanks!");
    expect(tokens.filter((t) => t.sentenceInitial).map((t) => t.text)).toEqual(["Hi", "For", "Thanks"]);
    expect(token(tokens, "review").sentence).toBe(1);
  });
});

describe("annotate: spans", () => {
  it("gives each token the exact characters it came from", () => {
    const prompt = "  orders   over $20,  placed in “Q3 2024”";
    for (const t of annotate(prompt)) expect(prompt.slice(t.span.start, t.span.end)).toBe(t.text);
  });

  it("leaves line breaks out of the tokens", () => {
    expect(annotate("orders\nper\n\ncustomer").map((t) => t.text)).toEqual(["orders", "per", "customer"]);
  });

  it("marks words written together: the hyphen of best-selling has no space on either side", () => {
    const tokens = annotate("the best-selling products");
    expect(tokens.map((t) => [t.text, t.spaceBefore])).toEqual([
      ["the", true],
      ["best", true],
      ["-", false],
      ["selling", false],
      ["products", true],
    ]);
  });
});

describe("annotate: quoted literals, identifiers and symbols", () => {
  it("keeps each quoted span as one token, whatever quote marks it uses", () => {
    const tokens = annotate(`tracks by 'AC/DC', "Let There Be Rock" and \u201cRock & Roll\u201d or \u2018Jazz\u2019`);
    const quoted = tokens.filter((t) => t.kind === "quoted");
    expect(quoted.map((t) => t.quoted)).toEqual([
      { mark: "'", inner: "AC/DC" },
      { mark: '"', inner: "Let There Be Rock" },
      { mark: "\u201c", inner: "Rock & Roll" },
      { mark: "\u2018", inner: "Jazz" },
    ]);
    expect(quoted.every((t) => t.pos === "PROPN" && t.posSource === "merged" && t.possibleValue)).toBe(true);
  });

  it("reads apostrophes as apostrophes, not as quotes", () => {
    const tokens = annotate("the customers' orders and each customer's name, which don't ship");
    expect(tokens.some((t) => t.kind === "quoted")).toBe(false);
  });

  it("keeps a quote's words out of the sentence the tagger reads", () => {
    // Unquoted, "Let" would be read as the sentence's verb.
    expect(tags("every track on the album 'Let There Be Rock' with its length")).toContain("with/ADP");
  });

  it("keeps snake_case, camelCase and dotted names whole, with their words", () => {
    const tokens = annotate("total of orders.amount per customer_id and customerNumber");
    expect(tokens.filter((t) => t.kind === "identifier").map((t) => [t.text, t.identifier])).toEqual([
      ["orders.amount", { style: "dotted", parts: ["orders", "amount"] }],
      ["customer_id", { style: "snake", parts: ["customer", "id"] }],
      ["customerNumber", { style: "camel", parts: ["customer", "number"] }],
    ]);
    expect(token(tokens, "orders.amount").pos).toBe("NOUN");
  });

  it("does not read abbreviations or a missing space as dotted names", () => {
    expect(annotate("e.g. U.S. customers").some((t) => t.kind === "identifier")).toBe(false);
    expect(annotate("list the orders.Thanks").some((t) => t.kind === "identifier")).toBe(false);
  });

  it("reads comparison symbols, written any way, as one normalised token", () => {
    const tokens = annotate("x<3 and y >= 10 and z => 2 and a<>b and c \u2264 4 and d = 5");
    expect(tokens.filter((t) => t.comparison).map((t) => [t.text, t.comparison])).toEqual([
      ["<", "<"],
      [">=", ">="],
      ["=>", ">="],
      ["<>", "!="],
      ["\u2264", "<="],
      ["=", "="],
    ]);
    expect(token(tokens, "3").number?.value).toBe(3);
  });
});

describe("annotate: capitals and values", () => {
  it("marks capitalised words inside a sentence as possible values", () => {
    const tokens = annotate("customers who bought at least one Iron Maiden track");
    expect(tokens.filter((t) => t.possibleValue).map((t) => t.text)).toEqual(["Iron", "Maiden"]);
  });

  it("does not take a capital at the start of a sentence for a value, unless the word is all capitals or a name goes on", () => {
    expect(token(annotate("Customers in Lisbon"), "Customers").possibleValue).toBe(false);
    expect(token(annotate("US invoices dated before 2022"), "US").possibleValue).toBe(true);
    expect(token(annotate("Speedy Express orders"), "Speedy").possibleValue).toBe(true);
    expect(token(annotate("I need a table"), "I").possibleValue).toBe(false);
  });

  it("says which words the model does not know (names, typos)", () => {
    const tokens = annotate("custoemrs from Brazil");
    expect(token(tokens, "custoemrs").known).toBe(false);
    expect(token(tokens, "from").known).toBe(true);
  });
});

describe("annotate: determinism", () => {
  it("reads the same prompt to the same tokens", () => {
    const prompt = "top 5 customers who never ordered since March 2024, sorted by name";
    expect(JSON.stringify(annotate(prompt))).toBe(JSON.stringify(annotate(prompt)));
  });
});
