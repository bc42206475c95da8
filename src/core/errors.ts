import type { Issue } from './types.js';

/** Thrown by `parsePolicy` (and by the functions that parse for you) when a policy is rejected. */
export class PolicyError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    super(issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('\n'));
    this.name = 'PolicyError';
    this.issues = issues;
  }
}
