// `TIMING=1 keepalived-lint …`: the time each rule took, as ESLint prints it (the 10 slowest rules;
// TIMING=all for every rule, TIMING=N above 10 for the N slowest).

/** How many rows a TIMING value asks for, as ESLint reads it: `all`, a number above 10, else 10. */
export function timingRows(setting: string): number {
  if (setting.toLowerCase() === 'all') return Infinity;
  const n = Number.parseInt(setting, 10);
  return n > 10 ? n : 10;
}

/** The table: rule, milliseconds and share of all the rules' time, slowest first. */
export function timingTable(timing: Record<string, number>, setting: string): string {
  const rows = Object.entries(timing)
    .sort((a, b) => b[1] - a[1])
    .slice(0, timingRows(setting));
  const total = Object.values(timing).reduce((sum, t) => sum + t, 0);
  const cells = rows.map(([id, ms]) => [id, ms.toFixed(3), `${total > 0 ? ((100 * ms) / total).toFixed(1) : '0.0'}%`]);
  const head = ['Rule', 'Time (ms)', 'Relative'];
  const width = head.map((h, k) => Math.max(h.length, ...cells.map((c) => c[k]!.length)));
  const line = (c: string[]): string =>
    `${c[0]!.padEnd(width[0]!)} | ${c[1]!.padStart(width[1]!)} | ${c[2]!.padStart(width[2]!)}`;
  const rule = `:${'-'.repeat(width[0]!)}|${'-'.repeat(width[1]! + 1)}:|${'-'.repeat(width[2]!)}:`;
  return `\n${[line(head), rule, ...cells.map(line)].join('\n')}\n`;
}
