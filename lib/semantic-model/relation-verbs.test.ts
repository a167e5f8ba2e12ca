import { describe, expect, it } from "vitest";
import { locationVerbs, relationshipWords } from "./relation-verbs";
import { nameWords } from "./words/name-words";

const words = (column: string, target: string[][]) => relationshipWords(nameWords(column).written, target);
const employee = [["employee"]];

describe("relationship words from foreign key columns", () => {
  it("gives the parent verbs when the column names the table it points at", () => {
    const { roles, verbs } = words("customer_id", [["customer"]]);
    expect(roles).toEqual([]);
    expect(verbs.map((v) => `${v.phrase}/${v.subject}`)).toEqual(["belong to/from", "in/from", "have/to"]);
  });

  it("reads a role and what it does: support_rep_id, manager_id", () => {
    expect(words("support_rep_id", employee)).toEqual({
      roles: ["support rep", "support representative"],
      verbs: [{ phrase: "support", subject: "to" }],
    });
    expect(words("manager_id", employee)).toEqual({ roles: ["manager"], verbs: [{ phrase: "manage", subject: "to" }] });
  });

  it("drops the target's name from a role: salesRepEmployeeNumber is a sales rep", () => {
    expect(words("salesRepEmployeeNumber", employee).roles).toContain("sales rep");
  });

  it("reads verb columns: reports_to is done by the row holding it, handled_by by the row it points at", () => {
    expect(words("reports_to", employee).verbs).toEqual([{ phrase: "report to", subject: "from" }]);
    expect(words("reportsTo", employee).verbs).toEqual([{ phrase: "report to", subject: "from" }]);
    expect(words("handled_by", employee).verbs).toEqual([{ phrase: "handle", subject: "to" }]);
    expect(words("ship_via", [["shipper"]]).verbs).toEqual([{ phrase: "ship via", subject: "from" }]);
  });
});

describe("verbs of address columns", () => {
  it("reaches the entity's own address with live/locate/base, another one by its prefix", () => {
    expect(locationVerbs(["city"])).toEqual(["live", "locate", "base"]);
    expect(locationVerbs(["ship", "city"])).toEqual(["ship"]);
    expect(locationVerbs(["billing", "country"])).toEqual(["bill"]);
    expect(locationVerbs(["home", "city"])).toEqual([]);
  });
});
