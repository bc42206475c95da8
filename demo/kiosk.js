// ?lang=es starts the tablet in Spanish, as a tap on ES would (for screenshots and tries).
const lang = new URLSearchParams(location.search).get('lang');
if (lang) customElements.whenDefined('policy-kiosk').then(() => document.querySelector('policy-kiosk').choose(lang));

// Offline: a service worker keeps the page, the bundle and the policy (see kiosk-sw.js).
navigator.serviceWorker
  ?.register('kiosk-sw.js', { scope: './kiosk' })
  .catch((e) => console.warn('The kiosk will not work offline:', e));
