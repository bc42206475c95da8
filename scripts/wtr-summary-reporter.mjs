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
 * A web-test-runner reporter that writes `{passed, failed, skipped}` to the file named by
 * WTR_SUMMARY, so that `npm test` can total every suite in one closing line. A test file that
 * cannot even load counts as one failure.
 */
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && (session.errors?.length || !session.testResults)) totals.failed++;
      }
      if (process.env.WTR_SUMMARY) writeFileSync(process.env.WTR_SUMMARY, JSON.stringify(totals));
    },
  };
}
