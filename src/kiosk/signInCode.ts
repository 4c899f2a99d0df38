/**
 * Sign-in codes students type in a computer lab: 8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), shown as two groups of four. 25^8 ≈ 1.5·10^11 codes.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 8;

/**
 * The lab-session code of a plan that allows details sign-in: 6 characters of the same alphabet
 * (25^6 ≈ 2.4·10^8), written on the board by the teacher. It is mixed into every details entry's key
 * and is not in the plan file, so the file alone no longer lets anyone guess birth dates offline.
 */
export const SESSION_CODE_LENGTH = 6;

/** Uses the given source of random bytes so tests can be deterministic. */
export function generateCode(randomBytes: (length: number) => Uint8Array, length: number = CODE_LENGTH): string {
  let code = '';
  while (code.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // reject the top of the byte range so every character is equally likely
      if (byte < 250 && code.length < length) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

export const generateSessionCode = (randomBytes: (length: number) => Uint8Array): string => generateCode(randomBytes, SESSION_CODE_LENGTH);

/** What a student typed → the canonical code, or undefined if it cannot be one. Case, spaces and dashes do not matter. */
export function normalizeCode(typed: string, length: number = CODE_LENGTH): string | undefined {
  const code = typed.toUpperCase().replace(/[\s\-_.]/g, '');
  if (code.length !== length) return undefined;
  return [...code].every((char) => CODE_ALPHABET.includes(char)) ? code : undefined;
}

export const formatCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;
export const formatSessionCode = (code: string): string => `${code.slice(0, 3)}-${code.slice(3)}`;

export interface SignInDetails {
  readonly className: string;
  readonly studentNumber: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
}

export const normalizeSessionCode = (typed: string): string | undefined => normalizeCode(typed, SESSION_CODE_LENGTH);

/**
 * The secret a details sign-in derives its key from; spacing and letter case do not matter. Plans
 * that require a lab-session code append it (already normalised); older plans have none.
 */
export const detailsSecret = (details: SignInDetails, sessionCode?: string): string =>
  ['details', details.className.replace(/\s+/g, ''), details.studentNumber.replace(/\s+/g, '').toUpperCase(), details.birthDate.trim(), ...(sessionCode === undefined ? [] : [sessionCode])].join('|');
