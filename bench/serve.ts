/**
 * A static file server for a built site, as a real host serves it: gzip for
 * text when the browser accepts it, directory indexes, 404 for anything else.
 * Benchmarks measure bytes through it, so transfer sizes are realistic.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.json': 'application/json',
	'.css': 'text/css',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
	'.txt': 'text/plain',
	'.wasm': 'application/wasm',
};
/** Pagefind's index files are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.json', '.css', '.svg', '.xml', '.txt']);

export interface Served {
	url: string;
	close(): Promise<void>;
}

/**
 * Serve `dist` on a free local port. `onServed` hears of every response
 * (its path and the bytes of its body as sent): requests a worker makes
 * count too, which the browser's page events do not all report.
 */
export async function serve(dist: string, onServed?: (path: string, bytes: number) => void): Promise<Served> {
	const compressed = new Map<string, Buffer>();
	const server = createServer((req, res) => {
		const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
		let file = normalize(join(dist, pathname));
		if (file !== dist && !file.startsWith(dist + sep)) return void res.writeHead(404).end();
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) {
			const notFound = join(dist, '404.html');
			return void res.writeHead(404, { 'Content-Type': TYPES['.html'] }).end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
		}
		const type = extname(file);
		// The uncompressed size, for measurements (bench/page-weight.ts counts JavaScript as the engine gets it).
		const headers: Record<string, string> = { 'Content-Type': TYPES[type] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', 'X-Uncompressed-Length': String(statSync(file).size) };
		if (!COMPRESSIBLE.has(type) || !/\bgzip\b/.test(String(req.headers['accept-encoding']))) {
			const body = readFileSync(file);
			onServed?.(pathname, body.length);
			return void res.writeHead(200, headers).end(body);
		}
		let gzipped = compressed.get(file);
		if (!gzipped) compressed.set(file, (gzipped = gzipSync(readFileSync(file))));
		onServed?.(pathname, gzipped.length);
		res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' }).end(gzipped);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
