import { describe, expect, it } from 'vitest';
import { textFor, textIn } from '../../src/core/index.js';

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
