/**
 * The npm package as a user gets it: `npm pack` (which runs `prepack`, see
 * scripts/build-cli.ts), then `npm install ./faultline-<version>.tgz` in a
 * fresh temporary directory outside the repository, and the system's Node
 * (not the project's Node 24) to run it. Used by the package test and by
 * `npm run bench -- --only cli`.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptMessages } from '../src/lib/messages.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface InstalledPackage {
	/** The temporary directory the package is installed in (outside the repository). */
	dir: string;
	/** The tarball `npm pack` wrote. */
	tarball: string;
	/** The installed `faultline` command (node_modules/.bin/faultline). */
	bin: string;
}

/**
 * Pack the repository and install the tarball into a new temporary
 * directory with `npm install --offline` (the package has no dependencies,
 * so nothing is downloaded; if it ever gains one, this fails instead of
 * fetching). Throws when the directory would lie inside the repository.
 */
export function packAndInstall(): InstalledPackage {
	const dir = mkdtempSync(join(tmpdir(), 'faultline-package-'));
	if (!relative(root, dir).startsWith('..')) throw new Error(scriptMessages.packInsideRepository(dir));
	execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
	const project = join(dir, 'project');
	execFileSync('mkdir', [project]);
	writeFileSync(join(project, 'package.json'), '{"private": true}\n');
	execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
	return { dir: project, tarball, bin: join(project, 'node_modules', '.bin', 'faultline') };
}

/**
 * The first `node` on PATH outside any node_modules (the project's Node 24
 * lives in node_modules/.bin), with its version: the Node a user of the
 * package runs. Undefined when there is none.
 */
export function systemNode(): { path: string; version: string; env: NodeJS.ProcessEnv } | undefined {
	const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d && !d.split(sep).includes('node_modules'));
	for (const d of dirs) {
		const path = join(d, 'node');
		try {
			accessSync(path, constants.X_OK);
		} catch {
			continue;
		}
		const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
		// PATH without node_modules, so the package's `#!/usr/bin/env node` finds this Node.
		return { path, version, env: { ...process.env, PATH: dirs.join(delimiter), NODE_PATH: '', NODE_OPTIONS: '' } };
	}
	return undefined;
}
