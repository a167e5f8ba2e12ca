import { describe, expect, it } from "vitest";
import { planWithEnglish } from "./index";
import { describePlan } from "./testing/describe-plan";
import { libraryCatalog, librarySampleValues } from "./testing/lending-library";

// Each construction of English the grammar reads, on a small lending library (members borrow
// books; fines have no date of their own; loans and fines both have an amount).
const read = (prompt: string) =>
  describePlan(
    planWithEnglish({
      prompt,
      catalog: libraryCatalog,
      sampleValues: librarySampleValues,
      latestDates: { "lib.loans.loaned_on": "2025-06-30" },
      now: new Date("2026-12-02"),
    }),
  );
const memberGroup = ["members.member_id", "members.first_name", "members.last_name"];

describe("grouping: 'X per Y', 'for each Y, the X', 'X by Y, Z and W'", () => {
  it("counts the rows per group, the group read through its join", () => {
    expect(read("number of loans per genre")).toMatchObject({
      from: ["loans", "books"],
      columns: ["genre", "loan_count=count(*)"],
      group: ["books.genre"],
    });
  });

  it("reads a fronted grain the same way", () => {
    expect(read("for each genre, the number of loans")).toEqual(read("number of loans per genre"));
    expect(read("for each genre give me the number of loans")).toEqual(read("number of loans per genre"));
  });

  it("reads a comma list of groups", () => {
    expect(read("number of loans by year, genre and city")).toMatchObject({
      group: ["loans.loaned_on:year", "books.genre", "members.city"],
    });
  });

  it("counts the rows named per group, and asks when the rows may be listed in order or dated two ways", () => {
    expect(read("members per city")).toMatchObject({
      from: ["members"],
      columns: ["city", "member_count=count(*)"],
      group: ["members.city"],
    });
    expect(read("members by city")).toMatchObject({ refused: "ambiguous" });
    // Loaned or returned in the month? Neither date is named after the loans.
    expect(read("loans per month")).toMatchObject({
      refused: "ambiguous",
      message: expect.stringContaining("counts loans by a date, and none is obviously theirs"),
    });
  });
});

describe("questions with the verb after the subject", () => {
  it("reads 'how many X did each Y take' as a count per Y", () => {
    expect(read("how many loans did each member take")).toMatchObject({
      columns: ["member_id", "first_name", "last_name", "loan_count=count(*)"],
      group: memberGroup,
    });
  });

  it("reads 'how many X are there per Y' and 'how many X are in each Y'", () => {
    const perGenre = { from: ["books"], columns: ["genre", "book_count=count(*)"], group: ["books.genre"] };
    expect(read("how many books are there per genre")).toMatchObject(perGenre);
    expect(read("how many books are in each genre")).toMatchObject(perGenre);
  });
});

describe("counts and totals as nouns", () => {
  it("reads 'loan count' as the number of loans, never a count of their dates", () => {
    expect(read("loan count by genre")).toEqual(read("number of loans per genre"));
  });

  it("reads plural aggregate nouns after what they aggregate", () => {
    expect(read("loan counts by genre")).toEqual(read("number of loans per genre"));
    expect(read("fine totals by member")).toMatchObject({
      columns: ["member_id", "first_name", "last_name", "total_fine_amount=sum(fines.amount)"],
      group: memberGroup,
    });
  });

  it("reads a calendar adjective as the grain of the measure", () => {
    expect(read("monthly total fine amount")).toMatchObject({
      columns: ["month:month", "total_fine_amount=sum(fines.amount)"],
      group: ["loans.loaned_on:month"],
    });
  });

  it("dates rows without a date of their own by the row they belong to", () => {
    expect(read("total fine amount per month")).toMatchObject({
      from: ["fines", "loans"],
      group: ["loans.loaned_on:month"],
    });
  });

  it("reads several aggregates of one attribute", () => {
    expect(read("min, max and average price per genre")).toMatchObject({
      columns: ["genre", "min_price=min(books.price)", "max_price=max(books.price)", "avg_price=avg(books.price)"],
    });
  });

  it("reads a superlative of an amount per group as its maximum", () => {
    expect(read("highest price per genre")).toMatchObject({
      columns: ["genre", "max_price=max(books.price)"],
      group: ["books.genre"],
    });
  });

  it("reads 'average <entity>' on its one measure, and asks whether 'total <entities>' counts or adds up", () => {
    expect(read("average loan per member")).toMatchObject({
      columns: ["member_id", "first_name", "last_name", "avg_loan_amount=avg(loans.amount)"],
    });
    expect(read("total loans per member")).toMatchObject({ refused: "ambiguous" });
  });

  it("asks when the measured word belongs to two tables", () => {
    expect(read("monthly total amount")).toMatchObject({ refused: "ambiguous" });
  });
});

