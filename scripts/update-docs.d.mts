// Types for tests/tools/docs.test.ts: the script itself stays plain JavaScript, run without a build.
export interface ManifestElement {
  name: string;
  tagName: string;
  cssParts?: { name: string; description?: string; inheritedFrom?: { name: string } }[];
  cssProperties?: { name: string; description?: string; inheritedFrom?: { name: string } }[];
  [key: string]: unknown;
}
export interface Manifest {
  modules: { path: string; declarations?: unknown[] }[];
}
export function elementsOf(manifest: Manifest): ManifestElement[];
export function apiTables(element: ManifestElement, shared?: ManifestElement): string;
export function updateDocs(docs: string, manifest: Manifest): { text: string; missing: string[]; unknown: string[] };
