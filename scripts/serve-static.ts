#!/usr/bin/env node
/**
 * `node scripts/serve-static.ts [--host H] [--port P]`: serves the built site (scripts/build-dir.ts) as a
 * static host does, for the end-to-end tests. It replaced `astro preview`, which then ran the whole content
 * check before it served a file (100 s on a shared 2-core machine; it no longer does, content-check.ts), and
 * which serves a slashless address as it is where a host redirects. What a static host does, and so what this does:
 * a file as it is; a directory by its `index.html`; a directory asked for without its trailing slash is
 * sent there (301, the query kept); anything else is the site's own `404.html` with status 404. Only
 * GET and HEAD; nothing outside the build directory is ever read (the path is resolved and checked).
 * `_headers` and `_redirects` are the host's configuration, not pages: they are served as files (the tests
 * read them from disk), never applied, as `astro preview` did not apply them either.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { outDir } from './build-dir.ts';

/** Content types by extension: what the site ships (pages, bundles, Pagefind's index and WebAssembly, the API). */
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	// Pagefind streams its module with WebAssembly.instantiateStreaming, which requires this type.
	'.wasm': 'application/wasm',
};

function flag(name: string, fallback: string): string {
	const at = process.argv.indexOf(name);
	return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const root = resolve(outDir());
const host = flag('--host', '127.0.0.1');
const port = Number(flag('--port', '4321'));

function stat(path: string): Stats | undefined {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
}

createServer((req, res) => {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.writeHead(405, { allow: 'GET, HEAD' }).end();
		return;
	}
	const url = new URL(req.url ?? '/', 'http://localhost');
	let pathname: string;
	try {
		pathname = decodeURIComponent(url.pathname);
	} catch {
		res.writeHead(400).end();
		return;
	}
	const path = resolve(join(root, pathname));
	const inside = path === root || path.startsWith(root + sep);
	let file = inside ? path : undefined;
	let found = file ? stat(file) : undefined;
	if (found?.isDirectory()) {
		if (!url.pathname.endsWith('/')) {
			res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
			return;
		}
		file = join(path, 'index.html');
		found = stat(file);
	}
	let status = 200;
	if (!found?.isFile()) {
		status = 404;
		file = join(root, '404.html');
		found = stat(file);
		if (!found) {
			res.writeHead(404, { 'content-type': TYPES['.txt'] }).end('Not found');
			return;
		}
	}
	res.writeHead(status, { 'content-type': TYPES[extname(file!)] ?? 'application/octet-stream', 'content-length': found!.size });
	if (req.method === 'HEAD') res.end();
	else createReadStream(file!).pipe(res);
}).listen(port, host, () => console.log(`Serving ${root} on http://${host}:${port}/`));
