/**
 * The example names the articles' commands use in place of a reader's own
 * (issue 19): a guest called `guest0`, a user called `alice` (the neutral
 * names BRIEF's eval convention gives personal details), a flake input called
 * `microvm`. An article says so in its prose ("here the guest is called
 * guest0"), but a wizard result shows a fix's commands without that prose, so
 * it names the examples its commands hold (src/components/wizard/Step.astro).
 */

import { inlineCode } from './inline-code.ts';

/** One example name: how it is written, what a reader puts in its place, and how to find it in a command. */
export interface ExampleName {
	/** The example as the commands write it. */
	name: string;
	/** What it stands for: `your guest's name`. */
	stands: string;
	/** Where it occurs as the example (not inside another word or path). */
	pattern: RegExp;
}

/** Every example name the articles' commands use, in the order a sentence names them. */
export const EXAMPLE_NAMES: readonly ExampleName[] = Object.freeze([
	{ name: 'guest0', stands: "your guest's name", pattern: /(?<![\w-])guest0(?![\w-])/ },
	{ name: '/home/alice', stands: "the user's home directory", pattern: /\/home\/alice(?![\w-])/ },
	{ name: 'alice', stands: "the user's name", pattern: /(?<![\w/-])alice(?![\w-])/ },
	{ name: 'mycontainer', stands: "your container's name", pattern: /(?<![\w-])mycontainer(?![\w-])/ },
	// Only as the name of a flake input: `microvm -r` and `microvm@` are the real command and unit.
	{ name: 'microvm', stands: 'the name of the microvm.nix input in your flake', pattern: /(?:flake update|--update-input)\s+microvm(?![\w-])/ },
]);

/**
 * The commands in a paragraph of Markdown: its code spans that hold a space, a command with its arguments
 * (`nix flake update microvm`, `sudo microvm -Ru guest0`). A span without one is a value (a file's line such
 * as `alice:100000:65536`, a path, a name), not a command.
 */
export function commandsIn(markdown: string): string[] {
	return inlineCode(markdown)
		.parts.filter((p) => p.code && /\S\s+\S/.test(p.text))
		.map((p) => p.text);
}

/** The example names that occur in any of `texts` (commands, as shown), each once, in EXAMPLE_NAMES order. */
export function exampleNamesIn(texts: readonly string[]): ExampleName[] {
	return EXAMPLE_NAMES.filter((e) => texts.some((t) => e.pattern.test(t)));
}
