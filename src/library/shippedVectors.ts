import { parseVectors, type Vectors } from '../../scoring/index.ts';

// Only the vectors, not the whole library: the kiosk loads this beside the plan validator.
const modules = import.meta.glob<unknown>('/instruments/**/*.vectors.json', { eager: true, import: 'default' });

/** The conformance vectors shipped with the library (each checked in CI), for plans that carry none. */
export const SHIPPED_VECTORS: readonly Vectors[] = Object.values(modules).flatMap((json) => {
  const parsed = parseVectors(json);
  return parsed.ok ? [parsed.value] : [];
});
