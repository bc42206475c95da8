// Shared by every demo page. No inline script on the pages: a page with a strict Content Security
// Policy can load this file as it is.
//
// It runs before the bundle (its <script type="module"> comes first in the page), so what it sets
// is in place when the elements first render.

const params = new URLSearchParams(location.search);

// The shop's own words (names, descriptions, headings, buttons, alt texts) are French only: they
// keep lang="fr" when a shopper picks another language for the policies, so that a screen reader
// still reads them as French (WCAG 3.1.2). Marked once the page's scripts have written their text
// too. A real shop that translates its pages needs none of this.
const shopLanguage = document.documentElement.lang;
function markShopText() {
  const isPolicy = (el) => el.localName.startsWith('policy-');
  const holdsPolicy = (el) => isPolicy(el) || [...el.querySelectorAll('*')].some(isPolicy);
  const insidePolicy = (el) => !!el && (isPolicy(el) || insidePolicy(el.parentElement));
  // Already marked, or the language switch itself (its buttons say their own language).
  const skip = (el) => !!el.closest('script, style, .languages') || el.closest('[lang]') !== document.documentElement;
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const marked = new Set();
  const wrap = [];
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const parent = node.parentElement;
    if (!node.data.trim() || skip(parent) || insidePolicy(parent)) continue;
    if (holdsPolicy(parent)) wrap.push(node);
    else marked.add(parent);
  }
  for (const el of document.body.querySelectorAll('[alt], [aria-label]'))
    if (!holdsPolicy(el) && !skip(el)) marked.add(el);
  for (const el of marked) el.lang = shopLanguage;
  for (const node of wrap) {
    const span = Object.assign(document.createElement('span'), { lang: shopLanguage });
    node.replaceWith(span);
    span.append(node);
  }
}
document.addEventListener('DOMContentLoaded', markShopText);

// The language switch: one tap sets <html lang>, which every element follows at once.
const buttons = document.querySelectorAll('[data-lang]');
function choose(lang) {
  document.documentElement.lang = lang;
  for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
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
