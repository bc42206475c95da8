// The language switch of the demo: one tap sets <html lang>, which every element follows.
const initial = new URLSearchParams(location.search).get('lang');
const buttons = document.querySelectorAll('[data-lang]');
function choose(lang) {
  document.documentElement.lang = lang;
  for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
}
for (const b of buttons) b.addEventListener('click', () => choose(b.dataset.lang));
if (initial) choose(initial);
