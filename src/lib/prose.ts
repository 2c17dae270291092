/**
 * Descriptions and word searches: text that holds no error line. A reader who
 * writes "containers with CPU limits fail to start" gets the articles whose
 * title, symptoms, summary and root cause fit, ranked by BM25 (MiniSearch),
 * as `likely`, never as a known error; when none stands out, the closest
 * articles by their words, as search results that answer nothing
 * (`ProseRanker.ranking`). The bench compares this with Fuse.js
 * on the prose texts of the eval set (bench/run.ts); BM25 won there (see
 * the commit that added this file), so it is the one used.
 *
 * Browser-safe: no Node imports, and no Markdown parser (the packaged CLI
 * bundles this file). The documents come from the article data
 * (`proseDocsOf`, prose-docs.ts), and ship as part of the API (`/api/v1/prose-index.json`,
 * `proseIndexOf`).
 */
import MiniSearch from 'minisearch';
import { textKind } from './text-kind.ts';
import { normalizeLine } from './matcher/normalize.ts';
import { hostRulesOut, hostsNamedIn } from './hosts.ts';

export { textKind, TEXT_KIND, type TextKind } from './text-kind.ts';

/** What an article is searched by. */
export interface ProseDoc {
	id: string;
	shortId: string;
	title: string;
	summary: string;
	symptoms: string[];
	/** The Root cause section as plain text. */
	rootCause: string;
	/** The article's product ids (registry.ts), for narrowing likely articles to one product. */
	products: string[];
	/**
	 * The article's `excludeWhen` texts, normalised as the matcher compiles them (`normalizeValues`):
	 * a description with one of them in a line (normalised as the matcher reads a line) is never
	 * answered with this article. Here, not only in the matcher's `excluded`, because that lists only
	 * articles a line of which matched, and the browser's matcher holds only the shards a paste needs.
	 */
	excludeWhen: string[];
	/**
	 * The host systems the article applies to only (hosts.ts `HostId`s, the front matter's `hosts`); empty
	 * for any host. A description that names its host system (`hostsNamedIn`) and none of these is never
	 * given this article, as likely or as closest (`hostRulesOut`). Optional so that an index built before
	 * the field existed still loads (then: any host).
	 */
	hosts?: string[];
}

/** A likely article for a description: never a confident answer. */
export interface ProseMatch {
	id: string;
	shortId: string;
	title: string;
	summary: string;
	/** BM25 score relative to the first ranked article's (1 for it; all below 1 when the text ruled that one out). */
	relative: number;
	/** Why it ranks: each word of the text that met the article, and the fields that hold it; the reader sees these (SharedWord). */
	shared: SharedWord[];
}

/**
 * A word the text and a likely article share: `word` is the reader's own word (as the ranker reads it: lower
 * case), and `as` the article's word it met when that is another one, a longer word it begins or one a letter
 * or two off (`prefix`, `fuzzy`): "newuidmap" met the article's "newgidmap". `fields`: where the article's word stands.
 */
export interface SharedWord {
	word: string;
	as?: string;
	fields: ProseField[];
}

/** The fields of an article a description is ranked by, as a reader would name them. */
export type ProseField = 'title' | 'symptoms' | 'summary' | 'root cause';
const FIELD_NAMES: Record<string, ProseField> = { title: 'title', symptomsText: 'symptoms', summary: 'summary', rootCause: 'root cause' };
/** The fields in the order a reader meets them on the page: the order a shared word's fields are listed in. */
const PROSE_FIELDS = Object.values(FIELD_NAMES);

/**
 * The prose documents as the site serves them (`/api/v1/prose-index.json`,
 * addresses.ts PROSE_INDEX_FILE): the paste box's worker builds the same
 * ranker from them, so the browser ranks as the bench measures.
 */
export interface ProseIndex {
	/** Bumped when this shape changes incompatibly. */
	version: 1;
	/** The documents; `rootCause` and `symptoms` (one string) as bags of terms (see `proseIndexOf`), the other fields as written. */
	docs: ProseDoc[];
}

/**
 * The prose index the site serves. The root cause and the symptoms are only
 * ranked, never shown, so each ships as a bag of its terms: every term the
 * ranker indexes (`proseTerm`: lower case, no stop words), once per
 * occurrence, sorted, then distinct one-character fillers that index nothing
 * (CJK ideographs, which the tokenizer keeps as words and `proseTerm` drops)
 * so that the field still has as many distinct words as the text. BM25 reads
 * only how often each term occurs and how many distinct words a field has
 * (MiniSearch 7 `add`: the field length is the number of distinct tokens), so
 * the ranking is the same as over the text (tests/unit/prose.test.ts checks
 * it on every eval text), and the file is about a fifth smaller gzipped than
 * the words sorted. A text the bag cannot stand for exactly ships as its
 * words sorted, as before.
 */
