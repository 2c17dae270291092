import { loadArticles, formatProblem } from './src/lib/content.ts';
import { checkTreeFile } from './src/wizard/load.ts';
const r = checkTreeFile(process.cwd(), loadArticles(process.cwd()));
for (const p of r.problems) console.log(formatProblem(p));
console.log(r.tree ? 'tree ok' : 'no tree');
