import type { Terminal } from "./chart";
import type { Part } from "./parts";

/** Token positions → lattice positions: tokens no terminal covers (function words) drop out. */
export function compress(terminals: Terminal<Part>[], count: number): { terminals: Terminal<Part>[]; length: number } {
  const covered = new Array<boolean>(count).fill(false);
  for (const t of terminals) for (let i = t.start; i < t.end; i++) covered[i] = true;
  const position: number[] = [];
  let n = 0;
  for (let i = 0; i < count; i++) {
    position.push(n);
    if (covered[i]) n++;
  }
  position.push(n);
  return {
    terminals: terminals.map((t) => ({ ...t, start: position[t.start], end: position[t.end - 1] + 1 })),
    length: n,
  };
}
