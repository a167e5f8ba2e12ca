import { describe, expect, it } from "vitest";
import { planWithEnglish } from "./index";
import { describePlan } from "./testing/describe-plan";
import { libraryCatalog, librarySampleValues } from "./testing/lending-library";

// Measures a request derives: arithmetic over a table's columns, differences of dates, shares of
// a whole and the part of each group a condition picks, on the small lending library.
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

describe("arithmetic between columns", () => {
  it("adds up a product of columns per group, with or without an aggregate word", () => {
    expect(read("total price times pages per genre")).toMatchObject({
      from: ["books"],
      columns: ["genre", "total_price_times_pages=sum(books.price * books.pages)"],
      group: ["books.genre"],
    });
    expect(read("price * pages per genre")).toMatchObject({
      columns: ["genre", "total_price_times_pages=sum(books.price * books.pages)"],
    });
  });

  it("lists a row's own arithmetic beside its rows", () => {
    expect(read("books with price times pages")).toMatchObject({
      from: ["books"],
      columns: expect.arrayContaining(["price_times_pages=books.price * books.pages"]),
    });
  });

  it("binds × before − between symbols, and keeps brackets", () => {
    expect(read("total pages * price - pages per genre").columns).toContain(
      "total_pages_times_price_pages=sum((books.pages * books.price) - books.pages)",
    );
    expect(read("total price * (pages - 10) per genre").columns).toContain(
      "total_price_times_pages_10=sum(books.price * (books.pages - 10))",
    );
  });

  it("asks which comes first when words read left to right and by precedence disagree", () => {
    expect(read("total price minus pages times price per genre")).toMatchObject({
      refused: "ambiguous",
      message: expect.stringContaining("price minus pages times price"),
    });
    expect(read("total price times pages minus pages per genre").columns).toContain(
      "total_price_times_pages_minus_pages=sum((books.price * books.pages) - books.pages)",
    );
  });

  it("names a listed row's computed column", () => {
    expect(read("books with price times pages as list_value").columns).toContain(
      "list_value=books.price * books.pages",
    );
  });

  it("refuses arithmetic across tables and a value that does not add up without an aggregate word", () => {
    expect(read("total fine amount times pages per genre")).toMatchObject({ refused: "not_understood" });
    expect(read("price minus 1 per genre")).toMatchObject({ refused: "not_understood" });
  });
});

describe("differences of dates", () => {
  it("reads 'days between A and B' as B minus A in days", () => {
    expect(read("average number of days between loaned on and returned on per member")).toMatchObject({
      columns: expect.arrayContaining([expect.stringMatching(/=avg\(loans.returned_on - loans.loaned_on\)$/)]),
    });
  });
});

describe("shares and percentages", () => {
  it("reads a share of a total per group as each group's part of the whole", () => {
    expect(read("share of loan amount by genre")).toMatchObject({
      columns: ["genre", "total_loan_amount=sum(loans.amount)", "pct_of_total_loan_amount=share(total_loan_amount)%"],
      group: ["books.genre"],
    });
    expect(read("percentage of loans per city")).toMatchObject({
      columns: ["city", "loan_count=count(*)", "pct_of_loan_count=share(loan_count)%"],
    });
  });

  it("reads the condition after the noun as the part of each group, keeping every group", () => {
    expect(read("what % of loans were lost, per month")).toMatchObject({
      columns: [
        "month:month",
        "loan_count=count(*)",
        "loan_count_were_lost=count(*) where loans.state = lost",
        "pct_loan_count_were_lost=loan_count_were_lost/loan_count%",
      ],
      where: [],
    });
  });

  it("keeps a period as a filter of the whole", () => {
    expect(read("share of 2024 loan amount by genre")).toMatchObject({
      where: [["loans.loaned_on", "date_range", ["2024-01-01", "2025-01-01"]]],
      columns: expect.arrayContaining(["pct_of_total_loan_amount=share(total_loan_amount)%"]),
    });
  });
});

