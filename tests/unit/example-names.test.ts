/** The example names a wizard result says are examples (src/lib/example-names.ts). */
import { describe, expect, it } from 'vitest';
import { exampleNamesIn } from '../../src/lib/example-names.ts';

const names = (...texts: string[]) => exampleNamesIn(texts).map((e) => e.name);

describe('the example names in commands', () => {
	it("finds each where it stands for the reader's own, once, in a fixed order", () => {
		expect(names("sudo systemctl restart 'microvm@guest0.service'", 'nix flake update microvm')).toEqual(['guest0', 'microvm']);
		expect(names('sudo loginctl enable-linger alice', 'ls -ld /home/alice', 'id alice')).toEqual(['/home/alice', 'alice']);
	});

	it('leaves the real command, unit and paths that hold the same letters alone', () => {
		expect(names('microvm -r guest1', "systemctl status 'microvm@x.service'", 'ls /home/alicex', 'cat /etc/subuid')).toEqual([]);
		expect(names('ls -ld /home/alice')).toEqual(['/home/alice']);
	});
});