export function proseIndexOf(docs: readonly ProseDoc[]): ProseIndex {
	const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
	const sorted = (text: string) => tokenize(text).filter(Boolean).sort().join(' ');
	const bag = (text: string) => {
		const tokens = tokenize(text);
		const terms = tokens.map(proseTerm).filter((t): t is string => t !== null).sort();
		const fillers = new Set(tokens).size - new Set(terms).size;
		const out = [...Array.from({ length: fillers }, (_, i) => String.fromCodePoint(FILLER + i)), ...terms].join(' ');
		// The same field length and the same terms, or the words sorted.
		const back = tokenize(out);
		const same = new Set(back).size === new Set(tokens).size && back.map(proseTerm).filter((t) => t !== null).join(' ') === terms.join(' ');
		return same ? out : sorted(text);
	};
	return { version: 1, docs: docs.map((d) => ({ ...d, symptoms: [bag(d.symptoms.join('\n'))], rootCause: bag(d.rootCause) })) };
}

/** The first filler of a bag (U+4E00, the first CJK ideograph): a letter the tokenizer keeps, one character long. */
const FILLER = 0x4e00;

/**
 * The ranking's settings, in one place; set on the prose and look-alike
 * texts of the eval set, and checked by the bench.
 */
export const PROSE = Object.freeze({
	/** Field weights: the title and symptoms say most about what a reader sees. */
	boost: { title: 2, symptoms: 2, summary: 1.5, rootCause: 1 },
	/** A description needs at least this many informative words to rank anything. */
	minWords: 4,
	/**
	 * The best article must score at least this many times the second: BM25
	 * scores grow with the text's length, so only the margin says whether one
	 * article stands out. Set on the eval set's texts that reach the prose
	 * stage, half A only (eval-set.ts halfOf): 1.4 answered 2 of its 7
	 * look-alikes, 1.6 none, with the same 4 of 7 right answers; half B did
	 * not move (1 of 5 right, 1 of 2 look-alikes answered). The bench prints both halves.
	 */
	minMargin: 1.6,
	/**
	 * The margin for a search of a few words (text-kind.ts `words`): none. A search lists articles,
	 * it is no answer about a failure, and a single word ("subuid") is shared by several articles
	 * by nature: with three subuid articles (FL-0015, FL-0063, FL-0079) any margin hid them all,
	 * where a reader searching the word expects to see each of them (keepShare and top still apply).
	 */
	searchMargin: 1,
	/** Answers scoring less than this share of the best are dropped. */
	keepShare: 0.6,
	/** A description must share at least this many of its words with the article (a single search word: that one). */
	minSharedWords: 3,
	/**
	 * A search of a few words (text-kind.ts `words`: a report's title alone reads as one) must share with
	 * the article at least one word that few articles hold: in at most this share of the articles (their
	 * title, symptoms, summary and root cause). "Rootless Podman won't work since version 3.1.0" meets an
	 * article only in words a fifth or more of the knowledge base holds ("rootless", "podman", "since",
	 * "version"), which say which product failed, not how, yet a search has no margin to pass
	 * (`searchMargin`), so one article came first by the length of its fields. A description in
	 * sentences keeps its margin and shared-word rules only: there the same bar dropped a right answer
	 * (art-prose-podman-10186 shares only "podman", "docker", "uid", "file", "rootless").
	 */
	maxCommonShare: 0.2,
	/** At most this many likely articles. */
	top: 3,
	/**
	 * A description is searched, and the host systems it names are read (hosts.ts), in its first this many
	 * characters; the matcher reads a paste's hosts in as many (matcher/scoring.ts `hostScan`).
	 */
	queryChars: 2000,
	/**
	 * The closest articles shown as search results when no article stands out (`ProseRanking.closest`):
	 * never an answer, so they need no margin. `minWords`: informative words a description needs to be
	 * searched at all (a search of a few words needs one); `share`: of the first result's score;
	 * `minSharedWords`: words an article shares with the text, or `minSharedWithRare` when one of them
	 * few articles hold (`maxCommonShare`): one everyday word ("open", "browser") lists nothing;
	 * `top`: at most this many; `pageWords`: at most this many of the text's words are
	 * searched in the pages (`ProseRanking.words`).
	 */
	closest: { minWords: 2, share: 0.3, minSharedWords: 3, minSharedWithRare: 2, top: 5, pageWords: 8 },
	/** Search words longer than 4 letters also meet longer words they begin ("namespace" meets "namespaces"). */
	prefix: true,
	/** Search words longer than 6 letters also meet words one or two letters off (a typo). */
	fuzzy: true,
});