describe("rankings and superlatives", () => {
  it("ranks entities by an aggregate: 'top N X by Y', 'bottom N'", () => {
    expect(read("top 3 members by total fine amount")).toMatchObject({
      columns: ["member_id", "first_name", "last_name", "total_fine_amount=sum(fines.amount)"],
      group: memberGroup,
      order: [["total_fine_amount", "desc"]],
      limit: 3,
    });
    expect(read("bottom 2 genres by number of loans")).toMatchObject({
      group: ["books.genre"],
      order: [["loan_count", "asc"]],
      limit: 2,
    });
  });

  it("keeps one row for 'which X has the most Y' and asks how many for 'which Xs'", () => {
    expect(read("which member has the most loans")).toMatchObject({
      group: memberGroup,
      order: [["loan_count", "desc"]],
      limit: 1,
    });
    expect(read("which genres have the most books")).toMatchObject({ refused: "ambiguous" });
  });

  it("ranks 'the N cheapest X' by the money column and 'the least popular X by Y' by Y", () => {
    expect(read("the 2 cheapest poetry books")).toMatchObject({
      columns: ["book_id", "author_id", "title", "genre", "pages", "price"],
      where: [["books.genre", "=", "poetry"]],
      order: [["price", "asc"]],
      limit: 2,
    });
    expect(read("least popular book by number of loans")).toMatchObject({
      columns: ["book_id", "title", "loan_count=count(*)"],
      order: [["loan_count", "asc"]],
      limit: 1,
    });
    expect(read("the most popular books")).toMatchObject({ refused: "ambiguous" });
  });

  it("ranks 'the N largest X' by the entity's one measure, without grouping", () => {
    expect(read("the 2 largest loans")).toMatchObject({
      from: ["loans"],
      columns: ["loan_id", "member_id", "book_id", "loaned_on", "returned_on", "state", "amount"],
      group: [],
      order: [["amount", "desc"]],
      limit: 2,
    });
  });
});

describe("ordering", () => {
  it("reads 'sorted by X descending' and 'highest X first'", () => {
    const byPrice = {
      from: ["books"],
      columns: ["book_id", "author_id", "title", "genre", "pages", "price"],
      order: [["price", "desc"]],
      limit: undefined,
    };
    expect(read("books sorted by price descending")).toMatchObject(byPrice);
    expect(read("books, highest price first")).toMatchObject(byPrice);
  });
});