describe("measures the request defines by arithmetic", () => {
  it("reads a bracketed formula after a name as the name's meaning", () => {
    expect(read("top 3 genres by book value (price x pages)")).toMatchObject({
      columns: ["genre", "total_book_value=sum(books.price * books.pages)"],
      order: [["total_book_value", "desc"]],
      limit: 3,
    });
  });

  it("reads 'name = formula' where the name stands, and a name given to the ranked measure", () => {
    expect(read("book value per genre, book value = price x pages")).toMatchObject({
      columns: ["genre", "total_book_value=sum(books.price * books.pages)"],
    });
    expect(read("worth per genre: price x pages")).toMatchObject({
      columns: ["genre", "total_worth=sum(books.price * books.pages)"],
    });
    expect(read("top 3 genres by worth (price x pages), call it worth")).toMatchObject({
      columns: ["genre", "worth=sum(books.price * books.pages)"],
    });
  });

  it("reads an apposition, 'i.e. [sum of] formula [on rows]', as the definition of the noun before it", () => {
    expect(read("top 3 genres by worth, i.e. sum of price * pages on books")).toMatchObject({
      columns: ["genre", "total_worth=sum(books.price * books.pages)"],
      limit: 3,
    });
    expect(read("top 3 genres by worth, i.e. sum of price * pages on loans")).toMatchObject({
      refused: "not_understood",
    });
  });

  it("reads a value of each row per its own rows as that value", () => {
    expect(read("margin per book = price minus 1")).toMatchObject({
      from: ["books"],
      columns: expect.arrayContaining(["total_margin=sum(books.price - 1)"]),
      group: expect.arrayContaining(["books.book_id"]),
    });
  });
});

describe("conditional aggregates", () => {
  it("counts a qualified noun's rows alone beside another measure, keeping every group", () => {
    expect(read("number of loans and number of lost loans per member")).toMatchObject({
      columns: [
        ...["member_id", "first_name", "last_name"],
        "loan_count=count(*)",
        "loan_count_lost=count(*) where loans.state = lost",
      ],
      where: [],
    });
  });

  it("filters the rows when the qualified count is the only measure", () => {
    expect(read("number of lost loans per member")).toMatchObject({
      columns: expect.arrayContaining(["loan_count=count(*)"]),
      where: [["loans.state", "=", "lost"]],
    });
  });
});

describe("comparisons on a computed value", () => {
  it("keeps the rows whose own arithmetic compares as asked", () => {
    expect(read("books with price times pages between 10 and 20")).toMatchObject({
      from: ["books"],
      where: [
        ["books.price * books.pages", ">=", 10],
        ["books.price * books.pages", "<=", 20],
      ],
    });
  });

  it("compares two columns of the same rows, by a preposition or a comparison without a number", () => {
    expect(read("books whose pages are above the price")).toMatchObject({
      where: [["books.pages - books.price", ">", 0]],
    });
    expect(read("books where price is higher than pages")).toMatchObject({
      where: [["books.price - books.pages", ">", 0]],
    });
  });

  it("reads how long a row took, from its own date to the date the verb names, in days", () => {
    expect(read("loans that took more than 2 weeks to return")).toMatchObject({
      from: ["loans"],
      where: [["loans.returned_on - loans.loaned_on", ">", 14]],
    });
  });
});

describe("a formula named as an amount", () => {
  it("adds up what the request calls revenue, sales or a total, whatever its columns", () => {
    expect(read("net revenue (pages * price - price) by genre").columns).toContain(
      "total_net_revenue=sum((books.pages * books.price) - books.price)",
    );
    expect(read("margin (pages * price - price) by genre")).toMatchObject({ refused: expect.any(String) });
  });
});

describe("averages per row of another entity", () => {
  it("reads 'average number of X per Y' as the count of X over the distinct Y, under any other group", () => {
    expect(read("average number of loans per member, by city")).toMatchObject({
      columns: [
        "city",
        "loan_count=count(*)",
        "member_count=count_distinct(members.member_id)",
        "avg_loan_count_per_member=loan_count/member_count",
      ],
      group: ["members.city"],
    });
  });
});
