import { loadEvalSet } from './src/lib/eval-set.ts';
const want = process.argv.slice(2);
for (const i of loadEvalSet(process.cwd()).filter(i => i.expected && want.includes(i.id))) {
  console.log(`=== ${i.id} | ${i.source} | ${i.expected} | ${i.kind}\n${i.text.slice(0, 1800)}\n--- note: ${(i as any).note ?? ''}\n`);
}