describe("leads, output columns and relative clauses", () => {
  it("reads 'into <table_name>' as the table to build", () => {
    const result = planWithEnglish({
      prompt: "number of loans per genre into genre_loans",
      catalog: libraryCatalog,
      sampleValues: librarySampleValues,
    });
    expect(result.ok && result.spec.target).toMatchObject({ table: "genre_loans", phrase: "into genre_loans" });
    expect(read("number of loans per genre into genre_loans")).toEqual(read("number of loans per genre"));
  });

  it("reads the name of a person kept as first and last name as both parts", () => {
    expect(read("number of loans per member with their name")).toMatchObject({
      columns: [...memberGroup.map((c) => c.split(".")[1]), "loan_count=count(*)"],
      group: memberGroup,
    });
    expect(read("authors with their name")).toMatchObject({ columns: ["author_id", "name"] });
  });

  it("reads a wish after 'would' as a request, and a request verb's participle as columns asked for", () => {
    expect(read("I'd like the number of loans per genre")).toEqual(read("number of loans per genre"));
    expect(read("loans, showing amount")).toMatchObject({ from: ["loans"], columns: ["loan_id", "amount"], where: [] });
    expect(read("I like the number of loans per genre")).toMatchObject({ refused: "not_understood" });
  });

  it("reads a question that asks for the table politely as the request itself", () => {
    const plain = read("show me the number of loans per city");
    expect(read("can you show me the number of loans per city")).toEqual(plain);
    expect(read("Could you please show me the number of loans per city?")).toEqual(plain);
    // A question about the data that asks for no table is not read as one.
    expect(read("can members borrow loans per city")).toMatchObject({ refused: "not_understood" });
  });

  it("reads a request verb before what is wanted", () => {
    expect(read("show me the number of loans per city")).toMatchObject({
      columns: ["city", "loan_count=count(*)"],
      group: ["members.city"],
    });
  });

  it("reads an imperative the tagger took for a noun", () => {
    expect(read("list members in Oslo")).toMatchObject({ from: ["members"], where: [["members.city", "=", "Oslo"]] });
  });

  it("reads 'first and last name' as two columns sharing their head", () => {
    expect(read("members with first and last name")).toMatchObject({
      columns: ["member_id", "first_name", "last_name"],
    });
  });

  it("adds the grouped entity's columns beside the aggregates", () => {
    expect(read("number of loans per book with the title of the book")).toMatchObject({
      columns: ["book_id", "title", "loan_count=count(*)"],
      group: ["books.book_id", "books.title"],
    });
  });

  it("reads 'whose <attribute> is over N' as a filter and 'whose total … is over N' as HAVING", () => {
    expect(read("books whose price is over 20")).toMatchObject({ where: [["books.price", ">", 20]], group: [] });
    expect(read("members whose total fine amount is over 100")).toMatchObject({
      group: memberGroup,
      having: [["total_fine_amount", ">", 100]],
    });
  });

  it("prefers the listed rows' own column over another table's", () => {
    expect(read("loans with amount over 5")).toMatchObject({ from: ["loans"], where: [["loans.amount", ">", 5]] });
  });
});

describe("attribute values as what is listed", () => {
  it("lists the distinct values of a plural attribute noun", () => {
    expect(read("genres")).toMatchObject({ from: ["books"], columns: ["genre"], distinct: true });
  });

  it("groups by the attribute when a count qualifies it", () => {
    expect(read("cities with at least 2 members")).toMatchObject({
      columns: ["city", "member_count=count(*)"],
      group: ["members.city"],
      having: [["member_count", ">=", 2]],
    });
  });
});

