/**
 * The additions to version 1 of the format (shared spec, "Additions to version 1"): merchant.contact,
 * cancellation.url and the withdrawal section. Each is optional; each bad value is reported at its
 * own JSON Pointer, in plain words, and a file without them means what it meant.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPolicy, parsePolicy, PolicyError } from '../../src/core/index.js';

type Json = Record<string, unknown>;

const minimal = (): Json => ({ version: 1, merchant: { timeZone: 'Europe/Paris' } });
const withWithdrawal = (withdrawal: unknown): Json => ({ ...minimal(), withdrawal });
const withContact = (contact: unknown): Json => ({ version: 1, merchant: { timeZone: 'Europe/Paris', contact } });
const withCancellationUrl = (url: unknown): Json => ({ ...minimal(), cancellation: { channels: ['online'], url } });

function expectError(input: unknown, path: string, words: RegExp) {
  const { policy, errors } = checkPolicy(input);
  expect(policy).toBeUndefined();
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  expect(errors[0]!.path).toBe(path);
  expect(errors[0]!.message).toMatch(words);
  expect(errors[0]!.message).toMatch(/^[A-Z"]/);
  expect(errors[0]!.message).not.toMatch(/undefined|\[object /);
  expect(() => parsePolicy(input)).toThrow(PolicyError);
}

function expectValid(input: unknown) {
  const { policy, errors } = checkPolicy(input);
  expect(errors).toEqual([]);
  return policy!;
}

describe('withdrawal', () => {
  const spec = {
    days: 14,
    endpoint: 'https://maison-dupont.example/api/withdrawal',
    email: 'retractation@maison-dupont.example',
  };

  it("accepts the spec's example and keeps every field", () => {
    const policy = expectValid(withWithdrawal(spec));
    expect(policy.withdrawal).toEqual(spec);
  });

  it('is optional: a policy without it has none', () => expect(expectValid(minimal()).withdrawal).toBeUndefined());

  it('accepts each field alone', () => {
    for (const [key, value] of Object.entries(spec)) expectValid(withWithdrawal({ [key]: value }));
  });

  it('accepts fewer than 14 days (the legal check warns, the format does not refuse)', () =>
    expectValid(withWithdrawal({ days: 7 })));

  it('warns about an empty section', () => {
    const { warnings, errors } = checkPolicy(withWithdrawal({}));
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual(['/withdrawal']);
  });

  it('warns about an unknown field, with a hint', () => {
    const { warnings } = checkPolicy(withWithdrawal({ ...spec, emial: 'x@y.example' }));
    expect(warnings).toEqual([{ path: '/withdrawal/emial', message: expect.stringMatching(/did you mean "email"/) }]);
  });

  it('rejects a section that is not an object', () =>
    expectError(withWithdrawal('https://shop.example/withdraw'), '/withdrawal', /object/));

  for (const days of [-1, 14.5, '14', 3651, null])
    it(`rejects days ${JSON.stringify(days)}`, () =>
      expectError(withWithdrawal({ days }), '/withdrawal/days', /whole number of days/));

  for (const endpoint of [
    'http://maison-dupont.example/api/withdrawal',
    'ftp://maison-dupont.example/withdrawal',
    'javascript:alert(1)',
    '/api/withdrawal',
    'maison-dupont.example/api/withdrawal',
    'http://localhost.evil.example/api',
    '',
    42,
  ])
    it(`rejects the endpoint ${JSON.stringify(endpoint)}`, () =>
      expectError(withWithdrawal({ endpoint }), '/withdrawal/endpoint', /https:\/\/ address/));

  for (const endpoint of [
    'https://maison-dupont.example/api/withdrawal',
    'HTTPS://MAISON-DUPONT.EXAMPLE/api',
    'http://localhost:8000/api/withdrawal',
    'http://127.0.0.1:8000/api/withdrawal',
    'http://[::1]:8000/api/withdrawal',
  ])
    it(`accepts the endpoint ${endpoint}`, () => expectValid(withWithdrawal({ endpoint })));

  for (const email of [
    'retractation',
    'retractation@',
    '@maison-dupont.example',
    'retractation@maison-dupont',
    'rétractation @maison-dupont.example',
    'a@b@maison-dupont.example',
    'mailto:retractation@maison-dupont.example',
    'retractation@maison-dupont.example?cc=x@y.example',
    'a,b@maison-dupont.example',
    ['retractation@maison-dupont.example'],
  ])
    it(`rejects the e-mail ${JSON.stringify(email)}`, () =>
      expectError(withWithdrawal({ email }), '/withdrawal/email', /e-mail address/));

  for (const email of ['retractation@maison-dupont.example', 'j.dupont+retour@mail.maison-dupont.fr', 'ñ@tienda.es'])
    it(`accepts the e-mail ${email}`, () => expectValid(withWithdrawal({ email })));
});

describe('merchant.contact', () => {
  it('accepts an e-mail address and a phone number', () => {
    const contact = { email: 'service@maison-dupont.example', phone: '+33 1 23 45 67 89' };
    expect(expectValid(withContact(contact)).merchant.contact).toEqual(contact);
  });

  for (const phone of ['+33 (0)1 23.45.67-89', '0123456789', '+34 912 345 678'])
    it(`accepts the phone ${phone}`, () => expectValid(withContact({ phone })));

  for (const phone of ['+33 1 CALL NOW', 'tel:+33123456789', '', ' ', '+-', '33 1 23 45 67 89 ext. 2', 331234])
    it(`rejects the phone ${JSON.stringify(phone)}`, () =>
      expectError(withContact({ phone }), '/merchant/contact/phone', /phone number/));

  it('rejects a malformed e-mail address at its path', () =>
    expectError(withContact({ email: 'service at maison-dupont.example' }), '/merchant/contact/email', /e-mail/));

  it('rejects a contact that is a string', () =>
    expectError(withContact('service@maison-dupont.example'), '/merchant/contact', /object/));
});

describe('cancellation.url', () => {
  it('accepts an https address', () =>
    expect(
      expectValid(withCancellationUrl('https://maison-dupont.example/mon-compte/commandes')).cancellation?.url,
    ).toBe('https://maison-dupont.example/mon-compte/commandes'));

  for (const url of ['http://maison-dupont.example/compte', 'javascript:alert(1)', 'mon-compte/commandes'])
    it(`rejects ${url}`, () => expectError(withCancellationUrl(url), '/cancellation/url', /https:\/\//));
});

describe('the shared examples (without the additions) mean what they meant', () => {
  for (const name of ['policy-full.json', 'policy-es.json'])
    it(name, () => {
      const raw = JSON.parse(readFileSync(new URL(`../fixtures/examples/${name}`, import.meta.url), 'utf8')) as Json;
      const { policy, errors } = checkPolicy(raw);
      expect(errors).toEqual([]);
      expect(policy?.withdrawal).toBeUndefined();
      expect(policy?.merchant.contact).toBeUndefined();
    });
});
