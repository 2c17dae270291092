/**
 * The README's first screen, as a newcomer reads it (issue 19): what Faultline is, then the two commands,
 * then what a good install looks like; why Node 24 is a dev dependency and npm is quiet comes further down.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
/** Everything before the first section after "Run it": the first screen and a little more. */
const top = readme.slice(0, readme.indexOf('\n## What is where'));

describe('the README', () => {
	it('says what Faultline is, then gives the two commands, before any word about Node versions or npm warnings', () => {
		const blocks = [...top.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].trim());
		expect(blocks).toEqual(['npm install && npm run serve', 'npm install && npm test && npm run test:repro']);
		const commands = top.indexOf('npm install && npm run serve');
		expect(top.indexOf('Faultline is a troubleshooting knowledge base')).toBeLessThan(commands);
		for (const noise of ['EBADENGINE', 'Node 24', 'loglevel', 'dev dependency']) expect(top.slice(0, commands), noise).not.toContain(noise);
		expect(top).not.toContain('EBADENGINE');
	});

	it('says what a successful npm install prints, and explains why further down, as .npmrc has it', () => {
		expect(top).toMatch(/A successful `npm install` prints one line,\s+its summary, such as `added \d+ packages in \w+`/);
		const section = readme.slice(readme.indexOf('\n## Node 24 and a quiet npm install'));
		expect(section.length).toBeLessThan(readme.length);
		expect(top).toContain('(#node-24-and-a-quiet-npm-install)');
		expect(section).toContain('EBADENGINE');
		expect(section).toContain('`loglevel=error`');
		expect(readFileSync(join(root, '.npmrc'), 'utf8')).toMatch(/^loglevel=error$/m);
	});

	it('says how to point the CLI\'s links at a site served locally', () => {
		expect(readme).toContain('FAULTLINE_SITE_URL=http://localhost:4321 npx faultline match build.log');
		expect(readme).toContain('npx faultline match --base-url http://localhost:4321 build.log');
	});
});
