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

/** Where a rollback keeps the version it took out of place, so undoing a publish loses nothing. */
export function rolledBackTableName(target: string): string {
  const suffix = "__rolled_back";
  return `${target.slice(0, MAX_IDENT - suffix.length)}${suffix}`;
}

/** `base`, or `base_<n>` for n = 2, 3, …: the candidates for an automatic table name, in order. */
export function numberedTableName(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `_${n}`;
  return `${base.slice(0, MAX_IDENT - suffix.length)}${suffix}`;
}

/** Names DataMorph keeps for its own copies of a table; no run or upload may take them. */
export function isReservedTableName(table: string): boolean {
  return /__(previous|rolled_back|shadow_[0-9a-f]{8}_\d+|import_[0-9a-f]{8})$/.test(table);
}

/** Matches every shadow table of one run, for clean-up after a failure or a crash. */
export function shadowPatternOf(runId: string): string {
  return `%\\_\\_shadow\\_${runId.replaceAll("-", "").slice(0, 8)}\\_%`;
}
