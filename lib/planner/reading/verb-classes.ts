/**
 * Two small tables of general English verbs the grammar may read without a model meaning. They
 * name no table or column of any warehouse; a verb in neither (and not the model's) is never
 * dropped, so "customers churned" is refused rather than read as "customers".
 */

/** Verbs that ask for a table: "show me", "list", "give me", "I need", "find". */
export const REQUEST_VERBS = new Set([
  "show",
  "list",
  "give",
  "get",
  "find",
  "display",
  "fetch",
  "pull",
  "need",
  "want",
  "see",
  "build",
  "create",
  "make",
  "produce",
  "generate",
  "prepare",
  "compute",
  "calculate",
  "tell",
  "provide",
  "retrieve",
  "select",
]);

/**
 * Verbs that only say a row of a table came to be, without restricting which: an order placed,
 * a quantity sold, an amount paid, a payment received, a product supplied, orders that came in.
 */
export const OCCURRENCE_VERBS = new Set([
  "place",
  "make",
  "take",
  "get",
  "receive",
  "give",
  "pay",
  "sell",
  "buy",
  "order",
  "purchase",
  "supply",
  "spend",
  "record",
  "have",
  "do",
  "come",
  "generate",
  "handle",
  "issue",
  "bill",
  "invoice",
  "charge",
  "book",
  "log",
]);

/** Verbs whose object is a price: "products that cost less than 10 dollars", "that sell for over $20". */
export const PRICE_VERBS = new Set(["cost", "sell", "retail", "list", "go", "price"]);

/** Verbs that tell the planner which tables to join: "join customers and orders on customer_id". */
export const JOIN_VERBS = new Set(["join", "combine", "merge"]);
