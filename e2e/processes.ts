import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";

/** A live process as Linux's /proc tells it: parent, process group and command. */
export type ProcessInfo = { pid: number; ppid: number; pgid: number; command: string };

function readProcess(pid: number): ProcessInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces; the fields after it are fixed.
    const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (state === "Z" || state === "X") return null; // exited, only waiting to be reaped
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    return { pid, ppid: Number(ppid), pgid: Number(pgid), command };
  } catch {
    return null; // gone meanwhile
  }
}

/** Every live process of this machine that this user can see. */
export function listProcesses(): ProcessInfo[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((p): p is ProcessInfo => p !== null);
}

/** `root` and everything it started, directly or not, that still runs. */
export function processTree(root: number, all = listProcesses()): ProcessInfo[] {
  const tree = all.filter((p) => p.pid === root);
  for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.ppid === tree[i].pid));
  return tree;
}

/** Whether process `pid` still runs (a zombie does not). */
export const isAlive = (pid: number) => readProcess(pid) !== null;

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(2_000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(true))); // accepted but slow is still listening
    socket.once("error", () => resolve(false));
  });
}
