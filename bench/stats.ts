/** The value at quantile `q` (0..1) of `values`, nearest-rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const round = (ms: number, digits = 2) => Number(ms.toFixed(digits));
