import { parsePublicKeyFile } from '../../records/index.ts';

export { parsePublicKeyFile };

/** The file's JSON, or undefined when it is not JSON at all (parsePublicKeyFile then names the problem). */
export function parseJsonTextSafe(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
