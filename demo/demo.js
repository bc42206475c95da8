// Shared by every demo page. No inline script on the pages: a page with a strict Content Security
// Policy can load this file as it is.
//
// It runs before the bundle (its <script type="module"> comes first in the page), so what it sets
// is in place when the elements first render.

const params = new URLSearchParams(location.search);

// The shop's own words (headings, buttons, descriptions, footer, alt texts, the page title) in
// the three languages: French is what the page says in its HTML; each entry gives Spanish and
// English. The switch below puts them in the language chosen, with <html lang>, so that a screen
// reader reads them in that language. Names (the shop's, a street's) stay as they are. A text
// written by a page's own script (a date, a total) is marked data-live and written by that script
// in the language given to onLanguage().
const NAMES = new Set([
  'Maison Dupont',
  'Atelier Noir',
  'Pharmacie des Tilleuls',
  'Claire Martin, 8 rue des Tilleuls, 69003 Lyon',
  'service@maison-dupont.example',
  'Langue · Idioma · Language',
]);
/** French → [Spanish, English], keyed by the French with its spaces collapsed. */
const TEXTS = {
  // Every page
  'Aller au contenu': ['Ir al contenido', 'Skip to content'],
  'Mobilier & Confort à domicile': ['Muebles y confort en casa', 'Furniture & Home Care'],
  'Pages de la démonstration': ['Páginas de la demostración', 'Demo pages'],
  Produit: ['Producto', 'Product'],
  Panier: ['Cesta', 'Cart'],
  Commande: ['Pedido', 'Order'],
  Thèmes: ['Temas', 'Themes'],
  'Maison Dupont — Mobilier & Confort à domicile · Service client du lundi au vendredi, de 9 h à 18 h.': [
    'Maison Dupont — Muebles y confort en casa · Atención al cliente de lunes a viernes, de 9:00 a 18:00.',
    'Maison Dupont — Furniture & Home Care · Customer service Monday to Friday, 9 am to 6 pm.',
  ],
  'Conditions générales de vente': ['Condiciones generales de venta', 'Terms and conditions of sale'],
  '· Boutique de démonstration de': ['· Tienda de demostración de', '· A demo shop for'],
  '— aucun achat n’est possible.': ['— no se puede comprar nada.', '— nothing can be bought.'],
  // The product page
  'Chaise de douche pivotante « Sereno » — Maison Dupont': [
    'Silla de ducha giratoria «Sereno» — Maison Dupont',
    '“Sereno” swivel shower chair — Maison Dupont',
  ],
  'La chaise de douche Sereno : assise blanche pivotante, dossier, accoudoirs et pieds réglables antidérapants.': [
    'La silla de ducha Sereno: asiento blanco giratorio, respaldo, reposabrazos y patas regulables antideslizantes.',
    'The Sereno shower chair: white swivel seat, backrest, armrests and adjustable non-slip legs.',
  ],
  'Salle de bain · Aides à la toilette': ['Baño · Ayudas para el aseo', 'Bathroom · Bathing aids'],
  'Chaise de douche pivotante « Sereno »': ['Silla de ducha giratoria «Sereno»', '“Sereno” swivel shower chair'],
  'Une assise qui pivote sur 360° pour entrer et sortir de la douche sans effort. Hauteur réglable de 42 à 55 cm, accoudoirs relevables, pieds antidérapants. Supporte jusqu’à 136 kg.':
    [
      'Un asiento que gira 360° para entrar y salir de la ducha sin esfuerzo. Altura regulable de 42 a 55\u00a0cm, reposabrazos abatibles, patas antideslizantes. Soporta hasta 136\u00a0kg.',
      'A seat that swivels through 360° to get in and out of the shower with ease. Height adjustable from 42 to 55\u00a0cm, flip-up armrests, non-slip feet. Holds up to 136\u00a0kg.',
    ],
  'Ajouter au panier': ['Añadir a la cesta', 'Add to cart'],
  'En stock, expédiée depuis Lyon': ['En stock, enviada desde Lyon', 'In stock, ships from Lyon'],
  Livraison: ['Entrega', 'Delivery'],
  Retours: ['Devoluciones', 'Returns'],
  'Nos conditions en détail': ['Nuestras condiciones en detalle', 'Our policies in full'],
  // The cart
  'Votre panier — Maison Dupont': ['Su cesta — Maison Dupont', 'Your cart — Maison Dupont'],
  'Votre panier': ['Su cesta', 'Your cart'],
  'Vos articles': ['Sus artículos', 'Your items'],
  'Quantité : 1': ['Cantidad: 1', 'Quantity: 1'],
  'Barre d’appui murale en inox, 45 cm': [
    'Barra de apoyo de pared en acero inoxidable, 45\u00a0cm',
    'Stainless steel wall grab bar, 45\u00a0cm',
  ],
  'Quantité : 2 × 24,90 €': ['Cantidad: 2 × 24,90\u00a0€', 'Quantity: 2 × €24.90'],
  'Coussin d’assise à mémoire de forme': ['Cojín de asiento viscoelástico', 'Memory foam seat cushion'],
  'Choisissez votre mode de livraison': ['Elija el modo de entrega', 'Choose how it is delivered'],
  'Livraison standard': ['Envío estándar', 'Standard delivery'],
  'Offerte · à votre adresse, en France et à Monaco': [
    'Gratis · en su dirección, en Francia y Mónaco',
    'Free · to your address, in France and Monaco',
  ],
  'Livraison à domicile avec installation': ['Entrega a domicilio con instalación', 'Home delivery with set-up'],
  '49,00 € · sur un créneau de 4 heures, en France': [
    '49,00\u00a0€ · en una franja de 4 horas, en Francia',
    '€49.00 · in a 4-hour time slot, in France',
  ],
  'Avant de valider': ['Antes de confirmar', 'Before you order'],
  'Nos conditions, en toute transparence :': [
    'Nuestras condiciones, con total transparencia:',
    'Our policies, in plain words:',
  ],
  Récapitulatif: ['Resumen', 'Summary'],
  'Sous-total': ['Subtotal', 'Subtotal'],
  Offerte: ['Gratis', 'Free'],
  'Total TTC': ['Total (IVA incluido)', 'Total (VAT included)'],
  'Valider ma commande': ['Confirmar mi pedido', 'Place my order'],
  'Paiement sécurisé. Vous pourrez encore annuler votre commande après l’avoir validée.': [
    'Pago seguro. Podrá anular su pedido incluso después de confirmarlo.',
    'Secure payment. You can still cancel your order after placing it.',
  ],
  // The confirmation
  'Merci pour votre commande — Maison Dupont': [
    'Gracias por su pedido — Maison Dupont',
    'Thank you for your order — Maison Dupont',
  ],
  'Merci pour votre commande !': ['¡Gracias por su pedido!', 'Thank you for your order!'],
  'Nous l’avons bien reçue et la préparons avec soin. Un e-mail de confirmation vient de vous être envoyé.': [
    'Lo hemos recibido y lo estamos preparando con esmero. Acabamos de enviarle un correo electrónico de confirmación.',
    'We have received it and are preparing it with care. A confirmation email is on its way to you.',
  ],
  'n° MD-248163': ['n.º MD-248163', 'No. MD-248163'],
  'Passée le': ['Realizado el', 'Placed on'],
  Adresse: ['Dirección', 'Address'],
  'Votre commande': ['Su pedido', 'Your order'],
  'Total payé': ['Total pagado', 'Total paid'],
  'Vous avez changé d’avis ?': ['¿Ha cambiado de opinión?', 'Changed your mind?'],
  'Vous rétracter de cette commande': ['Desistir de este pedido', 'Withdraw from this order'],
  'Pour nous joindre': ['Cómo contactarnos', 'How to reach us'],
  'En magasin : 12 quai Saint-Antoine, 69002 Lyon': [
    'En tienda: 12 quai Saint-Antoine, 69002 Lyon',
    'In store: 12 quai Saint-Antoine, 69002 Lyon',
  ],
  'Du lundi au vendredi, de 9 h à 18 h': ['De lunes a viernes, de 9:00 a 18:00', 'Monday to Friday, 9 am to 6 pm'],
  'Il vous suffit de nous donner votre numéro de commande, MD-248163.': [
    'Solo tiene que indicarnos su número de pedido, MD-248163.',
    'Just give us your order number, MD-248163.',
  ],
  'Votre commande précédente': ['Su pedido anterior', 'Your previous order'],
  'Fauteuil releveur électrique « Alba »': ['Sillón elevador eléctrico «Alba»', '“Alba” electric riser recliner'],
  'Commande n° MD-247902 · livrée le': ['Pedido n.º MD-247902 · entregado el', 'Order No. MD-247902 · delivered on'],
  'Si le fauteuil ne vous convient pas': ['Si el sillón no le convence', 'If the chair does not suit you'],
  // Two shops
  'Un produit, deux boutiques — Maison Dupont': [
    'Un producto, dos tiendas — Maison Dupont',
    'One product, two shops — Maison Dupont',
  ],
  'Un produit, deux boutiques': ['Un producto, dos tiendas', 'One product, two shops'],
  'Deux boutiques imaginaires présentent notre chaise avec les mêmes éléments et le même fichier de conditions. Seul le style change, et uniquement par les propriétés':
    [
      'Dos tiendas imaginarias presentan nuestra silla con los mismos elementos y el mismo archivo de condiciones. Solo cambia el estilo, y únicamente mediante las propiedades',
      'Two imaginary shops show our chair with the same elements and the same policy file. Only the style changes, and only through the',
    ],
  et: ['y', 'properties and'],
  '(voir': ['(véase', '(see'],
  '). Les deux suivent aussi le mode sombre de votre appareil.': [
    '). Las dos siguen también el modo oscuro de su dispositivo.',
    '). Both also follow your device’s dark mode.',
  ],
  'La chaise de douche Sereno.': ['La silla de ducha Sereno.', 'The Sereno shower chair.'],
  'Chaise de douche « Sereno »': ['Silla de ducha «Sereno»', '“Sereno” shower chair'],
};
const LANGUAGES = ['fr', 'es', 'en'];
const collapse = (text) => text.replace(/\s+/g, ' ').trim();
/** Prices as the page writes them in French ("129,00 €"), in the language shown. */
const PRICE = /^(\d+),(\d\d)\s€$/;

