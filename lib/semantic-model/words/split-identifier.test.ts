import { describe, expect, it } from "vitest";
import { expandAbbreviations } from "./abbreviations";
import { splitIdentifier } from "./split-identifier";

const split = (identifier: string) => splitIdentifier(identifier).join(" ");

describe("splitting identifiers into words", () => {
  it("splits snake_case and kebab-case", () => {
    expect(split("support_rep_id")).toBe("support rep id");
    expect(split("ship-postal-code")).toBe("ship postal code");
  });

  it("splits quoted camelCase, PascalCase and acronyms", () => {
    expect(split("salesRepEmployeeNumber")).toBe("sales rep employee number");
    expect(split("InvoiceLineId")).toBe("invoice line id");
    expect(split("MSRP")).toBe("msrp");
    expect(split("HTMLDescription")).toBe("html description");
  });

  it("splits letters from digits", () => {
    expect(split("addressLine1")).toBe("address line 1");
    expect(split("address2")).toBe("address 2");
  });

  it("splits runs of lowercase words written together", () => {
    expect(split("lifeexpectancy")).toBe("life expectancy");
    expect(split("countrycode")).toBe("country code");
    expect(split("orderdetails")).toBe("order details");
    expect(split("productlines")).toBe("product lines");
    expect(split("unitprice")).toBe("unit price");
    expect(split("headofstate")).toBe("head of state");
    expect(split("firstname")).toBe("first name");
  });

  it("keeps real words and unknown short forms whole", () => {
    for (const word of ["playlist", "invoice", "discontinued", "milliseconds", "shipper", "subtotal", "msrp", "qty"])
      expect(split(word)).toBe(word);
  });

  it("writes common abbreviations out", () => {
    expect(expandAbbreviations(splitIdentifier("qty_ordered")).join(" ")).toBe("quantity ordered");
    expect(expandAbbreviations(splitIdentifier("custNo")).join(" ")).toBe("customer number");
    expect(expandAbbreviations(splitIdentifier("order_dt")).join(" ")).toBe("order date");
    expect(expandAbbreviations(splitIdentifier("prod_desc")).join(" ")).toBe("product description");
    expect(expandAbbreviations(splitIdentifier("discount_pct")).join(" ")).toBe("discount percent");
  });
});
