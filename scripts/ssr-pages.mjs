/**
 * The demo server's server-rendered pages (issue 14), made per request with the current instant by
 * `policy-explainer/server` (the built dist/npm/server.js, loaded on the first such request):
 *
 *   /demo/index-ssr.html?lang=es   the product page (demo/index.html) with each policy element
 *                                  rendered on the server: the dates are in the HTML, and shown
 *                                  with JavaScript off. Each element carries the policy inline
 *                                  (its `src` stays, unused): with JavaScript on, it takes the
 *                                  server's HTML over as it is (Lit's hydration), fetching
 *                                  nothing, then corrects it at once if the day has moved on.
 *   /demo/email.html?lang=es       an e-mail preview: an order's confirmation and its delivery
 *                                  notice, as `renderStaticHtml` and `renderText` give them.
 *
 * `?lang=` (fr, es, en; default fr) is the language the elements are rendered in. The product
 * page's own words stay in French in its HTML (demo.js translates them, as on every demo page);
 * the elements are rendered without their own `lang`, so that they follow `<html lang>` once the
 * page's script runs. `?mark` (for the bench) adds an inline script right after the first element
 * showing dates, which notes when the parser got there (`window.__firstDates`).
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const demo = new URL('../demo/', import.meta.url);
const LANGUAGES = ['fr', 'es', 'en'];
export const PRODUCT_PATH = '/demo/index-ssr.html';
export const EMAIL_PATH = '/demo/email.html';

/** The server entry, imported once: Lit and its server renderer load only for these pages. */
let server;
const serverEntry = () => (server ??= import('../dist/npm/server.js'));

const readPolicy = () => JSON.parse(readFileSync(new URL('policy.json', demo), 'utf8'));

const escapeHtml = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const unescapeHtml = (s) =>
  s.replace(/&(amp|lt|gt|quot);/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name]);

/** A policy element of demo/index.html, empty as the page writes them: `<policy-x a="b"></policy-x>`. */
const ELEMENT = /<(policy-[a-z-]+)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*><\/\1>/g;