/** The French text in `lang`; undefined when the page has no translation for it. */
export function say(french, lang = document.documentElement.lang) {
  const key = collapse(french);
  if (lang === 'fr' || NAMES.has(key)) return french;
  const price = PRICE.exec(key);
  if (price) return money(Number(`${price[1]}.${price[2]}`), lang);
  const texts = TEXTS[key];
  if (!texts) return undefined;
  const [before, after] = [/^\s*/.exec(french)[0], /\s*$/.exec(french)[0]];
  return before + texts[LANGUAGES.indexOf(lang) - 1] + after;
}

/** An amount in euros, in `lang`: 129,00 € in French and Spanish, €129.00 in English. */
export function money(amount, lang = document.documentElement.lang) {
  return new Intl.NumberFormat(lang === 'en' ? 'en-IE' : lang, { style: 'currency', currency: 'EUR' }).format(amount);
}

/** Each text and attribute's French, kept from the page as first written. */
const french = new WeakMap();
const frenchAttributes = new WeakMap();
let frenchTitle;
/** What the page has no translation for, for the developer's console (and scripts/check-pages.mjs). */
const untranslated = new Set();

function translatePage(lang) {
  const put = (original) => {
    const text = say(original, lang);
    if (text === undefined) {
      if (!untranslated.has(original))
        console.warn(`demo.js: no ${lang} text for ${JSON.stringify(collapse(original))}`);
      untranslated.add(original);
      return original;
    }
    return text;
  };
  // Not the elements (they follow <html lang> themselves), not the switch, not a script's text.
  const skip = (el) => !!el.closest('script, style, code, .languages, [data-live]') || el.localName.includes('-');
  const insidePolicy = (el) => !!el && (el.localName.startsWith('policy-') || insidePolicy(el.parentElement));
  frenchTitle ??= document.title;
  document.title = put(frenchTitle);
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const parent = node.parentElement;
    if (!node.data.trim() || skip(parent) || insidePolicy(parent)) continue;
    if (!french.has(node)) french.set(node, node.data);
    node.data = put(french.get(node));
  }
  for (const el of document.body.querySelectorAll('[alt], [aria-label]')) {
    if (skip(el) || insidePolicy(el)) continue;
    if (!frenchAttributes.has(el))
      frenchAttributes.set(el, { alt: el.getAttribute('alt'), 'aria-label': el.getAttribute('aria-label') });
    for (const [name, value] of Object.entries(frenchAttributes.get(el))) if (value) el.setAttribute(name, put(value));
  }
}

