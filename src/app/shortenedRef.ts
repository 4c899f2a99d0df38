/** `id@version#` and the first hash digits: enough to tell versions apart on screen; a tooltip carries the rest. */
export function shortenedRef(ref: string): string {
  const [name = ref, hash = ''] = ref.split('#');
  return hash ? `${name}#${hash.slice(0, 8)}…` : name;
}
