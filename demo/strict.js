// Lists every Content-Security-Policy violation on this page: on the page itself, for a person
// checking it, and in window.cspViolations, for tests/elements/strict-page.test.ts. It also takes
// the language from ?lang= (fr, es, en), as the other demo pages do: <html lang> before the
// elements first render, and the page's own text from its data-fr / data-es attributes. (A file,
// not an inline script: the page's policy allows none.)
window.cspViolations = [];

const params = new URLSearchParams(location.search);
if (['fr', 'es', 'en'].includes(params.get('lang'))) document.documentElement.lang = params.get('lang');
const lang = document.documentElement.lang;
const REPORT = {
  en: ['Content-Security-Policy violations: ', 'No Content-Security-Policy violation on this page.'],
  fr: ['Violations de la Content-Security-Policy : ', 'Aucune violation de la Content-Security-Policy sur cette page.'],
  es: [
    'Infracciones de la Content-Security-Policy: ',
    'Ninguna infracción de la Content-Security-Policy en esta página.',
  ],
};
const [violationsSay, noneSays] = REPORT[lang] ?? REPORT.en;
const TITLE = {
  fr: 'Sous une Content-Security-Policy stricte — policy-explainer',
  es: 'Bajo una Content-Security-Policy estricta — policy-explainer',
};
const CHECKING = {
  fr: 'Recherche de violations de la Content-Security-Policy…',
  es: 'Buscando infracciones de la Content-Security-Policy…',
};

document.addEventListener('DOMContentLoaded', () => {
  if (!TITLE[lang]) return;
  document.title = TITLE[lang];
  for (const el of document.querySelectorAll(`[data-${lang}]`)) el.textContent = el.dataset[lang];
  const report = document.getElementById('csp-report');
  if (report && !window.cspViolations.length) report.textContent = CHECKING[lang];
});

function showViolations() {
  const report = document.getElementById('csp-report');
  if (!report) return;
  report.textContent = window.cspViolations.length ? `${violationsSay}${window.cspViolations.join('; ')}` : noneSays;
}

document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || 'an inline script or style'}${e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : ''}`,
  );
  showViolations();
});
window.addEventListener('load', showViolations);