/** The ranking's settings: PROSE's shape. */
export type ProseSettings = { readonly [K in keyof typeof PROSE]: (typeof PROSE)[K] extends object ? { readonly [F in keyof (typeof PROSE)[K]]: number } : (typeof PROSE)[K] extends boolean ? boolean : number };

/**
 * Words that carry no meaning for a search, beyond MiniSearch's tokenizer. The last line: everyday
 * words of a reader's sentence ("all", "need", "same", "says", "give", "any") that an article's long
 * root cause holds by chance; each one met added to the wrong article's score (art-prose-podman-10186:
 * "says", "all", "need", "same", "give" put the no-subuid-range article above the own-UID one). Measured
 * on the eval set's texts that reach the prose stage: one more description right, one more failure
 * without an article left unanswered, no look-alike answered (the bench prints both halves). The
 * last three: a report names the release it runs ("since version 3.1.0", every tracker's template asks
 * for "the output of podman version"), which says which release, not how it failed; with new articles
 * the share of articles holding "version" fell under `maxCommonShare`, and a report title alone
 * ("Rootless Podman won't work since version 3.1.0") got a likely article again.
 */
const STOP_WORDS = new Set(
	(
		'a an the to of in on for with is are was were be been by at from and or as it its this that these those not no ' +
		'i me my we our you your he she they them their there here when what which who how why do does did done doing ' +
		'have has had can could would should will just also but if then so than too very into out up down over about ' +
		'get gets got trying try tried run running use using used fails failed fail error errors issue problem work works working ' +
		'all any some same says say said need needs needed give gives given being able other another only even still each every one two make makes made see seen way thing things now new like want know sure ' +
		'since version versions'
	).split(' '),
);

/** A search word longer than 6 letters meets words this share of its length off, rounded (MiniSearch's `fuzzy` as a fraction). */
const FUZZY_SHARE = 0.15;
/** MiniSearch's own cap on a fuzzy match's edit distance (its default `maxFuzzy`), whatever the word's length. */
const MAX_FUZZY = 6;

/**
 * The reader's word that met the article's word `met`, as MiniSearch meets them: the same word; else the
 * closest of those that begin it (`prefixFor`) or are within their edit distance of it (`fuzzyFor`).
 * undefined when none does (not expected: MiniSearch met it from one of them), so that "Why" never names a
 * word the reader did not type as theirs.
 */
export function readersWord(met: string, words: readonly string[], prefixFor: (w: string) => boolean, fuzzyFor: (w: string) => number | false): string | undefined {
	if (words.includes(met)) return met;
	let best: { word: string; distance: number } | undefined;
	for (const w of words) {
		// A word it begins is as far as the letters it adds; a near word, as its edit distance, when within reach.
		let distance = prefixFor(w) && met.startsWith(w) ? met.length - w.length : Infinity;
		const share = fuzzyFor(w);
		if (share) {
			const edits = editDistance(w, met);
			if (edits <= Math.min(MAX_FUZZY, Math.round(w.length * share))) distance = Math.min(distance, edits);
		}
		if (distance < (best?.distance ?? Infinity)) best = { word: w, distance };
	}
	return best?.word;
}

/** Levenshtein distance between two words (insertions, deletions and substitutions of one character each). */
function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = row;
	}
	return previous[b.length];
}

/** A word as the ranker indexes and searches it: lower case; null for a stop word or a single character. */
function proseTerm(term: string): string | null {
	const t = term.toLowerCase();
	return t.length < 2 || STOP_WORDS.has(t) ? null : t;
}

/** How to narrow a ranking. */
export interface RankOptions {
	/**
	 * A product id (registry.ts, e.g. `podman`): only that product's articles are ranked, and the
	 * margin and shared-word rules apply among them, as a reader who chose the product expects.
	 */
	product?: string;
}

/** A ranker over the articles' descriptions. */
export interface ProseRanker {
	/**
	 * Likely articles for a description or search, best first; empty when nothing fits well enough.
	 * `ruledOut`: articles the text itself rules out (the matcher's `excluded`), and any article whose
	 * `excludeWhen` text is in one of the text's lines (`ProseDoc.excludeWhen`), and any article only for
	 * host systems other than those the text names (`ProseDoc.hosts`, hosts.ts): never answered, but
	 * still ranked, so that another article stands out only as it would beside them (measured on the
	 * eval set: leaving them out of the ranking lets weaker articles pass the margin).
	 */
	rank(text: string, ruledOut?: ReadonlySet<string>, options?: RankOptions): ProseMatch[];
	/**
	 * The same ranking (one search), with what the reader is shown when no article stands out:
	 * `likely` is exactly `rank`'s answer; `closest` is empty unless `likely` is, and then holds the
	 * articles nearest the text by their words (`PROSE.closest`), as search results, never an answer
	 * (the eval set's answer stays null). Ruled-out articles are in neither.
	 */
	ranking(text: string, ruledOut?: ReadonlySet<string>, options?: RankOptions): ProseRanking;
}

