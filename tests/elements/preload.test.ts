/**
 * The README tells shops to start the policy's download before the bundle has run, with
 * `<link rel="preload" href="policy.json" as="fetch" crossorigin>`. That only pays if the element's
 * own fetch takes the preloaded response: a request that differs from the preload (another mode,
 * other credentials) downloads the file a second time and waits for it. Each test counts the
 * requests for the policy's URL in the page's resource timing entries, which list one entry per
 * request that reached the network, in Chromium and in Firefox alike (checked against a server's
 * own count: a fetch with `credentials: 'include'` after the same preload gives two, in both).
 */
import { expect } from '@open-wc/testing';
import '../../src/define/index.js';
import { nextEvent, timesOf } from './helpers.js';

const FIXTURE = '/tests/fixtures/examples/policy-full.json';

/** A URL no other test (nor the element's one-fetch-per-URL cache) has seen. */
const fresh = (path: string) => {
  const url = new URL(path, location.href);
  url.searchParams.set('preload-test', crypto.randomUUID());
  return url.href;
};

/** `<link rel="preload" as="fetch" crossorigin>` for `href`, as the README writes it; resolves once it is in the document. */
function preload(href: string) {
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href });
  link.setAttribute('crossorigin', '');
  const loaded = new Promise<void>((resolve, reject) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => reject(new Error(`preload of ${href} failed`)));
  });
  document.head.append(link);
  return { link, loaded };
}

/** How many requests for `url` reached the network. */
const requestsFor = (url: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name === url).length;

function deliveryWindow(src: string) {
  const el = document.createElement('policy-delivery-window');
  el.lang = 'en';
  el.setAttribute('method', 'home-delivery');
  el.src = src;
  return el;
}

describe('a preloaded policy', () => {
  const cleanup: Element[] = [];
  afterEach(() => cleanup.splice(0).forEach((el) => el.remove()));

  it('is fetched once: the element takes the response the preload already has', async () => {
    const url = fresh(FIXTURE);
    const { link, loaded } = preload(url);
    cleanup.push(link);
    await loaded;
    expect(requestsFor(url)).to.equal(1);

    const el = deliveryWindow(url);
    cleanup.push(el);
    const ready = nextEvent(el, 'policy-ready');
    document.body.append(el);
    await ready;
    expect(timesOf(el)).to.have.length(2);
    expect(requestsFor(url)).to.equal(1);
  });

  it('is fetched once when the element asks while the preload is still downloading', async () => {
    // The policy arrives 400 ms late: the element's fetch starts long before the preload ends.
    const url = fresh(`/__test/slow?ms=400&file=${encodeURIComponent(FIXTURE)}`);
    const { link, loaded } = preload(url);
    cleanup.push(link);
    const els = [deliveryWindow(url), deliveryWindow(url)];
    cleanup.push(...els);
    const ready = els.map((el) => nextEvent(el, 'policy-ready'));
    document.body.append(...els);
    await Promise.all([loaded, ...ready]);
    for (const el of els) expect(timesOf(el)).to.have.length(2);
    expect(requestsFor(url)).to.equal(1);
  });

  it('is found by the URL the element resolves: a relative src, as the README writes it', async () => {
    const url = fresh(FIXTURE);
    const relative = url.slice(location.origin.length);
    const { link, loaded } = preload(relative);
    cleanup.push(link);
    await loaded;
    const el = deliveryWindow(relative);
    cleanup.push(el);
    const ready = nextEvent(el, 'policy-ready');
    document.body.append(el);
    await ready;
    expect(timesOf(el)).to.have.length(2);
    expect(requestsFor(url)).to.equal(1);
  });
});
