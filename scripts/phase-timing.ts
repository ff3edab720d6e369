// Developer tool: times the phases of a lint on one file (read, parse, lint).
import { parseFile } from '../grammar/index';
import { nodeFileAccess } from '../host/node-fs';
import { lintParse } from '../linter/index';

const file = process.argv[2]!;
const fs = nodeFileAccess();
const t0 = performance.now();
const parse = parseFile(file, { fs, targetVersion: '2.2.7' });
const t1 = performance.now();
const timing: Record<string, number> = {};
const diags = lintParse(parse, { targetVersion: '2.2.7', timing });
const t2 = performance.now();
const mem = process.memoryUsage();
console.log(
  `parse ${(t1 - t0).toFixed(0)} ms, lint ${(t2 - t1).toFixed(0)} ms, ${diags.length} findings, heap ${(mem.heapUsed / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB`,
);
console.log(
  Object.entries(timing)
    .sort((a, b) => b[1] - a[1])
    .slice(0, +(process.env.TOP ?? 12))
    .map(([id, ms]) => `  ${id.padEnd(28)} ${ms.toFixed(0)} ms`)
    .join('\n'),
);
