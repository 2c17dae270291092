/**
 * `faultline match --json` run in process on a text, as a reader runs it on
 * a log (src/cli/main.ts with the clone's articles): the article it puts
 * first. Used by `npm run repro` and by the unit test of the recorded runs.
 */
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/main.ts';
import { dataFromContent } from '../../src/cli/content-data.ts';

/** The slug `faultline match` ranks first for `text` (undefined when nothing matches), with the articles of the project at `root`. */
export async function firstMatch(root: string, text: string): Promise<string | undefined> {
	let out = '';
	const sink = () =>
		new Writable({
			write(chunk, _encoding, done) {
				out += String(chunk);
				done();
			},
		});
	const code = await runCli(['match', '--json', '-'], { data: () => dataFromContent(root), version: '0', stdin: Readable.from([text]), stdout: sink(), stderr: new Writable({ write: (_c, _e, done) => done() }) });
	if (code !== 0) return undefined;
	const json = JSON.parse(out.slice(out.indexOf('{'))) as { matches: { id: string }[] };
	return json.matches[0]?.id;
}
