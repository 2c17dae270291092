/**
 * Schema (zod) errors as content problems, one translator for every checked
 * file: the articles' front matter (content.ts), the wizard tree
 * (src/wizard/validate.ts) and the redirects (redirects.ts). Each problem
 * names the file and the field, says what is wrong with the value found
 * there, and how to fix it; the wording is in messages.ts (schemaMessages).
 */
import type { z } from 'zod';
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
}

/**
 * One problem per schema issue (one per key for unknown keys): a missing
 * field, a value that is not one of the allowed ones, an unknown field, or
 * anything else with the schema's own message and the value found (cut to
 * 60 characters), each with the document's fix.
 */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], raw: unknown, doc: SchemaDocument): ContentProblem[] {
	const fieldOf = doc.fieldOf ?? ((path) => ({ field: path.map(String).join('.') || doc.root, name: path.map(String).join('.') || doc.root }));
	return issues.flatMap((issue): ContentProblem[] => {
		if (issue.code === 'unrecognized_keys') {
			return issue.keys.map((key) => ({ file: doc.file, field: fieldOf([...issue.path, key], raw).field, ...schemaMessages.unknownField(key, doc.unknownFieldFix) }));
		}
		const { field, name } = fieldOf(issue.path, raw);
		const fix = doc.fix(issue.path, issue.code === 'invalid_union');
		const value = valueAt(raw, issue.path);
		if (value === undefined) return [{ file: doc.file, field, ...schemaMessages.missing(name, fix) }];
		if (issue.code === 'invalid_value') return [{ file: doc.file, field, ...schemaMessages.unknownValue(name, preview(value), fix) }];
		return [{ file: doc.file, field, ...schemaMessages.invalid(name, issue.message, preview(value), fix) }];
	});
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