describe("verbs", () => {
  it("drops a verb that only says a row came to be, and refuses one that may restrict", () => {
    expect(read("total fine amount charged per member")).toEqual(read("total fine amount per member"));
    expect(read("total fine amount waived per member")).toMatchObject({ refused: "not_understood" });
  });

  it("reads 'how many X did each Y <verb>' through the relationship, but never drops a verb naming a stored state", () => {
    expect(read("how many books did each member borrow")).toMatchObject({
      columns: ["member_id", "first_name", "last_name", "book_count=count_distinct(books.book_id)"],
      group: memberGroup,
    });
    expect(read("how many loans did each member lose")).toMatchObject({ refused: "not_understood" });
    expect(read("members who lost books")).toMatchObject({ refused: "not_understood" });
  });

  it("dates a period after a verb's object on that object, and one after a preposition's on the listed rows", () => {
    expect(read("members who took loans in 2024")).toMatchObject({
      from: ["members", "loans"],
      where: [["loans.loaned_on", "date_range", ["2024-01-01", "2025-01-01"]]],
      distinct: true,
    });
    expect(read("loans from members in Oslo in 2024")).toMatchObject({
      where: [
        ["members.city", "=", "Oslo"],
        ["loans.loaned_on", "date_range", ["2024-01-01", "2025-01-01"]],
      ],
    });
  });

  it("dates a period after a verb on the date the verb names", () => {
    expect(read("loans returned in 2024")).toMatchObject({
      where: [["loans.returned_on", "date_range", ["2024-01-01", "2025-01-01"]]],
    });
  });

  it("anchors a relative period to the latest date in the data, and says so", () => {
    const plan = read("loans in the last 30 days");
    expect(plan).toMatchObject({ where: [["loans.loaned_on", "date_range", ["2025-06-01", "2025-07-01"]]] });
    expect(plan.notes?.join(" ")).toContain("2025-06-30 (the latest loaned_on in lib.loans)");
    const result = planWithEnglish({
      prompt: "loans in the last 30 days",
      catalog: libraryCatalog,
      sampleValues: librarySampleValues,
      latestDates: { "lib.loans.loaned_on": "2025-06-30" },
    });
    expect(result.ok && result.spec.asOf).toEqual({
      date: "2025-06-30",
      source: "the latest loaned_on in lib.loans",
      phrase: "in the last 30 days",
    });
  });
});

describe("conditions in other words", () => {
  it("reads 'with a <amount>' as more than none of it", () => {
    expect(read("loans with an amount")).toMatchObject({ where: [["loans.amount", ">", 0]] });
  });

  it("reads a verb of price with an amount of money on the rows' money column", () => {
    expect(read("books that cost less than 10 dollars")).toMatchObject({ where: [["books.price", "<", 10]] });
  });

  it("reads 'cheapest first' on the listed rows' money column", () => {
    expect(read("books of poetry, cheapest first")).toMatchObject({
      columns: ["book_id", "author_id", "title", "genre", "pages", "price"],
      order: [["price", "asc"]],
    });
  });

  it("reads 'by' before stored values as a condition, and before an attribute as a group", () => {
    expect(read("books by poetry or crime")).toMatchObject({
      from: ["books"],
      where: [["books.genre", "in", ["poetry", "crime"]]],
      group: [],
    });
    expect(read("number of loans by genre")).toMatchObject({ where: [], group: ["books.genre"] });
  });

  it("counts an attribute's different values after a verb", () => {
    expect(read("members who borrowed more than 2 genres")).toMatchObject({
      columns: [...memberGroup.map((c) => c.split(".")[1]), "distinct_genre=count_distinct(books.genre)"],
      having: [["distinct_genre", ">", 2]],
    });
  });
});

describe("columns said not to hold a value, and rows counted by the key that refers to them", () => {
  it("reads 'whose <column> is not <value>' as that value left out of that column", () => {
    expect(read("loans whose state is not lost")).toMatchObject({ where: [["loans.state", "!=", "lost"]] });
    expect(read("members whose city isn't Oslo or Quito")).toMatchObject({
      where: [["members.city", "not_in", ["Oslo", "Quito"]]],
    });
  });

  it("counts other rows beside amounts as the distinct keys that refer to them", () => {
    expect(read("members with their total loan amount and number of different books")).toMatchObject({
      from: ["members", "loans"],
      columns: [
        ...memberGroup.map((c) => c.split(".")[1]),
        "total_loan_amount=sum(loans.amount)",
        "distinct_book_count=count_distinct(loans.book_id)",
      ],
    });
  });

  it("reads '…, only <rows> <condition>' as a condition on those rows, an amount with no column being theirs", () => {
    expect(read("number of loans per author, only books that cost more than 20 dollars")).toMatchObject({
      where: [["books.price", ">", 20]],
    });
    expect(read("number of loans per author, only books with more than 300 pages")).toMatchObject({
      where: [["books.pages", ">", 300]],
    });
  });

  it("reads 'the most distinct <rows>' as a count of different rows", () => {
    expect(read("which genre has the most distinct members?")).toMatchObject({
      columns: ["genre", "distinct_member_count=count_distinct(members.member_id)"],
      limit: 1,
    });
  });
});

