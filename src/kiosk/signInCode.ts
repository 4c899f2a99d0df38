/**
 * Sign-in codes students type in a computer lab: 8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), shown as two groups of four. 25^8 ≈ 1.5·10^11 codes.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 8;

/** Uses the given source of random bytes so tests can be deterministic. */
export function generateCode(randomBytes: (length: number) => Uint8Array): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH * 2)) {
      // reject the top of the byte range so every character is equally likely
      if (byte < 250 && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

/** What a student typed → the canonical code, or undefined if it cannot be one. Case, spaces and dashes do not matter. */
export function normalizeCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s\-_.]/g, '');
  if (code.length !== CODE_LENGTH) return undefined;
  return [...code].every((char) => CODE_ALPHABET.includes(char)) ? code : undefined;
}

export const formatCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export interface SignInDetails {
  readonly className: string;
  readonly studentNumber: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
}

/** The secret a details sign-in derives its key from; spacing and letter case do not matter. */
export const detailsSecret = (details: SignInDetails): string =>
  ['details', details.className.replace(/\s+/g, ''), details.studentNumber.replace(/\s+/g, '').toUpperCase(), details.birthDate.trim()].join('|');
