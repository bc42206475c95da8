// Shared by every demo page. No inline script on the pages: a page with a strict Content Security
// Policy can load this file as it is.
//
// It runs before the bundle (its <script type="module"> comes first in the page), so what it sets
// is in place when the elements first render.

const params = new URLSearchParams(location.search);

// The language switch: one tap sets <html lang>, which every element follows at once.
const buttons = document.querySelectorAll('[data-lang]');
function choose(lang) {
  document.documentElement.lang = lang;
  for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
}
for (const b of buttons) b.addEventListener('click', () => choose(b.dataset.lang));
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
