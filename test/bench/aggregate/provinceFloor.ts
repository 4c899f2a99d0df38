/**
 * The province run's floor, in its own process like the CLI: read each file and JSON.parse it,
 * nothing kept, then print how many top-level keys were seen (so the parse is not optimised away).
 */
import { readFileSync } from 'node:fs';

let keys = 0;
for (const path of process.argv.slice(2)) keys += Object.keys(JSON.parse(readFileSync(path, 'utf8')) as object).length;
process.stdout.write(`${keys}\n`);
