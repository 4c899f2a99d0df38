import { issue, type Issue, type JsonPath } from '../../../scoring/index.ts';
import { locationPath, type TemplateLocation } from './instrumentTemplateLocation.ts';

const keyOf = (path: JsonPath): string => JSON.stringify(path);

/**
 * Which cell each part of the built definition came from, so that a problem the instrument schema
 * finds at a JSON path ("scales[0].bands[2].gte") is reported at the sheet, row and column the
 * teacher typed it in. Paths whose cell already has a template issue are "covered": the schema's
 * complaint about the same gap is not repeated.
 */
export class TemplateSourceMap {
  private readonly places = new Map<string, TemplateLocation>();
  private readonly covered = new Set<string>();

  place(path: JsonPath, location: TemplateLocation): void {
    this.places.set(keyOf(path), location);
  }

  cover(path: JsonPath): void {
    this.covered.add(keyOf(path));
  }

  /** The location of the longest registered prefix of the path. */
  locate(path: JsonPath): TemplateLocation | undefined {
    for (let length = path.length; length >= 0; length -= 1) {
      const found = this.places.get(keyOf(path.slice(0, length)));
      if (found) return found;
    }
    return undefined;
  }

  isCovered(path: JsonPath): boolean {
    for (let length = path.length; length >= 0; length -= 1) if (this.covered.has(keyOf(path.slice(0, length)))) return true;
    return false;
  }

  /**
   * The schema's issues moved to template locations. A duplicate id names the row it was first used
   * in (the schema counts entries from 0, which a teacher never sees).
   */
  relocate(schemaIssues: readonly Issue[], fallback: TemplateLocation): Issue[] {
    const moved: Issue[] = [];
    for (const found of schemaIssues) {
      if (this.isCovered(found.path)) continue;
      const location = this.locate(found.path) ?? fallback;
      moved.push(this.duplicateInRows(found, location) ?? { ...found, path: locationPath(location) });
    }
    return moved;
  }

  private duplicateInRows(found: Issue, location: TemplateLocation): Issue | undefined {
    if (found.code !== 'duplicate_id' || typeof found.params?.first !== 'number') return undefined;
    const at = found.path.findLastIndex((segment) => typeof segment === 'number');
    if (at < 0) return undefined;
    const firstPath = found.path.map((segment, index) => (index === at ? (found.params?.first ?? segment) : segment));
    const first = this.locate(firstPath);
    const params = { what: String(found.params.what ?? ''), id: String(found.params.id ?? '') };
    if (first?.row === undefined || first.row === location.row) return issue('template_duplicate_in_cell', locationPath(location), params);
    return issue('template_duplicate_id', locationPath(location), { ...params, firstRow: first.row });
  }
}
