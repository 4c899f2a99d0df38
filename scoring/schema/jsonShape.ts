/** No definition, plan or aggregate nests deeper than this; deeper input is refused before parsing. */
export const MAX_JSON_DEPTH = 64;

/**
 * How deep the arrays and objects of a JSON text nest, read outside strings in one pass. Parsing and
 * validating what nests 50,000 deep overflows the stack; this check cannot.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return deepest;
}

/**
 * The JSON path of the first `__proto__` key, if any. JSON.parse keeps it as an own property, but
 * spreading or validating the object drops it silently (or, elsewhere, sets a prototype); a file with
 * such a key is refused by name instead. Only texts that could spell it (plainly or escaped) are walked.
 */
export function protoKeyPath(text: string, parsed: unknown): (string | number)[] | undefined {
  if (!text.includes('__proto__') && !text.includes('\\u')) return undefined;
  const walk = (value: unknown, path: (string | number)[]): (string | number)[] | undefined => {
    if (Array.isArray(value)) {
      for (const [index, entry] of value.entries()) {
        const found = walk(entry, [...path, index]);
        if (found) return found;
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (key === '__proto__') return [...path, key];
        const found = walk((value as Record<string, unknown>)[key], [...path, key]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(parsed, []);
}
