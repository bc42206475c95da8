// Types for tests/tools/i18n-check.test.ts: the checker itself stays plain JavaScript, run without a build.
export interface I18nProblem {
  /** File name, e.g. "fr.json". */
  file: string;
  /** Dotted key, e.g. "delivery.days_many", or "-" for the whole file. */
  key: string;
  level: 'error' | 'warning';
  message: string;
}

export function checkLocales(dir?: string): { files: string[]; problems: I18nProblem[] };
export function formatProblem(problem: I18nProblem): string;
