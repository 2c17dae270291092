/**
 * Schema (zod) errors as content problems, one translator for every checked
 * file: the articles' front matter (content.ts), the wizard tree
 * (src/wizard/validate.ts) and the redirects (redirects.ts). Each problem
 * names the file and the field, says what is wrong with the value found
 * there, and how to fix it; the wording is in messages.ts (schemaMessages).
 */
import type { z } from 'zod';
import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ContentProblem } from './content.ts';
import { schemaMessages } from './messages.ts';

/** What a translator needs to know of the document it reports on. */
export interface SchemaDocument {
	/** The file, relative to the project root. */
	file: string;
	/** The field named when the whole document is wrong (an empty path). */
	root: string;
	/**
	 * The field a path is reported as (default: its keys joined by dots), and
	 * the name the message gives it (default: the same). The wizard names a
	 * step by its id, not by its position in the list.
	 */
	fieldOf?: (path: readonly PropertyKey[], raw: unknown) => { field: string; name: string };
	/** How to fix a wrong value at a path; `union` is set when the value fits none of several shapes. */
	fix: (path: readonly PropertyKey[], union: boolean) => string;
	/** How to fix an unknown field (where the fields of the document are described). */
	unknownFieldFix: string;
	/**
	 * The line of the file a path stands on (1-based, counted from the top of
	 * the file), or undefined when it cannot be told; see yamlLines. Without
	 * it the problems name no line.
	 */
	lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * One problem per schema issue (one per key for unknown keys): a missing
 * field, a value that is not one of the allowed ones, an unknown field, or
 * anything else with the schema's own message and the value found (cut to
 * 60 characters), each with the document's fix.
 */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], raw: unknown, doc: SchemaDocument): ContentProblem[] {
	const fieldOf = doc.fieldOf ?? ((path) => ({ field: path.map(String).join('.') || doc.root, name: path.map(String).join('.') || doc.root }));
	// The file, the field, and the line when the document can tell it.
	const at = (path: readonly PropertyKey[], field: string) => {
		const line = doc.lineOf?.(path);
		return line === undefined ? { file: doc.file, field } : { file: doc.file, field, line };
	};
	return issues.flatMap((issue): ContentProblem[] => {
		if (issue.code === 'unrecognized_keys') {
			return issue.keys.map((key) => {
				const path = [...issue.path, key];
				return { ...at(path, fieldOf(path, raw).field), ...schemaMessages.unknownField(key, doc.unknownFieldFix) };
			});
		}
		const { field, name } = fieldOf(issue.path, raw);
		// A rule of the schema's own (a custom issue) may say its own fix, as `params.fix`; else the field's.
		const own = issue.code === 'custom' ? (issue.params as { fix?: unknown } | undefined)?.fix : undefined;
		const fix = typeof own === 'string' ? own : doc.fix(issue.path, issue.code === 'invalid_union');
		const value = valueAt(raw, issue.path);
		const where = at(issue.path, field);
		if (value === undefined) return [{ ...where, ...schemaMessages.missing(name, fix) }];
		if (issue.code === 'invalid_value') return [{ ...where, ...schemaMessages.unknownValue(name, preview(value), fix) }];
		return [{ ...where, ...schemaMessages.invalid(name, issue.message, preview(value), fix) }];
	});
}

/**
 * The lines of a YAML text's fields, for SchemaDocument.lineOf. `yaml` is the
 * text as parsed: a whole file (the wizard tree, the redirects: `firstLine`
 * 1) or an article's front matter without its `---` lines (`firstLine` 2,
 * after the opening `---`); the lines returned count from the top of the
 * file. The `yaml` package's parseDocument with a LineCounter keeps each
 * node's position, which the plain parse drops. The text is parsed again
 * only when a line is first asked for, so a file without schema errors
 * costs nothing more.
 *
 * A path (zod's: keys of mappings, indexes of lists) gives the line of its
 * last key (`signatures.0.line` → the line of `line:` in the first entry) or,
 * for a list item, of the item. A path that does not exist all the way (a
 * missing field) gives the line of the deepest part that does (the entry the
 * field is missing from), and undefined when not even its first key exists;
 * so does a text that does not parse.
 */
export function yamlLines(yaml: string, firstLine: number): (path: readonly PropertyKey[]) => number | undefined {
	let parsed: { document: Document.Parsed; counter: LineCounter } | undefined;
	return (path) => {
		if (!parsed) {
			const counter = new LineCounter();
			parsed = { document: parseDocument(yaml, { lineCounter: counter }), counter };
		}
		const { document, counter } = parsed;
		if (document.errors.length > 0) return undefined;
		const lineOfNode = (node: Node | null | undefined) => (node?.range ? counter.linePos(node.range[0]).line + firstLine - 1 : undefined);
		let node: unknown = document.contents;
		let line: number | undefined;
		for (const key of path) {
			if (isMap(node)) {
				const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key));
				if (!pair) return line;
				line = lineOfNode(pair.key as Node) ?? line;
				node = pair.value;
			} else if (isSeq(node)) {
				const item = node.items[Number(key)] as Node | undefined;
				if (!item) return line;
				line = lineOfNode(item) ?? line;
				node = item;
			} else return line;
		}
		return line;
	};
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
	let v: unknown = raw;
	for (const key of path) {
		if (typeof v !== 'object' || v === null) return undefined;
		v = (v as Record<PropertyKey, unknown>)[key];
	}
	return v;
}

/** A value as JSON (a date as YYYY-MM-DD), cut to 60 characters. */
function preview(value: unknown): string {
	const json = value instanceof Date ? value.toISOString().slice(0, 10) : JSON.stringify(value) ?? String(value);
	return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
