/**
 * What the property tests of the check draw from: any JavaScript value a page could hand an
 * element, and the valid policies of the fixtures to mutate.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';

type Json = Record<string, unknown>;

/** Any value: BigInt, Map, Set, Date, boxed values, sparse arrays, null-prototype objects. */
export const anyValue = () =>
  fc.anything({
    withBigInt: true,
    withNullPrototype: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withBoxedValues: true,
    withSparseArray: true,
  });

/** Every valid policy of the fixtures: the complete ones, then each worked example's, in name order. */
export function examplePolicies(): Json[] {
  const examples = new URL('../fixtures/examples/', import.meta.url);
  const read = (file: string) => JSON.parse(readFileSync(new URL(file, examples), 'utf8')) as Json;
  return [
    read('policy-full.json'),
    read('policy-es.json'),
    ...readdirSync(examples)
      .filter((f) => /^\d\d-.*\.json$/.test(f))
      .sort()
      .map((f) => read(f).policy as Json),
  ];
}
