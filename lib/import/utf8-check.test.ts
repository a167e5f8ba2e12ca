import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { Utf8Check } from "./utf8-check";

async function check(chunks: Buffer[]): Promise<{ bytes: number }> {
  let bytes = 0;
  await pipeline(
    Readable.from(chunks),
    new Utf8Check("f.csv", (n) => (bytes = n)),
    new Writable({ write: (_c, _e, done) => done() }),
  );
  return { bytes };
}

describe("Utf8Check", () => {
  it("accepts a character split across two reads, and counts every byte", async () => {
    const text = Buffer.from("id,city\n1,Zürich\n2,東京\n");
    const split = text.indexOf(Buffer.from("東")) + 1;
    await expect(check([text.subarray(0, split), text.subarray(split)])).resolves.toEqual({ bytes: text.length });
  });

  it("names the line of the first byte that is not UTF-8, even in a later read", async () => {
    const first = Buffer.from("id,city\n1,Oslo\n");
    const second = Buffer.concat([Buffer.from("2,Lima\n3,Z"), Buffer.from([0xfc]), Buffer.from("rich\n")]);
    await expect(check([first, second])).rejects.toThrow("f.csv line 4 is not valid UTF-8 (byte 0xfc)");
  });

  it("refuses a file cut in the middle of a character, and one with NUL bytes", async () => {
    await expect(check([Buffer.from("id\n"), Buffer.from([0xe6, 0x9d])])).rejects.toThrow(
      "f.csv line 2 ends in the middle of a UTF-8 character",
    );
    await expect(check([Buffer.from("id\n1\n2\0\n")])).rejects.toThrow("f.csv line 3 contains a NUL byte");
  });
});
