import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textFor, textIn } from '../../src/core/index.js';
import { unclosedDirection } from '../../src/core/text.js';

describe("the shop's Text, in the reader's language", () => {
  const text = { fr: 'Bonjour', 'fr-CA': 'Allô', en: 'Hello', es: 'Hola' };

  it('takes the exact tag, then its base language, then English, then the first one present', () => {
    expect(textIn(text, 'fr-CA')).toEqual({ text: 'Allô', lang: 'fr-CA' });
    expect(textIn(text, 'fr-BE')).toEqual({ text: 'Bonjour', lang: 'fr' });
    expect(textIn(text, 'de')).toEqual({ text: 'Hello', lang: 'en' });
    expect(textIn({ it: 'Ciao', pt: 'Olá' }, 'de')).toEqual({ text: 'Ciao', lang: 'it' });
    expect(textFor(text, 'es-MX')).toBe('Hola');
  });

  it('tags match whatever their case, and a language matches any of its regional tags', () => {
    expect(textIn({ FR: 'Boutique', EN: 'Shop' }, 'en')).toEqual({ text: 'Shop', lang: 'EN' });
    expect(textIn({ FR: 'Boutique', EN: 'Shop' }, 'es')).toEqual({ text: 'Shop', lang: 'EN' });
    expect(textIn({ fr: 'Boutique', 'en-GB': 'Shop' }, 'en')).toEqual({ text: 'Shop', lang: 'en-GB' });
    expect(textIn({ fr: 'Boutique', 'en-GB': 'Shop' }, 'de')).toEqual({ text: 'Shop', lang: 'en-GB' });
    expect(textIn({ 'es-MX': 'Tienda', fr: 'Boutique' }, 'es-ES')).toEqual({ text: 'Tienda', lang: 'es-MX' });
  });

  it('a plain string has no language to tell; nothing gives nothing', () => {
    expect(textIn('Hello', 'fr')).toEqual({ text: 'Hello' });
    expect(textIn(undefined, 'fr')).toBeUndefined();
    expect(textFor(undefined, 'fr')).toBeUndefined();
  });
});

describe('direction controls: the check costs one pass, whatever the nesting', () => {
  // The same verdicts as the rule's first statement (a stack, and "does an isolate stand open?"
  // asked of the whole stack at each U+2069), which took n² steps on nested controls.
  const OPENERS: Record<string, 'embedding' | 'isolate'> = {
    '\u202A': 'embedding',
    '\u202B': 'embedding',
    '\u202D': 'embedding',
    '\u202E': 'embedding',
    '\u2066': 'isolate',
    '\u2067': 'isolate',
    '\u2068': 'isolate',
  };
  const reference = (s: string) => {
    const open: string[] = [];
    for (const ch of s) {
      if (OPENERS[ch]) open.push(ch);
      else if (ch === '\u202C' && open.length && OPENERS[open.at(-1)!] === 'embedding') open.pop();
      else if (ch === '\u2069' && open.some((o) => OPENERS[o] === 'isolate'))
        while (OPENERS[open.pop()!] !== 'isolate');
    }
    return open.length ? `U+${open[0]!.codePointAt(0)!.toString(16).toUpperCase()}` : undefined;
  };

  it('gives the same verdict as the stack-scanning rule on any mix of controls and text', () => {
    const piece = fc.constantFrom(
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      'a',
      'ت',
      '\u200F',
      '😀',
      '\uD83D',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const s = pieces.join('');
        expect(unclosedDirection(s)).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  // Nested controls, 3 bytes each in UTF-8, up to the elements' 1 MB fetch limit. Quadratic, they
  // took 32 s in the probe, and over 6 minutes each under vitest on a loaded 2-core machine;
  // linear, milliseconds. The bound is loose for a loaded machine, and far below the quadratic cost.
  const n = 160_000;
  const timed = (s: string) => {
    const start = performance.now();
    const verdict = unclosedDirection(s);
    return { verdict, ms: performance.now() - start };
  };

  it('U+202B × 160,000 then U+2069 × 160,000 (960 KB): refused, in under a second', () => {
    const s = '\u202B'.repeat(n) + '\u2069'.repeat(n);
    expect(new TextEncoder().encode(s).length).toBeLessThanOrEqual(1_000_000);
    const { verdict, ms } = timed(s);
    expect(verdict).toBe('U+202B');
    expect(ms).toBeLessThan(1000);
  });

  it('the valid variant, RLE × 110,000, PDI × 110,000, PDF × 110,000 (990 KB): accepted, in under a second', () => {
    const s = '\u202B'.repeat(110_000) + '\u2069'.repeat(110_000) + '\u202C'.repeat(110_000);
    expect(new TextEncoder().encode(s).length).toBeLessThanOrEqual(1_000_000);
    const { verdict, ms } = timed(s);
    expect(verdict).toBeUndefined();
    expect(ms).toBeLessThan(1000);
  });

  it('isolates nested 160,000 deep, closed or left open', () => {
    expect(timed('\u2067'.repeat(n) + '\u2069'.repeat(n)).verdict).toBeUndefined();
    expect(timed('\u2066' + '\u2067\u202B'.repeat(n / 2) + '\u2069'.repeat(n / 2)).verdict).toBe('U+2066');
    const { ms } = timed('\u2067' + '\u202B'.repeat(n) + '\u2069'.repeat(n));
    expect(ms).toBeLessThan(1000);
  });
});
