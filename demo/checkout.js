// The cart: the delivery method chosen with the radio buttons is the one the delivery window
// quotes (its `method` attribute), the one the summary quotes, and the one in the total.

import { money, onLanguage, say } from './demo.js';

const SUBTOTAL = 218.7;

const form = document.querySelector('.checkout-grid');
const estimate = document.getElementById('estimate');
const summary = document.getElementById('summary');
const shipping = document.getElementById('shipping');
const total = document.getElementById('grand-total');

function show(radio) {
  estimate.setAttribute('method', radio.value);
  summary.setAttribute('method', radio.value);
  const price = Number(radio.dataset.price);
  // In the language shown (these two are marked data-live: demo.js leaves them to this script).
  shipping.textContent = price ? money(price) : say('Offerte');
  total.textContent = money(SUBTOTAL + price);
}

for (const radio of form.elements.livraison) radio.addEventListener('change', () => show(radio));
// A page shown again (the back button) may have kept another choice than the one in the HTML.
addEventListener('pageshow', () => show(form.querySelector('[name="livraison"]:checked')));
onLanguage(() => show(form.querySelector('[name="livraison"]:checked')));

// Keep the page's language on the confirmation page.
form.addEventListener('submit', () => {
  let lang = form.querySelector('input[name="lang"]');
  if (!lang) {
    lang = Object.assign(document.createElement('input'), { type: 'hidden', name: 'lang' });
    form.append(lang);
  }
  lang.value = document.documentElement.lang;
});
