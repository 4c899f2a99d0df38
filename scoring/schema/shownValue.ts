/**
 * A value as a message may quote it: short, and safe for any input. JSON.stringify of a file's value
 * can overflow the stack (50,000 nested arrays) or run to megabytes, so containers are only named.
 */
export function shownValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object' && value !== null) return '{…}';
  const text = JSON.stringify(value) ?? typeof value; // functions and symbols never come from JSON
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
