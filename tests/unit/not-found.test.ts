import { describe, expect, it } from 'vitest';
import { notFoundNote } from '../../src/components/not-found.ts';

describe('the 404 page reads a short-ID address', () => {
	it('tries a slashless short ID again with its slash, where the redirect page lives', () => {
		expect(notFoundNote('/FL-0003')).toEqual({ retry: '/FL-0003/' });
		expect(notFoundNote('/fl-0003')).toEqual({ retry: '/fl-0003/' });
	});

	it('names an ID no article has, in capitals', () => {
		expect(notFoundNote('/fl-9999/')).toEqual({ missing: 'FL-9999' });
		expect(notFoundNote('/FL-10000/')).toEqual({ missing: 'FL-10000' });
	});

	it('says when the address is not a short ID at all', () => {
		expect(notFoundNote('/FL-12/')).toEqual({ malformed: 'FL-12' });
	});

	it('says nothing about other addresses, nor about a broken escape', () => {
		expect(notFoundNote('/kb/nope/')).toBeUndefined();
		expect(notFoundNote('/FL-0003/extra/')).toBeUndefined();
		expect(notFoundNote('/%E0%A4%A')).toBeUndefined();
	});
});
