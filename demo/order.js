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

// The page's own copy is in French.
const ordered = document.getElementById('ordered-on');
ordered.dateTime = orderedAt.toISOString();
ordered.textContent = new Intl.DateTimeFormat('fr-FR', {
  timeZone: zone,
  dateStyle: 'long',
  timeStyle: 'short',
}).format(orderedAt);
const deliveredOn = document.getElementById('delivered-on');
deliveredOn.dateTime = parisDate(delivered);
deliveredOn.textContent = new Intl.DateTimeFormat('fr-FR', {
  timeZone: zone,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
}).format(delivered);

// The delivery method chosen in the cart (checkout.html sends ?livraison=).
if (new URLSearchParams(location.search).get('livraison') === 'home-delivery') {
  document.getElementById('shipping-method').textContent = 'Livraison à domicile avec installation, 49,00 €';
  document.getElementById('shipping').textContent = '49,00 €';
  document.getElementById('grand-total').textContent = '267,70 €';
}
