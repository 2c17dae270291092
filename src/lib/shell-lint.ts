/**
 * Lints for the shell code in articles and in the wizard tree that ShellCheck
 * does not make (ShellCheck itself runs in the tests: src/lib/shellcheck.ts).
 * Each rule is named; each finding names the rule, the line and the fix. They
 * are the mistakes the fact-check of issue 12 found in commands printed here:
 * a reader pastes the block as written, and it must do what the article says.
 */
import { shellMessages, type Message } from './messages.ts';

/** The fence languages whose blocks are shell a reader pastes (all are checked the same way). */
export const SHELL_LANGUAGES: ReadonlySet<string> = new Set(['sh', 'bash', 'shell', 'console']);

/** One thing wrong with a piece of shell code: the rule, where, what is wrong and how to fix it. */
export interface ShellFinding extends Message {
	/** The rule's name, e.g. `findmnt-several-paths`, or `SC1001` for ShellCheck's. */
	rule: string;
	/** 1-based line within the code. */
	line: number;
}

/** The named rules, with what each one catches; the messages below say why and how to fix it. */
export const SHELL_RULES = {
	'no-prompt': 'a line that starts with a `$ ` prompt',
	'backslash-x-unquoted': 'a `\\x` escape (as in systemd unit names: `\\x2d`) outside single or double quotes, or inside `$\'…\'`',
	'findmnt-several-paths': '`findmnt` given more than one path',
} as const;

export type ShellRule = keyof typeof SHELL_RULES;

interface Word {
	text: string;
	line: number;
}

/** Options of findmnt (util-linux) that take a value, short and long; from findmnt(8). */
const FINDMNT_VALUE_SHORT = new Set(['F', 'M', 'N', 'O', 'S', 'T', 'd', 'o', 't', 'w']);
const FINDMNT_VALUE_LONG = new Set(['--tab-file', '--mountpoint', '--task', '--options', '--source', '--target', '--direction', '--output', '--types', '--timeout']);
/** Options naming the path looked up, as opposed to a source device. */
const FINDMNT_PATH_SHORT = new Set(['M', 'T']);
const FINDMNT_PATH_LONG = new Set(['--mountpoint', '--target']);

/** Run every named rule over a piece of shell code. */
export function lintShell(code: string): ShellFinding[] {
	const { findings, commands } = scan(code);
	code.split('\n').forEach((text, i) => {
		if (/^\s*\$ /.test(text)) {
			findings.push({ rule: 'no-prompt', line: i + 1, ...shellMessages.prompt() });
		}
	});
	for (const words of commands) findings.push(...findmntPaths(words));
	return findings.sort((a, b) => a.line - b.line);
}

/** findmnt with two paths reads them as a source and a target, and prints nothing unless that pair is mounted. */
function findmntPaths(words: Word[]): ShellFinding[] {
	let i = 0;
	while (i < words.length && (/^\w+=/.test(words[i].text) || words[i].text === 'sudo')) i++;
	if (words[i]?.text !== 'findmnt') return [];
	const paths: string[] = [];
	for (let j = i + 1; j < words.length; j++) {
		const w = words[j].text;
		if (w === '--') {
			paths.push(...words.slice(j + 1).map((x) => x.text));
			break;
		}
		if (w.startsWith('--')) {
			const [name, value] = w.split('=', 2);
			if (value === undefined && FINDMNT_VALUE_LONG.has(name)) {
				if (FINDMNT_PATH_LONG.has(name) && words[j + 1]) paths.push(words[j + 1].text);
				j++;
			} else if (value !== undefined && FINDMNT_PATH_LONG.has(name)) paths.push(value);
		} else if (w.startsWith('-') && w.length > 1) {
			for (let k = 1; k < w.length; k++) {
				if (!FINDMNT_VALUE_SHORT.has(w[k])) continue;
				const value = k + 1 < w.length ? w.slice(k + 1) : words[++j]?.text;
				if (FINDMNT_PATH_SHORT.has(w[k]) && value !== undefined) paths.push(value);
				break;
			}
		} else paths.push(w);
	}
	if (paths.length < 2) return [];
	return [{ rule: 'findmnt-several-paths', line: words[i].line, ...shellMessages.findmntSeveralPaths(paths) }];
}

/**
 * A small shell scanner: the words of each simple command (split at `|`,
 * `;`, `&`, parentheses, backquotes and line ends, quotes kept together),
 * and the backslash-x findings, which need the quoting state. It does not
 * expand anything and treats here-documents as commands; that is enough for
 * the commands articles print.
 */
function scan(code: string): { findings: ShellFinding[]; commands: Word[][] } {
	const findings: ShellFinding[] = [];
	const commands: Word[][] = [];
	let words: Word[] = [];
	let word: Word | null = null;
	let line = 1;
	let state: 'plain' | 'single' | 'double' | 'ansi' | 'comment' = 'plain';
	const endWord = () => {
		if (word) words.push(word);
		word = null;
	};
	const endCommand = () => {
		endWord();
		if (words.length) commands.push(words);
		words = [];
	};
	const add = (c: string) => {
		word ??= { text: '', line };
		word.text += c;
	};
	const backslashX = (ansi: boolean) => findings.push({ rule: 'backslash-x-unquoted', line, ...shellMessages.backslashX(ansi) });
	for (let i = 0; i < code.length; i++) {
		const c = code[i];
		const next = code[i + 1];
		if (c === '\n') line++;
		if (state === 'comment') {
			if (c === '\n') {
				state = 'plain';
				endCommand();
			}
			continue;
		}
		if (state === 'single') {
			if (c === "'") state = 'plain';
			else add(c);
			continue;
		}
		if (state === 'double' || state === 'ansi') {
			const close = state === 'double' ? '"' : "'";
			if (c === '\\' && next !== undefined) {
				if (state === 'ansi' && next === 'x') backslashX(true);
				add(c + next);
				if (next === '\n') line++;
				i++;
			} else if (c === close) state = 'plain';
			else add(c);
			continue;
		}
		// plain
		if (c === '\\') {
			if (next === '\n') {
				line++;
				i++;
				continue;
			}
			if (next === 'x') backslashX(false);
			if (next !== undefined) add(next);
			i++;
		} else if (c === "'") {
			add('');
			state = 'single';
		} else if (c === '"') {
			add('');
			state = 'double';
		} else if (c === '$' && next === "'") {
			add('');
			state = 'ansi';
			i++;
		} else if (c === '#' && !word) {
			state = 'comment';
		} else if (c === '\n' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '`') {
			endCommand();
		} else if (c === ' ' || c === '\t') {
			endWord();
		} else add(c);
	}
	endCommand();
	return { findings, commands };
}
