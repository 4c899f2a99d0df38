import { issue } from '../../scoring/index.ts';
import { isSignedFile, openSignedJson } from '../records/signedFile.ts';
import type { SignedContent } from '../records/signedFile.ts';
import type { FileReport, IncomingFile, Signer } from './admit.ts';

const signerOf = (content: SignedContent): Signer =>
  content.keyName === undefined ? { keyId: content.keyId } : { keyId: content.keyId, keyName: content.keyName };

/**
 * Signed `.psyagg` files (a school's aggregate in a `psyscreen-signed` wrapper) are checked before they
 * are admitted: an intact one goes on as its inner aggregate, marked with the signing key; one whose
 * signature fails is refused here and never reaches the merge. Unsigned files pass through unmarked.
 */
export async function unwrapSigned(incoming: readonly IncomingFile[]): Promise<{ ready: IncomingFile[]; refused: FileReport[] }> {
  const ready: IncomingFile[] = [];
  const refused: FileReport[] = [];
  for (const file of incoming) {
    let json: unknown;
    try {
      json = file.text !== undefined ? JSON.parse(file.text) : file.json;
    } catch {
      ready.push(file);
      continue;
    }
    if (!isSignedFile(json)) {
      ready.push(file);
      continue;
    }
    const opened = await openSignedJson(json);
    if (!opened.ok) refused.push({ file: file.name, accepted: false, issues: [issue('bureau_signature_invalid', [], { file: file.name }), ...opened.issues] });
    else ready.push({ id: file.id, name: file.name, text: opened.value.text, signedBy: signerOf(opened.value) });
  }
  return { ready, refused };
}