/** Run by a page's own script to write its texts (data-live) now and after each change of language. */
const renderers = [];
export function onLanguage(render) {
  renderers.push(render);
  render(document.documentElement.lang);
}

// The language switch: one tap sets <html lang>, which every element follows at once, and puts
// the page's own text in that language.
const buttons = document.querySelectorAll('[data-lang]');
function choose(lang) {
  document.documentElement.lang = lang;
  for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  translatePage(lang);
  for (const render of renderers) render(lang);
}
for (const b of buttons) {
  // Each button says its own language: "ES" is read as Spanish whatever the page's language.
  b.lang = b.dataset.lang;
  b.addEventListener('click', () => choose(b.dataset.lang));
}
const initial = params.get('lang');
if (initial && [...buttons].some((b) => b.dataset.lang === initial)) choose(initial);

// `?policy=/__slow?ms=2000%26file=/demo/policy.json`: every element fetches its policy from that
// address instead, to see the page over a slow connection (scripts/cls.mjs measures it). Only a
// path on this server is accepted.
const policy = params.get('policy');
if (policy && /^\/(?!\/)/.test(policy)) {
  for (const el of document.querySelectorAll('[src="policy.json"]')) el.setAttribute('src', policy);
}

// Keep the ?lang= of the page when following a link to another demo page.
document.addEventListener('click', (e) => {
  const link = e.target instanceof Element && e.target.closest('a[href$=".html"], a[href="./"]');
  if (!link || link.origin !== location.origin) return;
  const url = new URL(link.href);
  url.searchParams.set('lang', document.documentElement.lang);
  link.href = url.href;
});
