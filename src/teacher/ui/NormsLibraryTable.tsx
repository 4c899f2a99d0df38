import { pickText, shortRefOf, type Locale, type NormTable, type TierPolicy } from '../../../scoring/index.ts';
import { libraryEntries, type WorkspaceLibrary } from './normsLibrary.ts';
import type { NormsText } from './normsText.ts';

function detail(definition: NormTable | TierPolicy, text: NormsText): string {
  if (definition.kind === 'policy') return text.rulesDetail(definition.rules.length);
  return definition.derived ? text.derivedDetail(definition.derived.n, definition.derived.date) : text.citedDetail;
}

export function NormsLibraryTable({ library, text, locale }: { library: WorkspaceLibrary; text: NormsText; locale: Locale }) {
  const entries = libraryEntries(library);
  return (
    <table className="data">
      <caption className="visually-hidden">{text.libraryTitle}</caption>
      <thead>
        <tr><th scope="col">{text.kind}</th><th scope="col">{text.name}</th><th scope="col">{text.idVersion}</th><th scope="col">{text.origin}</th><th scope="col">{text.detail}</th></tr>
      </thead>
      <tbody>
        {entries.map(({ origin, definition }) => (
          <tr key={`${origin}:${definition.kind}:${shortRefOf(definition)}`}>
            <td>{text.kinds[definition.kind]}</td>
            <th scope="row">{pickText(definition.name, locale)}</th>
            <td><code>{shortRefOf(definition)}</code></td>
            <td>{text.origins[origin]}</td>
            <td>{detail(definition, text)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
