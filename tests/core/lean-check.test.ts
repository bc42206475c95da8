/**
 * The elements' check (policy-source.ts `checkOnce`) decides without the words of the problems
 * (core/messages.ts), which it loads only for a policy that has errors or warnings: issue 10, "pay
 * only for what the page shows". It must give what `checkPolicyUndated` gives, word for word: the
 * same verdict, the same errors and warnings at the same paths, the same parsed policy, for every
 * policy of the fixtures, hostile and edge values, and thousands of mutated policies.
 *
 * The modules are imported in the tests, in order: the elements' side first, so that the words
 * are loaded by checkOnce's own `import()`, as on a page.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ElementCheck } from '../../src/elements/policy-source.js';
import { leanInputs, resultText } from './lean-inputs.js';

const minimal = () => ({ version: 1, merchant: { timeZone: 'Europe/Paris' } });

describe("the elements' check loads the words of the problems only when there are some", () => {
  it('a policy without problems is answered at once, before any word is loaded', async () => {
    const { checkOnce } = await import('../../src/elements/policy-source.js');
    const { checkPolicyUndated } = await import('../../src/core/parse.js');
    const result = checkOnce(minimal());
    expect(result).not.toBeInstanceOf(Promise);
    expect(resultText(result as object)).toBe(resultText(checkPolicyUndated(minimal())));
    // The words are not loaded yet: parse.ts alone names a problem by its code.
    expect(checkPolicyUndated({ version: 2 }).errors.map((e) => e.message)).toEqual(['version', 'required']);
  });

  it('a policy with problems is answered once the words have loaded, in full', async () => {
    const { checkOnce } = await import('../../src/elements/policy-source.js');
    const { checkPolicyUndated } = await import('../../src/core/parse.js');
    const invalid = { version: 2, merchant: { timeZone: 'Europe/Paris', nmae: 'Shop' } };
    const pending = checkOnce(invalid);
    expect(pending).toBeInstanceOf(Promise);
    const result = await pending;
    expect(result.policy).toBeUndefined();
    expect(result.errors).toEqual([
      { path: '/version', message: 'Must be 1: this reader knows version 1 of the policy format (found 2).' },
    ]);
    expect(result.warnings).toEqual([
      { path: '/merchant/nmae', message: 'Unknown field "nmae" is ignored; did you mean "name"?' },
    ]);
    // The same object again: the result itself now, the very same one.
    expect(checkOnce(invalid)).toBe(result);
    expect(resultText(result)).toBe(resultText(checkPolicyUndated(invalid)));
  });

  it('a valid policy with warnings is answered at once, its warnings in words as they load', async () => {
    vi.resetModules();
    const { checkOnce } = await import('../../src/elements/policy-source.js');
    const result = checkOnce({ ...minimal(), cancellation: {} });
    expect(result).not.toBeInstanceOf(Promise);
    const now = result as ElementCheck;
    expect(now.policy).toBeDefined();
    expect(now.warnings).toEqual([]);
    const words = await now.wordsLoading!;
    expect(words.policy).toBe(now.policy);
    const { checkPolicyUndated } = await import('../../src/core/parse.js');
    expect(words.warnings).toEqual(checkPolicyUndated({ ...minimal(), cancellation: {} }).warnings);
    expect(words.warnings.map((w) => w.path)).toEqual(['/cancellation']);
    // A sentence, not a code.
    expect(words.warnings[0]!.message).toMatch(/\w+ \w+ \w+/);
  });

  it('once the words are loaded, a policy with problems is answered at once too', async () => {
    const { checkOnce } = await import('../../src/elements/policy-source.js');
    await checkOnce({ version: 3 });
    const result = checkOnce({ version: 4 });
    expect(result).not.toBeInstanceOf(Promise);
    expect((result as ElementCheck).errors[0]!.message).toContain('Must be 1');
  });
});

describe('the same verdicts, problems and policies as the full check', () => {
  it('for every fixture, hostile value and thousands of mutated policies', async () => {
    const { checkOnce } = await import('../../src/elements/policy-source.js');
    const { checkPolicyUndated, isParsedPolicy } = await import('../../src/core/parse.js');
    const { checkPolicy } = await import('../../src/core/index.js');
    const lean: string[] = [];
    const counts = { valid: 0, invalid: 0, warned: 0, atOnce: 0 };
    for (const [, input] of leanInputs()) {
      const answer = checkOnce(input);
      if (!(answer instanceof Promise)) counts.atOnce++;
      // A policy shown at once has its warnings in words as they load.
      const result = await (answer instanceof Promise ? answer : (answer.wordsLoading ?? answer));
      if (result.policy) expect(isParsedPolicy(result.policy)).toBe(true);
      counts[result.policy ? 'valid' : 'invalid']++;
      if (result.warnings.length) counts.warned++;
      lean.push(resultText(result));
    }
    const full = leanInputs().map(([name, input]) => [name, resultText(checkPolicyUndated(input))]);
    expect(full.length).toBe(lean.length);
    full.forEach(([name, text], i) => expect(lean[i], name).toBe(text));
    // The dated check says the same, the warnings that depend on the date added after the others.
    leanInputs().forEach(([name, input], i) => {
      const dated = checkPolicy(input, { now: '2040-01-01T10:00' });
      const undated = JSON.parse(lean[i]!) as typeof dated;
      expect(dated.errors, name).toEqual(undated.errors);
      expect(dated.warnings.slice(0, undated.warnings.length), name).toEqual(undated.warnings);
      expect(JSON.stringify(dated.policy), name).toBe(JSON.stringify(undated.policy));
    });
    // Each kind of input is there in numbers.
    expect(counts.valid).toBeGreaterThan(200);
    expect(counts.invalid).toBeGreaterThan(2000);
    expect(counts.warned).toBeGreaterThan(500);
    expect(counts.atOnce).toBeGreaterThan(50);
  }, 60_000);
});
