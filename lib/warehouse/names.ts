/** Postgres truncates identifiers past 63 bytes; these suffixes must survive that. */
const MAX_IDENT = 63;

/** Where round `round` of run `runId` builds before it is published. */
export function shadowTableName(target: string, runId: string, round: number): string {
  const suffix = `__shadow_${runId.replaceAll("-", "").slice(0, 8)}_${round}`;
  return `${target.slice(0, MAX_IDENT - suffix.length)}${suffix}`;
}

/** The version a publish replaced, kept for rollback. */
export function previousTableName(target: string): string {
  const suffix = "__previous";
  return `${target.slice(0, MAX_IDENT - suffix.length)}${suffix}`;
}

/** Matches every shadow table of one run, for clean-up after a failure or a crash. */
export function shadowPatternOf(runId: string): string {
  return `%\\_\\_shadow\\_${runId.replaceAll("-", "").slice(0, 8)}\\_%`;
}
