import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { relatedIndex } from '../../src/lib/related.ts';
import { loadArticles } from '../../src/lib/content.ts';
import type { ArticleData } from '../../src/lib/article-schema.ts';

/** Only what relatedIndex reads of an article. */
const article = (n: number, products: string[], subsystems: string[], status = 'active') =>
	({ id: `a${n}`, shortId: `FL-${String(n).padStart(4, '0')}`, status, products, subsystems }) as unknown as ArticleData;

const ids = (list: ArticleData[] | undefined) => (list ?? []).map((a) => a.id);

describe('related failures', () => {
	it('are the articles of the same tool, a shared subsystem first; a subsystem alone or a background tool relates nothing', () => {
		const all = [
			article(1, ['multipass', 'qemu'], ['network']), // the article: Multipass, which runs its instances in QEMU
			article(2, ['podman', 'buildah'], ['network']), // the same subsystem, another tool: issue 19's Podman article under Multipass's
			article(3, ['multipass'], ['apparmor']), // the same tool
			article(4, ['multipass', 'snapd'], ['network']), // the same tool and subsystem
			article(5, ['nix', 'qemu'], ['network']), // another tool that merely names Multipass's background tool
			article(6, ['snapd', 'multipass'], ['apparmor']), // another main tool that runs under Multipass's: still the reader's tool
			article(7, ['multipass'], ['network'], 'retired'),
		];
		const related = relatedIndex(all);
		expect(ids(related.get('a1'))).toEqual(['a4', 'a3', 'a6']);
		expect(ids(related.get('a2'))).toEqual([]);
		// Either way round: a6's main tool is snapd, and a1 is not about snapd, but a6 is about Multipass.
		expect(ids(related.get('a6'))).toEqual(['a3', 'a4', 'a1']);
		expect(ids(related.get('a5'))).toEqual([]);
	});

	it('in the real knowledge base, always share a product, and one of the two names the other\'s main product', () => {
		const articles = loadArticles(fileURLToPath(new URL('../..', import.meta.url))).map((a) => a.data);
		const related = relatedIndex(articles);
		for (const a of articles) {
			for (const r of related.get(a.id)!) {
				expect(r.products.includes(a.products[0]) || a.products.includes(r.products[0]), `${a.shortId} -> ${r.shortId}`).toBe(true);
			}
		}
		// Issue 19: the Multipass macOS Sequoia article no longer lists the Podman registry one.
		const sequoia = articles.find((a) => a.id === 'multipass-macos-sequoia-ip-lookup')!;
		expect(related.get(sequoia.id)!.map((r) => r.products[0])).toEqual(related.get(sequoia.id)!.map(() => 'multipass'));
	});
});