/** The attributes of a tag's attribute list, values unescaped (`true` for a bare one). */
function attributesOf(list) {
  const attributes = {};
  for (const [, name, value] of list.matchAll(/([a-z][a-z0-9-]*)(?:="([^"]*)")?/g))
    attributes[name] = value === undefined ? true : unescapeHtml(value);
  return attributes;
}

/**
 * The product page, its policy elements rendered on the server in `lang` at `now`. Each element
 * is rendered with its attributes, `src` included, and without `lang` on its tag.
 */
export async function productPage({ lang = 'fr', now = Date.now(), mark = false } = {}) {
  const { renderElement } = await serverEntry();
  const policy = readPolicy();
  const source = readFileSync(new URL('index.html', demo), 'utf8');
  const rendered = new Map();
  for (const [tag, element, list] of source.matchAll(ELEMENT)) {
    const html = await renderElement({ element, policy, attributes: attributesOf(list), lang, now });
    // The element follows the page's language, as the one on the product page does.
    rendered.set(tag, html.replace(/^(<[a-z-]+[^>]*?) lang="[^"]*"/, '$1'));
  }
  let marked = !mark;
  let page = source.replace(ELEMENT, (tag) => {
    const html = rendered.get(tag);
    if (marked || !html.includes('<time')) return html;
    marked = true;
    return `${html}<script>window.__firstDates = performance.now()</script>`;
  });
  // The policy is in the page: nothing to preload.
  page = page.replace(/\n\s*<!--[^>]*-->\n\s*<link rel="preload" href="policy.json"[^>]*>/, '');
  const stamp = `<!-- Rendered on the server at ${new Date(now).toISOString()}, in ${lang}: policy-explainer/server. -->`;
  return page.replace('<head>', `<head>\n    ${stamp}`);
}

/** The preview page's own words; the messages' policy text comes from the elements' strings. */
const WORDS = {
  fr: {
    title: 'Aperçu des e-mails — Maison Dupont',
    heading: 'Aperçu des e-mails d’une commande',
    intro:
      'Ce que la boutique envoie, rendu sur le serveur à l’instant : du HTML simple (styles en ligne, ni script ni élément personnalisé) et sa version texte.',
    confirmation: 'Confirmation de votre commande n° 2026-0412',
    confirmationLead: 'Bonjour Claire, merci pour votre commande de la chaise de douche « Sereno ».',
    delivered: 'Votre commande n° 2026-0412 a été livrée',
    deliveredLead: 'Bonjour Claire, votre chaise de douche « Sereno » a été livrée aujourd’hui.',
    text: 'Version texte',
    languages: 'Langue',
  },
  es: {
    title: 'Vista previa de los correos — Maison Dupont',
    heading: 'Vista previa de los correos de un pedido',
    intro:
      'Lo que envía la tienda, generado en el servidor ahora mismo: HTML sencillo (estilos en línea, sin script ni elemento personalizado) y su versión de texto.',
    confirmation: 'Confirmación de su pedido n.º 2026-0412',
    confirmationLead: 'Hola, Claire: gracias por su pedido de la silla de ducha «Sereno».',
    delivered: 'Su pedido n.º 2026-0412 ha sido entregado',
    deliveredLead: 'Hola, Claire: su silla de ducha «Sereno» se ha entregado hoy.',
    text: 'Versión de texto',
    languages: 'Idioma',
  },
  en: {
    title: 'E-mail preview — Maison Dupont',
    heading: 'The e-mails of an order, previewed',
    intro:
      'What the shop sends, rendered on the server just now: plain HTML (inline styles, no script, no custom element) and its text version.',
    confirmation: 'Your order no. 2026-0412 is confirmed',
    confirmationLead: 'Hello Claire, thank you for ordering the “Sereno” shower chair.',
    delivered: 'Your order no. 2026-0412 has been delivered',
    deliveredLead: 'Hello Claire, your “Sereno” shower chair was delivered today.',
    text: 'Text version',
    languages: 'Language',
  },
};
const NAMES = { fr: 'Français', es: 'Español', en: 'English' };

/**
 * The e-mail preview: the confirmation of an order placed ten minutes before `now` (its delivery
 * window and cancellation terms) and the notice of its delivery today (the return deadline), each
 * as its HTML part and its text part.
 */
export async function emailPage({ lang = 'fr', now = Date.now() } = {}) {
  const { renderStaticHtml, renderText } = await serverEntry();
  const policy = readPolicy();
  const words = WORDS[lang];
  const orderedAt = new Date(now - 10 * 60_000).toISOString();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: policy.merchant.timeZone }).format(now);
  const messages = [
    {
      subject: words.confirmation,
      lead: words.confirmationLead,
      element: {
        element: 'policy-summary',
        attributes: {
          sections: 'delivery cancellation',
          method: 'standard',
          'ordered-at': orderedAt,
          'heading-level': 3,
        },
      },
    },
    {
      subject: words.delivered,
      lead: words.deliveredLead,
      element: { element: 'policy-returns', attributes: { 'delivered-on': today } },
    },
  ];
  const box = 'max-width:36em;margin:0 0 2em;padding:1em 1.25em;border:1px solid #cccccc;background:#ffffff';
  let body = '';
  for (const { subject, lead, element } of messages) {
    const options = { ...element, policy, lang, now };
    const [html, text] = await Promise.all([renderStaticHtml(options), renderText(options)]);
    body += `
    <article style="${box}">
      <h2 style="font-size:1.2em;margin:0 0 0.75em">${escapeHtml(subject)}</h2>
      <p>${escapeHtml(lead)}</p>
      ${html}
      <details>
        <summary>${escapeHtml(words.text)}</summary>
        <pre style="white-space:pre-wrap;font-size:0.9em">${escapeHtml(text.trim())}</pre>
      </details>
    </article>`;
  }
  const links = LANGUAGES.map(
    (l) =>
      `<a href="?lang=${l}" hreflang="${l}" lang="${l}"${l === lang ? ' aria-current="page"' : ''}>${NAMES[l]}</a>`,
  ).join(' · ');
  return `<!DOCTYPE html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(words.title)}</title>
  </head>
  <body style="margin:0;padding:1em;font-family:Arial,Helvetica,sans-serif;line-height:1.45;color:#222222;background:#f4f4f4">
    <h1 style="font-size:1.4em">${escapeHtml(words.heading)}</h1>
    <p style="max-width:36em">${escapeHtml(words.intro)}</p>
    <nav aria-label="${escapeHtml(words.languages)}"><p>${links}</p></nav>
    <main>${body}
    </main>
  </body>
</html>
`;
}

/**
 * Answers the server-rendered pages; true when `path` is one of them. The page is made anew for
 * each request, with the instant of the request, and never cached; sent compressed as the
 * server's files are, in the encoding `chooseEncoding` picks from the request's Accept-Encoding.
 */
export function handleSsrPage(req, res, path, chooseEncoding = () => undefined) {
  if (path !== PRODUCT_PATH && path !== EMAIL_PATH) return false;
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const asked = query.get('lang');
  const lang = LANGUAGES.includes(asked) ? asked : 'fr';
  const made = path === PRODUCT_PATH ? productPage({ lang, mark: query.has('mark') }) : emailPage({ lang });
  made.then(
    (html) => {
      const encoding = chooseEncoding(req.headers['accept-encoding']);
      const body =
        encoding === 'br'
          ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
          : encoding === 'gzip'
            ? gzipSync(html, { level: 6 })
            : html;
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        vary: 'Accept-Encoding',
        ...(encoding && { 'content-encoding': encoding }),
      });
      res.end(body);
    },
    (e) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The page could not be rendered (is the package built? npm run build): ${e.message}`);
    },
  );
  return true;
}
