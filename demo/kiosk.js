// ?lang=es starts the tablet in Spanish, as a tap on ES would (for screenshots and tries).
const lang = new URLSearchParams(location.search).get('lang');
if (lang) customElements.whenDefined('policy-kiosk').then(() => document.querySelector('policy-kiosk').choose(lang));
