import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/index.js';
import type { PolicyDeliveryWindow } from '../../src/index.js';
import { nextEvent, part, policyEs, policyFull, textOf, timesOf } from './helpers.js';

/** Monday 2 March 2026, 11:44:30 in Paris: 2 h 15 min 30 s before the 14:00 cutoff. */
const MONDAY_MORNING = new Date('2026-03-02T11:44:30+01:00');

describe('<policy-delivery-window>', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: MONDAY_MORNING, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => clock.restore());

  const render = (lang: string, policy: unknown = policyFull(), attrs: { method?: string; country?: string } = {}) =>
    fixture<PolicyDeliveryWindow>(
      html`<policy-delivery-window lang=${lang} .policy=${policy} method=${attrs.method ?? ''} country=${attrs.country ?? ''}></policy-delivery-window>`,
    );

  describe('the window, in three languages', () => {
    // policy-full standard: handling 0–1, transit 3–4, padding 1–2, delivery Mon–Sat.
    // R = Mon 2 March; quoted earliest = 4 delivery days after Mon 2 = Fri 6; latest = 6 after Tue 3 = Tue 10.
    it('says it in French with each date in a <time>', async () => {
      const el = await render('fr');
      expect(timesOf(el)).to.deep.equal(['2026-03-06', '2026-03-10']);
      expect(part(el, 'window')!.textContent!.replace(/\s+/g, ' ')).to.equal(
        'Livraison estimée entre le vendredi 6 et le mardi 10 mars',
      );
      // policy-full delivers on Saturdays: the count takes them in, and says so.
      expect(part(el, 'days')!.textContent!.trim()).to.equal('4 à 7 jours ouvrables');
    });

    it('says it in Spanish', async () => {
      const el = await render('es');
      expect(timesOf(el)).to.deep.equal(['2026-03-06', '2026-03-10']);
      expect(part(el, 'window')!.textContent).to.match(
        /Entrega estimada entre el viernes,? 6 de marzo y el martes,? 10 de marzo/,
      );
      expect(part(el, 'days')!.textContent!.trim()).to.equal('De 4 a 7 días laborables');
    });

    it('says it in English', async () => {
      const el = await render('en');
      expect(part(el, 'window')!.textContent).to.match(
        /Estimated delivery between Friday, March 6 and Tuesday, March 10/,
      );
      expect(part(el, 'days')!.textContent!.trim()).to.equal('4 to 7 working days, Saturdays included');
    });

    it('uses the strings of the base language and the dates of the full tag (fr-CA, es-MX)', async () => {
      const ca = await render('fr-CA');
      expect(textOf(ca)).to.contain('Livraison estimée');
      expect(timesOf(ca)).to.deep.equal(['2026-03-06', '2026-03-10']);
      const mx = await render('es-MX');
      expect(textOf(mx)).to.contain('Entrega estimada');
    });

    it('falls back to English for a language it has no strings for', async () => {
      const el = await render('de');
      expect(textOf(el)).to.contain('Estimated delivery between');
    });

    it('takes the language of the nearest ancestor, and follows it when it changes', async () => {
      const wrapper = await fixture(
        html`<div lang="es"><policy-delivery-window .policy=${policyFull()}></policy-delivery-window></div>`,
      );
      const el = wrapper.querySelector('policy-delivery-window')!;
      await el.updateComplete;
      expect(textOf(el)).to.contain('Entrega estimada');
      wrapper.setAttribute('lang', 'fr');
      await clock.tickAsync(0);
      await el.updateComplete;
      expect(textOf(el)).to.contain('Livraison estimée');
    });
  });

  describe('the method', () => {
    it('shows the label, the price and "free" when it costs nothing', async () => {
      const el = await render('fr');
      expect(part(el, 'label')!.textContent).to.equal('Livraison standard');
      // Not "Livraison standard · Livraison offerte".
      expect(part(el, 'price')!.textContent).to.equal('sans frais');
    });

    it('leads with the method, so that two windows on one page never seem to contradict each other', async () => {
      for (const [lang, method, first] of [
        ['fr', 'standard', 'Livraison standard · sans frais'],
        ['fr', 'home-delivery', 'Livraison à domicile avec installation (créneau de 4 heures) · 49 €'],
        ['es', 'standard', 'Envío estándar · sin coste'],
        ['en', 'home-delivery', 'Home delivery with set-up (4-hour time slot) · €49'],
      ]) {
        const el = await render(lang!, policyFull(), { method });
        const lines = [...el.shadowRoot!.querySelectorAll('[part~="content"] > p')];
        expect(lines[0]!.getAttribute('part'), lang).to.equal('method');
        expect(lines[0]!.textContent!.replace(/\s+/g, ' ').trim(), lang).to.equal(first);
        expect(lines[1]!.getAttribute('part'), lang).to.equal('window');
      }
    });

    it('keeps "·" and the price together, on the line of what comes before them', async () => {
      const el = await render('fr', policyFull(), { method: 'home-delivery' });
      expect(part(el, 'method')!.textContent).to.contain('\u00a0·\u00a0');
      // "(4-" never ends a line of the shop's label.
      const english = await render('en', policyFull(), { method: 'home-delivery' });
      expect([...part(english, 'label')!.querySelectorAll('.compound')].map((c) => c.textContent)).to.deep.equal([
        'set-up',
        '(4-hour',
      ]);
      const policy = policyFull();
      delete policy.delivery.methods[1].label;
      const unlabelled = await render('fr', policy, { method: 'home-delivery' });
      expect(part(unlabelled, 'price')!.textContent).to.equal('Frais de livraison\u00a0:\u00a049\u00a0€');
    });

    it('counts "jours ouvrés" only when no Saturday or Sunday is counted', async () => {
      const weekdays = policyFull();
      weekdays.calendar.deliveryDays = ['mon', 'tue', 'wed', 'thu', 'fri'];
      const sundays = policyFull();
      sundays.calendar.deliveryDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
      const days = async (lang: string, policy: unknown) =>
        part(await render(lang, policy), 'days')!.textContent!.trim();
      expect(await days('fr', weekdays)).to.match(/jours ouvrés$/);
      expect(await days('es', weekdays)).to.match(/días hábiles$/);
      expect(await days('en', weekdays)).to.match(/working days$/);
      expect(await days('fr', sundays)).to.match(/^\d à \d jours$/);
      expect(await days('es', sundays)).to.match(/^De \d a \d días$/);
      expect(await days('en', sundays)).to.match(/^\d to \d days$/);
    });

    it('shows a paid method with its time slot, how it is announced, and why it cannot be exact', async () => {
      const el = await render('fr', policyFull(), { method: 'home-delivery' });
      expect(part(el, 'price')!.textContent!.replace(/\s/g, ' ')).to.equal('49 €');
      const slot = part(el, 'slot')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(slot).to.contain('créneau de 4 heures entre 8 h et 20 h');
      expect(slot).to.contain('la veille');
      expect(textOf(el)).to.contain('organisées par secteur');
    });

    it('shows the merchant note of the method', async () => {
      const el = await render('es', policyEs(), { method: 'canarias' });
      expect(part(el, 'note')!.textContent).to.contain('en Canarias es una hora menos');
      expect(part(el, 'price')!.textContent!.replace(/\s/g, ' ')).to.equal('14,95 €');
    });

    it('picks the first method serving the country', async () => {
      const el = await render('en', policyEs(), { country: 'AD' });
      expect(part(el, 'label')!.textContent).to.equal('Delivery to mainland Spain and the Balearic Islands');
    });
  });

  describe('the cutoff', () => {
    /** The cutoff on this machine's clock, as the shopper's browser shows it. */
    const localHour = (iso: string) => new Date(iso).getHours();

    it('leads with the cutoff, then the real time left, and switches to the later window when the cutoff passes', async () => {
      const el = await render('fr');
      const countdown = () => part(el, 'countdown')!.textContent!.replace(/\s+/g, ' ').trim();
      const cutoff = localHour('2026-03-02T14:00:00+01:00');
      expect(countdown()).to.match(
        new RegExp(`^Commandez avant ${cutoff} h \\(dans 2 h( et)? 15 min\\) pour être livré à ces dates\\.$`),
      );
      await clock.tickAsync(60_000);
      await el.updateComplete;
      expect(countdown()).to.match(/2 h( et)? 14 min/);
      // Read when the shopper gets to it, never announced each minute.
      expect(el.shadowRoot!.querySelector('[aria-live], [role="timer"], [role="status"], [role="alert"]')).to.equal(
        null,
      );

      await clock.tickAsync(2 * 3600_000 + 14 * 60_000 + 30_000); // 14:00:00
      await el.updateComplete;
      expect(part(el, 'countdown')).to.equal(null);
      // R = Tue 3 March: earliest 4 delivery days after Tue 3 = Sat 7, latest 6 after Wed 4 = Wed 11.
      expect(timesOf(el)).to.deep.equal(['2026-03-07', '2026-03-11']);
    });

    it('shows no countdown when no cutoff applies today (Saturday)', async () => {
      clock.setSystemTime(new Date('2026-03-07T10:00:00+01:00'));
      const el = await render('en');
      expect(part(el, 'countdown')).to.equal(null);
    });

    it('shows the countdown again once the merchant day changes', async () => {
      clock.setSystemTime(new Date('2026-03-02T23:30:00+01:00'));
      const el = await render('en');
      expect(part(el, 'countdown')).to.equal(null);
      await clock.tickAsync(31 * 60_000); // 00:01 on Tuesday in Paris
      await el.updateComplete;
      expect(part(el, 'countdown')!.textContent).to.match(/13\shr,?\s59\smin/);
    });

    it('uses the merchant zone, whatever the shopper clock zone', async () => {
      // 13:30 in Paris is 07:30 in New York: still before the cutoff, 30 minutes left.
      clock.setSystemTime(new Date('2026-03-02T13:30:00+01:00'));
      const el = await render('en');
      expect(part(el, 'countdown')!.textContent!.trim()).to.match(
        /^Order before \d+(:00)?\s[AP]M \(in 30\smin\) to get these dates\.$/,
      );
    });
  });

  describe('events', () => {
    it('fires policy-ready with the quote it rendered', async () => {
      const el = document.createElement('policy-delivery-window');
      const ready = nextEvent<{ quote: { quoted: { earliest: string } } }>(el, 'policy-ready');
      el.policy = policyFull();
      document.body.append(el);
      expect((await ready).detail.quote.quoted.earliest).to.equal('2026-03-06');
      el.remove();
    });
  });

  describe('honest details', () => {
    it('writes the first of the month "1er" in French', async () => {
      // Monday 23 November 2026: standard quoted earliest = 4 delivery days later = Friday 27, latest Tuesday 1 December.
      clock.setSystemTime(new Date('2026-11-23T10:00:00+01:00'));
      const el = await render('fr');
      expect(part(el, 'window')!.textContent!.replace(/\s+/g, ' ')).to.equal(
        'Livraison estimée entre le vendredi 27 novembre et le mardi 1er décembre',
      );
    });

    it('writes French slot times with minutes as "8 h 30"', async () => {
      const policy = policyFull();
      Object.assign(policy.delivery.methods[1].timeSlot, { from: '08:30', to: '12:30' });
      const el = await render('fr', policy, { method: 'home-delivery' });
      expect(part(el, 'slot')!.textContent!.replace(/\s/g, ' ')).to.contain('entre 8 h 30 et 12 h 30');
    });

    it('leaves no dangling separator when a method has a label but no price', async () => {
      const policy = policyFull();
      delete policy.delivery.methods[0].price;
      const el = await render('en', policy);
      expect(part(el, 'method')!.textContent!.trim()).to.equal('Standard delivery');
    });

    it('never mentions a margin the shop does not add, and names the days without deliveries', async () => {
      const policy = policyFull();
      policy.delivery.methods[0].padding = { min: 0, max: 0 };
      policy.delivery.methods[0].handlingDays = { min: 0, max: 0 };
      policy.delivery.methods[0].transitDays = { min: 3, max: 3 };
      const el = await render('en', policy);
      const why = part(el, 'why')!.textContent!.replace(/\s+/g, ' ');
      expect(why).to.contain('takes 3 days.');
      expect(why).not.to.contain('3 to 3');
      expect(why).not.to.contain('margin');
      // policy-full delivers Monday to Saturday: only Sunday has no deliveries.
      expect(why).to.contain('Public holidays and days without deliveries (Sunday) are not counted.');
    });

    it('a same-day delivery is said in words, never as "0 working days"', async () => {
      const policy = policyFull();
      Object.assign(policy.delivery.methods[0], {
        handlingDays: { min: 0, max: 0 },
        transitDays: { min: 0, max: 0 },
        padding: { min: 0, max: 0 },
      });
      const expected = {
        en: ['Same-day delivery', 'We prepare and deliver your order on the day we receive it.'],
        fr: ['Livraison le jour même', 'Nous préparons et livrons votre commande le jour où nous la recevons.'],
        es: ['Entrega el mismo día', 'Preparamos y entregamos su pedido el mismo día en que lo recibimos.'],
      };
      for (const [lang, [days, why]] of Object.entries(expected)) {
        const el = await render(lang, policy);
        expect(part(el, 'days')!.textContent!.trim(), lang).to.equal(days);
        expect(part(el, 'why')!.textContent!.replace(/\s+/g, ' '), lang).to.contain(why);
        expect(textOf(el), lang).not.to.match(/\b0\b/);
      }
    });
  });

  describe('why a range', () => {
    it('explains the range in a disclosure the shopper can open', async () => {
      const el = await render('fr');
      const details = part(el, 'why') as HTMLDetailsElement;
      expect(details.tagName).to.equal('DETAILS');
      expect(details.querySelector('summary')!.textContent).to.equal('Pourquoi une fourchette\u202f?');
      expect(details.textContent).to.contain(
        'La préparation et l’acheminement de votre commande prennent de 3 à 5 jours.',
      );
      // The days not counted are named.
      expect(details.textContent).to.contain(
        'Les jours fériés et les jours sans livraison (dimanche) ne sont pas comptés.',
      );
    });
  });
});
