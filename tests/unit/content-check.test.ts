import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import type { AstroIntegrationLogger } from 'astro';
import { contentCheck } from '../../src/integrations/content-check.ts';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticleSources } from '../../src/lib/content.ts';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';

/** Run the integration's config hook the way `astro build` does, on a project root. */
function runHook(root: URL, command: 'build' | 'dev' | 'preview' = 'build') {
	const logged: string[] = [];
	const logger = { info: (m: string) => logged.push(m), error: (m: string) => logged.push(m) } as unknown as AstroIntegrationLogger;
	const hook = contentCheck().hooks['astro:config:setup']!;
	const run = () => (hook as (o: unknown) => void)({ config: { root }, logger, command });
	return { run, logged };
}

describe('the content check in the build', () => {
	it('lets the real content through', () => {
		const root = new URL('../../', import.meta.url);
		const { run, logged } = runHook(root);
		expect(run).not.toThrow();
		// The count of article files as read from disk (not parsed again: the hook has just parsed and checked each).
		expect(logged).toEqual([`${readArticleSources(root.pathname).length} articles pass the content check.`]);
	});

	it('fails the build naming the file, the field and the fix: the report logged once, as it is, and exit status 1', () => {
		// The hook ends the process, as the build must: so it runs in a process of its own (the test's is
		// shared with the other files: vitest.config.ts, isolate), and nothing here stands in for process.exit.
		const hook = `
			import { contentCheck } from ${JSON.stringify(new URL('../../src/integrations/content-check.ts', import.meta.url).href)};
			const logger = { info: (m) => console.log(JSON.stringify(m)), error: (m) => console.log(JSON.stringify(m)) };
			contentCheck().hooks['astro:config:setup']({ config: { root: new URL(${JSON.stringify(new URL('./fixtures/broken-site/', import.meta.url).href)}) }, logger, command: 'build' });
			console.log('not stopped');`;
		const child = spawnSync(process.execPath, ['--input-type=module', '--no-warnings', '-e', hook], { encoding: 'utf8' });
		expect(child.stderr).toBe('');
		expect(child.status).toBe(1);
		const logged = child.stdout.trim().split('\n').map((line) => JSON.parse(line) as string);
		expect(logged).toHaveLength(1);
		expect(logged[0]).toMatch(/^The content check found 8 problem\(s\):\nsrc\/content\/docs\/kb\/podman-broken\.md › shortId \(line 3\): .* Fix: /);
	});

	it('only reports, without stopping, in the dev server', () => {
		const { run, logged } = runHook(new URL('./fixtures/broken-site/', import.meta.url), 'dev');
		expect(run).not.toThrow();
		expect(logged[0]).toMatch(/^Content problems:\n/);
	});

	it('is not run by `astro preview`, which serves a build already checked: even broken content starts the server at once', () => {
		const { run, logged } = runHook(new URL('./fixtures/broken-site/', import.meta.url), 'preview');
		expect(run).not.toThrow();
		expect(logged).toEqual([]);
	});
});

describe('the knowledge base in the dev server', () => {
	it('is read again, and checked, when the watcher reports a content file; not for other files', () => {
		const root = new URL('../../', import.meta.url);
		const project = fileURLToPath(root);
		const logged: string[] = [];
		const logger = { info: (m: string) => logged.push(m), error: (m: string) => logged.push(m) } as unknown as AstroIntegrationLogger;
		const watcher = new EventEmitter();
		const { hooks } = contentCheck();
		(hooks['astro:config:setup'] as (o: unknown) => void)({ config: { root }, logger, command: 'dev' });
		(hooks['astro:server:setup'] as (o: unknown) => void)({ server: { watcher }, logger });
		const before = loadKnowledgeBase(project);

		watcher.emit('all', 'change', join(project, 'src/components/Search.astro'));
		expect(loadKnowledgeBase(project)).toBe(before);

		watcher.emit('all', 'change', join(project, 'src/content/docs/kb/podman-newuidmap-missing.md'));
		const after = loadKnowledgeBase(project);
		expect(after).not.toBe(before);
		expect(after.articles.map((a) => a.data.id)).toEqual(before.articles.map((a) => a.data.id));
		expect(logged.filter((m) => m.endsWith('articles pass the content check.'))).toHaveLength(2);

		watcher.emit('all', 'add', join(project, 'src/content/wizard/tree.yaml'));
		expect(loadKnowledgeBase(project)).not.toBe(after);
	});
});
