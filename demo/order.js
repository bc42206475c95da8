import { money, onLanguage, say } from './demo.js';

// The confirmation page of an order placed an hour ago, and of the previous order, delivered
// three days ago: their dates are computed from today, so that the deadlines shown are real.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const zone = 'Europe/Paris';

/** The date in Paris, YYYY-MM-DD. */
const parisDate = (instant) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(instant);

const orderedAt = new Date(Date.now() - HOUR);
// Delivered three days ago; the shop delivers Monday to Saturday, so a Sunday becomes the Saturday.
let delivered = new Date(Date.now() - 3 * DAY);
if (new Intl.DateTimeFormat('en', { timeZone: zone, weekday: 'short' }).format(delivered) === 'Sun') {
  delivered = new Date(delivered.getTime() - DAY);
}

document.getElementById('cancellation').setAttribute('ordered-at', orderedAt.toISOString());
document.getElementById('returns').setAttribute('delivered-on', parisDate(delivered));

// The page's own text, in the language shown (these are marked data-live: demo.js leaves them here).
const home = new URLSearchParams(location.search).get('livraison') === 'home-delivery';
onLanguage((lang) => {
  const ordered = document.getElementById('ordered-on');
  ordered.dateTime = orderedAt.toISOString();
  ordered.textContent = new Intl.DateTimeFormat(lang, { timeZone: zone, dateStyle: 'long', timeStyle: 'short' }).format(
    orderedAt,
  );
  const deliveredOn = document.getElementById('delivered-on');
  deliveredOn.dateTime = parisDate(delivered);
  deliveredOn.textContent = new Intl.DateTimeFormat(lang, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(delivered);
  // The delivery method chosen in the cart (checkout.html sends ?livraison=).
  document.getElementById('shipping-method').textContent = home
    ? `${say('Livraison à domicile avec installation')}, ${money(49)}`
    : { fr: 'Livraison standard, offerte', es: 'Envío estándar, gratis', en: 'Standard delivery, free' }[lang];
  document.getElementById('shipping').textContent = home ? money(49) : say('Offerte');
  document.getElementById('grand-total').textContent = money(home ? 267.7 : 218.7);
});