describe("each listed row with its aggregates", () => {
  it("reads '<rows> and their <aggregates>' as 'with their'", () => {
    expect(read("members and their number of loans")).toEqual(read("members with their number of loans"));
    expect(read("members and their total loan amount")).toMatchObject({
      columns: [...memberGroup.map((c) => c.split(".")[1]), "total_loan_amount=sum(loans.amount)"],
    });
  });
});

describe("the date of the first or last rows", () => {
  it("reads 'the <date> of their first <rows>' as the earliest of those rows' own date", () => {
    expect(read("members with the loan date of their first loan")).toMatchObject({
      columns: [...memberGroup.map((c) => c.split(".")[1]), "min_loan_loaned_on=min(loans.loaned_on)"],
    });
    expect(read("the loan date of each member's most recent loan")).toMatchObject({
      columns: [...memberGroup.map((c) => c.split(".")[1]), "max_loan_loaned_on=max(loans.loaned_on)"],
      group: memberGroup,
    });
  });
});

describe("superlatives of quantity and of degree", () => {
  it("ranks by the total after 'the most', and takes the largest single amount after 'the highest'", () => {
    expect(read("the 2 authors with the most pages")).toMatchObject({
      columns: ["author_id", "name", "total_pages=sum(books.pages)"],
      order: [["total_pages", "desc"]],
      limit: 2,
    });
    expect(read("the highest price per genre")).toMatchObject({ columns: ["genre", "max_price=max(books.price)"] });
  });
});

describe("the first rows of each group", () => {
  it("keeps the first rows of every group when the listed rows are ranked by their own column", () => {
    expect(read("the 2 most expensive books per genre")).toMatchObject({
      from: ["books"],
      group: [],
      order: [["price", "desc"]],
      limit: 2,
      per: ["genre"],
    });
    expect(read("for each author, the book with the most pages")).toMatchObject({
      order: [["pages", "desc"]],
      limit: 1,
      per: ["author_id_2", "name"],
    });
    expect(read("the 3 largest loans per member")).toMatchObject({
      limit: 3,
      per: ["member_id_2", "first_name", "last_name"],
    });
  });

  it("asks how many when the plural names no number, and counts the rows per group without a ranking", () => {
    expect(read("the most expensive books per genre")).toMatchObject({ refused: "ambiguous" });
    // With no measure named, counting books per genre would rank the genres, not the books.
    expect(read("top 3 books per genre")).toMatchObject({ refused: "ambiguous" });
    expect(read("books per genre")).toMatchObject({ columns: ["genre", "book_count=count(*)"] });
  });
});

describe("states, per-group superlatives and later requests", () => {
  it("reads participles after 'be' that are stored values as the rows' state", () => {
    expect(read("loans that are open or lost")).toMatchObject({ where: [["loans.state", "in", ["open", "lost"]]] });
  });

  it("reads 'the largest X each Y' as the largest amount per Y, and 'the largest X' alone as a ranking", () => {
    expect(read("largest loan each member ever took")).toMatchObject({
      columns: ["member_id", "first_name", "last_name", "max_loan_amount=max(loans.amount)"],
      group: memberGroup,
    });
    expect(read("the largest loan")).toMatchObject({
      columns: ["loan_id", "member_id", "book_id", "loaned_on", "returned_on", "state", "amount"],
      order: [["amount", "desc"]],
      limit: 1,
    });
  });

  it("reads columns asked for in a later sentence", () => {
    expect(read("how many loans did each book have? need the title")).toMatchObject({
      columns: ["book_id", "title", "loan_count=count(*)"],
      group: ["books.book_id", "books.title"],
    });
  });

  it("refuses, naming it, an aggregate phrase it cannot read instead of dropping it", () => {
    expect(read("what ratio of loans are lost")).toMatchObject({
      refused: "not_understood",
      message: expect.stringContaining("what ratio of"),
    });
  });
});
