import { sha256Hex, utf8 } from './bytes.ts';

/**
 * An import receipt: 8 characters the teacher workspace shows after importing a lab machine's batch
 * without loss, and the lab machine recomputes from the ids it exported. Only a matching receipt lets
 * the machine delete those sealed submissions, so a batch is never cleared before it has arrived.
 * It names nothing: a hash over the plan, the machine and the sorted submission ids.
 */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

export async function receiptCode(plan: string, machine: string, ids: readonly string[]): Promise<string> {
  const hex = await sha256Hex(utf8(JSON.stringify([plan, machine, [...ids].sort()])));
  let code = '';
  for (let index = 0; index < 8; index += 1) code += ALPHABET[parseInt(hex.slice(index * 4, index * 4 + 4), 16) % ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export const sameReceipt = (typed: string, expected: string): boolean =>
  typed.toUpperCase().replace(/[\s\-_.]/g, '') === expected.replace('-', '');