/** A text's ranking: the likely articles, or, when none stands out, the closest ones as search results. */
export interface ProseRanking {
	/** Likely articles (one stands out by the margin): `ProseRanker.rank`. */
	likely: ProseMatch[];
	/**
	 * When `likely` is empty: the articles nearest the text by their words, best first, each with the
	 * words it shares (`shared`); no diagnosis, only what a search lists. Empty when `likely` is not.
	 */
	closest: ProseMatch[];
	/**
	 * The text's informative words (no stop word, no single letter), lower case, each once, in the
	 * text's order, at most `PROSE.closest.pageWords`: what the pages' full-text search is asked, word
	 * by word (a page need not hold all of them; the paste box's Pagefind step).
	 */
	words: string[];
}

/**
 * Build the ranker from the articles' prose documents. `settings`: PROSE unless given (the bench
 * and the tests try others beside it; the site and the tools use PROSE).
 */
export function createProseRanker(docs: readonly ProseDoc[], settings: ProseSettings = PROSE): ProseRanker {
	const PROSE = settings;
	// Which search words also meet longer words they begin, and which meet words a letter or two off (by this share of their length).
	const prefixFor = (term: string) => PROSE.prefix && term.length > 4;
	const fuzzyFor = (term: string) => (PROSE.fuzzy && term.length > 6 ? FUZZY_SHARE : false);
	const search = new MiniSearch<ProseDoc & { symptomsText: string }>({
		fields: ['title', 'symptomsText', 'summary', 'rootCause'],
		storeFields: ['id'],
		processTerm: proseTerm,
		searchOptions: {
			boost: { title: PROSE.boost.title, symptomsText: PROSE.boost.symptoms, summary: PROSE.boost.summary, rootCause: PROSE.boost.rootCause },
			prefix: prefixFor,
			fuzzy: fuzzyFor,
			combineWith: 'OR',
		},
	});
	search.addAll(docs.map((d) => ({ ...d, symptomsText: d.symptoms.join('\n') })));
	const byId = new Map(docs.map((d) => [d.id, d]));
	// In how many articles each term stands, over the fields ranked: what makes a shared word common (`maxCommonShare`).
	const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
	const articlesWith = new Map<string, number>();
	const termsOf: Set<string>[] = [];
	for (const d of docs) {
		const terms = new Set([d.title, d.summary, d.rootCause, ...d.symptoms].flatMap((f) => tokenize(f).map(proseTerm)).filter((t): t is string => t !== null));
		termsOf.push(terms);
		for (const t of terms) articlesWith.set(t, (articlesWith.get(t) ?? 0) + 1);
	}
	const distinctive = (term: string) => (articlesWith.get(term) ?? 0) <= docs.length * PROSE.maxCommonShare;
	/** A search word meets a word of an article as written, or (`prefix`, a word longer than 4 letters) as its start. */
	const meets = (word: string, term: string) => term === word || (PROSE.prefix && word.length > 4 && term.startsWith(word));
	// In how many articles a search word meets a word (as `meets` says): a word few articles meet tells them apart.
	const articlesMeeting = new Map<string, number>();
	const fewMeet = (word: string) => {
		let n = articlesMeeting.get(word);
		if (n === undefined) articlesMeeting.set(word, (n = termsOf.filter((terms) => terms.has(word) || [...terms].some((t) => meets(word, t))).length));
		return n > 0 && n <= docs.length * PROSE.maxCommonShare;
	};

	const ranking = (text: string, ruledOut: ReadonlySet<string> | undefined, options: RankOptions): ProseRanking => {
		const informative = (text.match(/[A-Za-z][\w'-]*/g) ?? []).filter((w) => !STOP_WORDS.has(w.toLowerCase()) && w.length > 1);
		const words = [...new Set(informative.map((w) => w.toLowerCase()))].slice(0, PROSE.closest.pageWords);
		const kind = textKind(text);
		if (informative.length < Math.min(PROSE.closest.minWords, kind === 'words' ? 1 : PROSE.closest.minWords)) return { likely: [], closest: [], words };
		const product = options.product;
		const query = text.slice(0, PROSE.queryChars);
		// The reader's words as the search read them (its tokenizer and proseTerm), made only when an article is shown.
		let readerWords: string[] | undefined;
		const readers = () => (readerWords ??= [...new Set(tokenize(query).flatMap((t) => proseTerm(t) ?? []))]);
		const results = search.search(query, product ? { filter: (r) => byId.get(String(r.id))?.products.includes(product) ?? false } : undefined);
		if (!results.length) return { likely: [], closest: [], words };
		// The text's lines as the matcher reads them, made only when a ranked article has an excludeWhen text.
		let lines: string[] | undefined;
		const rulesOut = (d: ProseDoc) => d.excludeWhen.some((t) => (lines ??= text.split(/\r?\n|\r/).map(normalizeLine)).some((line) => line.includes(t)));
		// The host systems the text names (hosts.ts): an article only for others is ruled out as an excludeWhen
		// text rules it out, still ranked (so that no other article stands out only because it left), never shown.
		const named = hostsNamedIn(query);
		const shown = (r: (typeof results)[number]) => {
			const d = byId.get(String(r.id))!;
			return !ruledOut?.has(d.id) && !rulesOut(d) && !hostRulesOut(d.hosts ?? [], named);
		};
		const best = results[0].score;
		const second = results[1]?.score ?? 0;
		const toMatch = (r: (typeof results)[number]): ProseMatch => {
			const d = byId.get(String(r.id))!;
			// One entry per reader's word, however many of the article's words it met ("launch" meets "launch",
			// "launched", "launches"): its fields together, and `as` only when it met no word as written (the nearest).
			const byWord = new Map<string, SharedWord>();
			for (const [met, fields] of Object.entries(r.match as Record<string, string[]>)) {
				const word = readersWord(met, readers(), prefixFor, fuzzyFor);
				if (word === undefined) continue;
				const entry = byWord.get(word) ?? { word, as: met, fields: [] };
				if (word === met) entry.as = undefined;
				else if (entry.as !== undefined && editDistance(word, met) < editDistance(word, entry.as)) entry.as = met;
				const union = new Set([...entry.fields, ...fields.map((f) => FIELD_NAMES[f])]);
				entry.fields = PROSE_FIELDS.filter((f) => union.has(f));
				byWord.set(word, entry);
			}
			const shared = [...byWord.values()].map(({ as, ...rest }): SharedWord => (as === undefined || as === rest.word ? rest : { ...rest, as }));
			return { id: d.id, shortId: d.shortId, title: d.title, summary: d.summary, relative: Math.round((r.score / best) * 1000) / 1000, shared };
		};
		const standsOut =
			informative.length >= Math.min(PROSE.minWords, kind === 'words' ? 1 : PROSE.minWords) &&
			best >= second * (kind === 'words' ? PROSE.searchMargin : PROSE.minMargin) &&
			// One shared everyday word ("slow") is no evidence: a description must meet the article in several.
			results[0].queryTerms.length >= Math.min(PROSE.minSharedWords, informative.length) &&
			// A search met only in words many articles hold names a product, not a failure: no likely article
			// (the site still lists Pagefind's pages for it).
			(kind !== 'words' || results[0].queryTerms.some(distinctive));
		const likely = standsOut
			? results
					.filter((r) => r.score >= best * PROSE.keepShare)
					.slice(0, PROSE.top)
					.filter(shown)
					.map(toMatch)
			: [];
		if (likely.length) return { likely, closest: [], words };
		// No article stands out: the nearest by their words, as a search lists them. Each must meet the text
		// in a word few articles hold, or in several words, so that a product's name alone lists nothing.
		const closest = results
			.filter((r) => r.score >= best * PROSE.closest.share)
			.filter((r) => {
				// The text's words that meet the article as written or as a word's start ("namespace",
				// "namespaces"): a word met only one or two letters off ("computer", "computed") is no reason to list it.
				const met = r.queryTerms.filter((q) => r.terms.some((t) => meets(q, t)));
				const enough = (n: number) => met.length >= Math.min(n, informative.length);
				return enough(PROSE.closest.minSharedWords) || (enough(PROSE.closest.minSharedWithRare) && met.some(fewMeet));
			})
			.filter(shown)
			.slice(0, PROSE.closest.top)
			.map(toMatch);
		return { likely: [], closest, words };
	};
	return {
		rank: (text, ruledOut, options = {}) => ranking(text, ruledOut, options).likely,
		ranking: (text, ruledOut, options = {}) => ranking(text, ruledOut, options),
	};
}
