import { catalogFromFiles, type Catalog, type FileProblem, type LibraryFile } from '../../scoring/index.ts';

/** The shipped library, bundled into the app at build time: nothing is fetched at run time. */
const modules = import.meta.glob<unknown>(['/instruments/**/*.json', '!/instruments/LOCK.json'], { eager: true, import: 'default' });

export const bundledFiles: readonly LibraryFile[] = Object.entries(modules)
  .map(([path, json]) => ({ path: path.replace(/^\/instruments\//, ''), json }))
  .sort((a, b) => a.path.localeCompare(b.path));

const loaded = catalogFromFiles(bundledFiles);
export const bundledCatalog: Catalog = loaded.catalog;
export const bundledProblems: readonly FileProblem[] = loaded.problems;
