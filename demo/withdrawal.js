// The order page's withdrawal function (<policy-withdrawal>) posts to the demo server's endpoint
// (scripts/withdrawal-endpoint.mjs). policy.json names it on npm start's default port; a page served
// from another port of this machine gets the policy with its own server's endpoint instead.
// ?retractation=indisponible points it at the endpoint that always fails, to show what a shopper
// sees then: the form kept filled, and the shop's e-mail address.

const element = document.getElementById('withdrawal');
const unavailable = new URLSearchParams(location.search).get('retractation') === 'indisponible';
const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
const path = unavailable ? '/api/withdrawal/unavailable' : '/api/withdrawal';
const endpoint = loopback || location.protocol === 'https:' ? new URL(path, location.origin).href : undefined;

if (element && endpoint && endpoint !== 'http://localhost:8000/api/withdrawal') {
  // The preloaded policy.json: the same response the other elements take.
  fetch('policy.json')
    .then((response) => response.json())
    .then((policy) => {
      element.policy = { ...policy, withdrawal: { ...policy.withdrawal, endpoint } };
    })
    .catch(() => {
      // The element still has src: it shows the policy's own endpoint, or its fallback.
    });
}
