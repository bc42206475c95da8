// Lists every Content-Security-Policy violation on this page: on the page itself, for a person
// checking it, and in window.cspViolations, for tests/elements/strict-page.test.ts.
window.cspViolations = [];

function showViolations() {
  const report = document.getElementById('csp-report');
  if (!report) return;
  report.textContent = window.cspViolations.length
    ? `Content-Security-Policy violations: ${window.cspViolations.join('; ')}`
    : 'No Content-Security-Policy violation on this page.';
}

document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || 'an inline script or style'}${e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : ''}`,
  );
  showViolations();
});
window.addEventListener('load', showViolations);
