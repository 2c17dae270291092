/**
 * Synthetic content for benchmarks: N articles with realistic signatures
 * (log-like words, paths, quoted values, wildcards), and pastes built from
 * journal-style noise. Deterministic (seeded), so runs compare.
 */
import { articleSchema, type ArticleData } from '../src/lib/article-schema.ts';
import { PRODUCT_IDS, SUBSYSTEM_IDS, productName } from '../src/lib/registry.ts';
import { hostsNamedIn } from '../src/lib/hosts.ts';

/** A small deterministic random generator (mulberry32). */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SYLLABLES = 'ka lo mi nu pe ra si to vu xe ba de fi go hu ja ke li mo ny'.split(' ');
const COMMON = 'error failed cannot open permission denied invalid argument mount device file not found unable to load while setting up'.split(' ');

export function vocabulary(size: number, rnd: () => number): string[] {
	const words = new Set<string>();
	while (words.size < size) {
		const n = 2 + Math.floor(rnd() * 3);
		words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]).join(''));
	}
	return [...words];
}

/** The front matter of N synthetic articles, as an author would write it. */
export function syntheticArticleInputs(n: number, seed = 1): Record<string, unknown>[] {
	const rnd = random(seed);
	const vocab = vocabulary(Math.max(2000, n * 4), rnd);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
	const line = () => {
		const words = Array.from({ length: 6 + Math.floor(rnd() * 6) }, () => (rnd() < 0.35 ? pick(COMMON) : pick(vocab)));
		return `${pick(vocab)}: ${words.slice(0, 3).join(' ')} '/var/lib/${pick(vocab)}/${pick(vocab)}': ${words.slice(3).join(' ')}`;
	};
	return Array.from({ length: n }, (_, i) => {
		const lines = [line(), line(), line()];
		// A few products have most of the articles, as in real knowledge bases.
		const product = PRODUCT_IDS[Math.floor(PRODUCT_IDS.length * rnd() ** 3)];
		const subsystems = [...new Set([pick(SUBSYSTEM_IDS), ...(rnd() < 0.3 ? [pick(SUBSYSTEM_IDS)] : [])])];
		const title = `${productName(product)}: synthetic failure ${i + 1} when ${pick(vocab)} meets ${pick(vocab)}`;
		// A title that names a host system ("WSL: …") lists it in `hosts`, as the content check asks of an author.
		const hosts = [...hostsNamedIn(title)];
		return {
			id: `synthetic-article-${i + 1}`,
			shortId: `FL-${String(i + 1).padStart(4, '0')}`,
			title,
			...(hosts.length > 0 ? { hosts } : {}),
			summary: `A synthetic root cause number ${i + 1}: ${pick(vocab)} ${pick(COMMON)} ${pick(vocab)} before ${pick(vocab)} is ready.`,
			products: [product],
			subsystems,
			signatures: lines.map((l, j) => ({ line: l, where: `the journal of ${pick(vocab)}.service`, ...(j === 2 ? { decisive: false } : {}) })),
			symptoms: [`The ${pick(vocab)} step ${pick(COMMON)} ${pick(COMMON)}.`, `Restarting ${pick(vocab)} does not help.`],
			versions: [{ product, affected: `${pick(vocab)} 1.${i % 10} and later`, fixed: null }],
			lastVerified: '2026-11-23',
			sources: [{ ref: `example/${pick(vocab)}#${1 + (i % 997)}`, title: `The upstream report of ${pick(vocab)}, in 1.${i % 10}` }],
			status: 'active',
		};
	});
}

/** N valid articles with three signatures each. */
export function syntheticArticles(n: number, seed = 1): ArticleData[] {
	return syntheticArticleInputs(n, seed).map((input) => articleSchema.parse(input));
}

/** Log noise draws on other words than signatures do, as real logs mostly do. */
const NOISE_SYLLABLES = 'an ek ol um ir as ot ev ul ar'.split(' ');

/** About `bytes` of journal-style noise, with `needle` as the last line; one word in ten comes from the articles' vocabulary. */
export function syntheticPaste(bytes: number, needle: string, seed = 2, articleWords: readonly string[] = []): string {
	const rnd = random(seed);
	const noise = new Set<string>();
	while (noise.size < 3000) noise.add(Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => NOISE_SYLLABLES[Math.floor(rnd() * NOISE_SYLLABLES.length)]).join(''));
	const noiseWords = [...noise];
	const word = () => {
		const from = articleWords.length > 0 && rnd() < 0.1 ? articleWords : noiseWords;
		return from[Math.floor(rnd() * from.length)];
	};
	const lines: string[] = [];
	let size = 0;
	while (size < bytes) {
		const words = Array.from({ length: 8 }, word).join(' ');
		const l = `Nov 23 01:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00 host svc[${Math.floor(rnd() * 99999)}]: ${words}`;
		lines.push(l);
		size += l.length + 1;
	}
	lines.push(needle);
	return lines.join('\n');
}
