/**
 * A host page that breaks a built-in after the bundle loaded (`Array.prototype.map = () => []`,
 * `Set.prototype.has = () => false`…): we can't defend against everything, but a quote is then
 * either the right one or an exception, never other dates (issue 12, §2). The arithmetic keeps the
 * few built-ins it depends on as they were at load, and checks its own answer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy, quoteDelivery, returnDeadline } from '../../src/core/index.js';
import type { DeliveryQuote } from '../../src/core/index.js';

type Json = Record<string, any>;
const full = (): Json =>
  JSON.parse(readFileSync(new URL('../fixtures/examples/policy-full.json', import.meta.url), 'utf8')) as Json;

/**
 * A policy whose dates depend on everything: a cutoff, holidays inside the window, weekends. A new
 * one each time: the arithmetic keeps what it read of a policy, which a tamper after that can't reach.
 */
const fresh = () =>
  parsePolicy({
    ...full(),
    calendar: {
      businessDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      deliveryDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      holidays: ['2026-12-24', '2026-12-25', '2026-12-28', '2027-01-01'],
    },
  });
const policy = fresh();
const NOW = '2026-12-22T13:00:00+01:00';

type Tamper = [what: string, target: object, key: string, replacement: unknown];
const throwing = () => {
  throw new Error('broken by the page');
};
const TAMPERS: Tamper[] = [
  ['Array.prototype.map = () => []', Array.prototype, 'map', () => []],
  ['Array.prototype.map throws', Array.prototype, 'map', throwing],
  ['Array.prototype.filter = () => []', Array.prototype, 'filter', () => []],
  [
    'Array.prototype.sort reverses',
    Array.prototype,
    'sort',
    function (this: unknown[]) {
      return this.reverse();
    },
  ],
  ['Array.prototype.indexOf = () => 0', Array.prototype, 'indexOf', () => 0],
  ['Array.prototype.find = () => undefined', Array.prototype, 'find', () => undefined],
  ['Array.prototype.at = () => 0', Array.prototype, 'at', () => 0],
  ['Array.prototype.includes = () => true', Array.prototype, 'includes', () => true],
  ['String.prototype.split throws', String.prototype, 'split', throwing],
  ['String.prototype.split = () => ["0", "0"]', String.prototype, 'split', () => ['0', '0']],
  ['String.prototype.padStart = () => "1"', String.prototype, 'padStart', () => '1'],
  ['String.prototype.slice = () => ""', String.prototype, 'slice', () => ''],
  ['String.prototype.charCodeAt = () => 48', String.prototype, 'charCodeAt', () => 48],
  ['String.prototype.endsWith = () => true', String.prototype, 'endsWith', () => true],
  ['Set.prototype.has = () => false', Set.prototype, 'has', () => false],
  ['Map.prototype.get = () => undefined', Map.prototype, 'get', () => undefined],
  ['WeakMap.prototype.get = () => undefined', WeakMap.prototype, 'get', () => undefined],
  ['RegExp.prototype.exec = () => null', RegExp.prototype, 'exec', () => null],
  ['Math.floor = Math.ceil', Math, 'floor', Math.ceil],
  ['Math.max = () => 0', Math, 'max', () => 0],
  ['Number = () => 0', globalThis, 'Number', () => 0],
  [
    'Intl.DateTimeFormat.prototype.format = () => "GMT+05:00"',
    Intl.DateTimeFormat.prototype,
    'format',
    () => 'GMT+05:00',
  ],
];

/** `work`'s result (or the error it threw) with `key` of `target` replaced, then put back. */
function broken<T>([, target, key, replacement]: Tamper, work: () => T): { value?: T; error?: unknown } {
  const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
  const { configurable, enumerable } = descriptor;
  Object.defineProperty(
    target,
    key,
    descriptor.get ? { configurable, enumerable, get: () => replacement } : { ...descriptor, value: replacement },
  );
  try {
    return { value: work() };
  } catch (error) {
    return { error };
  } finally {
    Object.defineProperty(target, key, descriptor);
  }
}

describe('a built-in broken after load never changes a quoted date', () => {
  const clean = {
    standard: quoteDelivery(policy, { now: NOW }),
    express: quoteDelivery(policy, { now: NOW, method: 'home-delivery' }),
    deadline: returnDeadline(policy, '2026-12-23'),
  };
  for (const tamper of TAMPERS) {
    it(tamper[0], () => {
      const policy = fresh();
      const { value, error } = broken(tamper, () => ({
        standard: quoteDelivery(policy, { now: NOW }),
        express: quoteDelivery(policy, { now: NOW, method: 'home-delivery' }),
        deadline: returnDeadline(policy, '2026-12-23'),
      }));
      // The right dates, or no dates at all: an element shows its fallback for an exception.
      if (error === undefined) expect(value).toEqual(clean);
      else expect(error).toBeInstanceOf(Error);
    });
  }
});

describe('the quote checks itself', () => {
  it('a quote whose window does not contain the actual one is never returned', async () => {
    const { quoteMethod } = await import('../../src/core/arithmetic.js');
    const method = policy.delivery!.methods[0]!;
    // What a mutated policy or a broken built-in could make: a padding that narrows the window.
    const narrowed = { ...method, padding: { min: -2, max: -2 } };
    expect(() => quoteMethod(policy, narrowed, Date.parse(NOW))).toThrow(/check/);
    const quote: DeliveryQuote = quoteMethod(policy, method, Date.parse(NOW));
    expect(quote.quoted.earliest >= quote.actual.earliest).toBe(true);
  });
});
