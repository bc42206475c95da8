import { writeFileSync } from 'node:fs';

/** Counts one test, or every test of a suite, as passed or failed. */
function count(result, totals) {
  for (const test of result?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const suite of result?.suites ?? []) count(suite, totals);
}

/**
 * A web-test-runner reporter that writes `{passed, failed, skipped, browsers}` to the file named by
 * WTR_SUMMARY, so that `npm test` can total every suite in one closing line. The totals are over
 * every browser (one session per test file and browser); `browsers` has each browser's own. A test
 * file that cannot even load in a browser counts as one failure there.
 */
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, browsers: {} };
      for (const session of sessions) {
        const own = (totals.browsers[session.browser.name] ??= { passed: 0, failed: 0, skipped: 0 });
        const before = { ...own };
        count(session.testResults, own);
        if (!session.passed && (session.errors?.length || !session.testResults)) own.failed++;
        for (const key of ['passed', 'failed', 'skipped']) totals[key] += own[key] - before[key];
      }
      if (process.env.WTR_SUMMARY) writeFileSync(process.env.WTR_SUMMARY, JSON.stringify(totals));
    },
  };
}
