/**
 * Builds what the npm package and the GitHub Action run, into dist-cli/
 * (`npm pack` runs it as `prepack`; also `npm run build:cli`):
 *
 * - dist-cli/data.json: the matcher index of the current articles, the
 *   article list and the wizard's jumps (src/cli/content-data.ts), compiled
 *   from src/content without the Astro build;
 * - dist-cli/faultline.js (the CLI) and dist-cli/action.js (the Action):
 *   src/cli/packaged.ts and src/action/main.ts bundled by esbuild into plain
 *   JavaScript for Node 20, with no import of any package: the installed CLI
 *   has no dependencies. The build fails if anything from node_modules would
 *   be bundled.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { dataFromContent } from '../src/cli/content-data.ts';
import { scriptMessages } from '../src/lib/messages.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist-cli');

/** Write dist-cli/; returns its files with their sizes in bytes. */
export async function buildCli(): Promise<Record<string, number>> {
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const data = JSON.stringify(dataFromContent(root));
	writeFileSync(join(out, 'data.json'), data);
	const result = await build({
		entryPoints: { faultline: join(root, 'src/cli/packaged.ts'), action: join(root, 'src/action/main.ts') },
		outdir: out,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		banner: { js: '#!/usr/bin/env node' },
		legalComments: 'none',
		metafile: true,
		logLevel: 'warning',
	});
	// MiniSearch is the one package the tools bundle: it ranks descriptions (src/lib/prose.ts), as the site's worker does.
	const fromPackages = Object.keys(result.metafile.inputs).filter((f) => f.includes('node_modules') && !f.includes('node_modules/minisearch/'));
	if (fromPackages.length > 0) {
		throw new Error(scriptMessages.cliBundlesPackages(fromPackages));
	}
	const sizes: Record<string, number> = { 'data.json': data.length };
	for (const [file, info] of Object.entries(result.metafile.outputs)) sizes[relative(out, join(root, file))] = info.bytes;
	return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const sizes = await buildCli();
	console.log(Object.entries(sizes).map(([f, b]) => `dist-cli/${f}  ${(b / 1024).toFixed(1)} KB`).join('\n'));
}
