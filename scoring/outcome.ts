/** A path into the JSON a user gave us, e.g. ["items", 3, "options"]. */
export type JsonPath = readonly (string | number)[];

/**
 * A problem found in user input. `code` is stable (tests and translations key on it);
 * `params` fill the localized message template (see messages.ts).
 */
export interface Issue {
  readonly code: string;
  readonly path: JsonPath;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Problems are data: callers branch on `ok`, never catch. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(issues: readonly Issue[]): Outcome<T> => ({ ok: false, issues });
export const issue = (code: string, path: JsonPath, params?: Record<string, string | number>): Issue =>
  params === undefined ? { code, path } : { code, path, params };

/** "items[3].options" — the form a teacher sees in an error list. */
export function formatPath(path: JsonPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += /^[A-Za-z_$][\w$-]*$/.test(segment) ? (text ? `.${segment}` : segment) : `[${JSON.stringify(segment)}]`;
  }
  return text || '(root)';
}
