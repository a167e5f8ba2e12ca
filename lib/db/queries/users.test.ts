import { describe, expect, it } from "vitest";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";
import { countUsers, createFirstAdmin, createMember, getOrCreateCliUser, getUserByEmail } from "./users";

useMigratedAppDatabase();

describe("accounts", () => {
  it("does not count the command-line account, so setup is still offered after CLI use", async () => {
    const cli = await getOrCreateCliUser();
    expect((await getOrCreateCliUser()).id).toBe(cli.id);
    expect(await countUsers()).toBe(0);
  });

  it("creates exactly one admin even when setup is submitted several times at once", async () => {
    const attempts = await Promise.all(
      ["a", "b", "c", "d"].map((who) =>
        createFirstAdmin({ email: `${who}@example.com`, name: who, passwordHash: "x" }),
      ),
    );
    const created = attempts.filter((user) => user !== null);
    expect(created).toHaveLength(1);
    expect(created[0]?.role).toBe("admin");
    expect(await countUsers()).toBe(1);
  });

  it("refuses a second account with the same email in another case", async () => {
    const member = await createMember({ email: "dana@example.com", name: "Dana", passwordHash: "x" });
    expect(member?.role).toBe("member");
    expect(await createMember({ email: "DANA@example.com", name: "Dana again", passwordHash: "y" })).toBeNull();
    expect((await getUserByEmail({ email: "Dana@Example.com" }))?.name).toBe("Dana");
  });
});
