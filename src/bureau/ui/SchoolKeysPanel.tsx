import { formatKeyId } from '../../records/keyId.ts';
import type { KnownKey } from '../keyRegistry.ts';
import type { BureauText } from './bureauText.ts';

/**
 * The signing key on record for each sender. A key is recorded from the first signed file; a later
 * file signed with another key is refused until its entry is removed here (after checking with the school).
 */
export function SchoolKeysPanel({ keys, onForget, text }: { keys: readonly KnownKey[]; onForget: (sender: string) => void; text: BureauText }) {
  return (
    <details className="panel school-keys">
      <summary><h2 id="school-keys-title">{text.schoolKeysTitle} ({keys.length})</h2></summary>
      <p className="muted">{text.schoolKeysIntro}</p>
      {keys.length === 0 ? <p>{text.schoolKeysNone}</p> : (
        <table className="data" aria-labelledby="school-keys-title">
          <thead><tr><th scope="col">{text.keySender}</th><th scope="col">{text.keyName}</th><th scope="col">{text.keyFingerprint}</th><th scope="col">{text.keySince}</th><th scope="col"><span className="visually-hidden">{text.keyForget}</span></th></tr></thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.sender}>
                <th scope="row">{key.name} <span className="muted">{key.code}</span></th>
                <td>{key.keyName ?? <span className="muted">{text.keyNameNotSigned}</span>}</td>
                <td><code>{formatKeyId(key.keyId)}</code></td>
                <td>{key.since.slice(0, 10)}</td>
                <td><button type="button" onClick={() => { if (window.confirm(text.keyForgetConfirm(key.name))) onForget(key.sender); }}>{text.keyForget}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
