import type { ReactiveController, ReactiveElement } from 'lit';
import { ALL_PARTS, partsOf } from './languages.js';
import { languageOf, onStringsChange, type Language } from './localize.js';

/**
 * The roots a connected element's language may come from (its document, and the shadow root of
 * each component around it), each with one observer of `lang` and the elements that depend on it.
 * A mutation observer does not see into shadow roots: each one on the way must be watched itself.
 */
const watched = new Map<Node, { observer: MutationObserver; hosts: Set<ReactiveElement> }>();
const connected = new Set<ReactiveElement>();
let listening = false;
const refreshAll = () => connected.forEach((host) => host.requestUpdate());

/** The element's root, its host's root, and so on out to the document. */
function rootsAround(el: Node): Node[] {
  const roots: Node[] = [];
  for (let root: Node | undefined = el.getRootNode(); root; root = (root as ShadowRoot).host?.getRootNode())
    roots.push(root);
  return roots;
}

/**
 * Keeps an element in its language: the nearest `lang` from the element outwards, crossing shadow
 * roots (see `languageOf`). The element renders again when a `lang` changes on it or any ancestor,
 * when it is moved (its new place may speak another language), when strings are added at run time,
 * and when the browser's language changes. Its own `lang` is seen by the element itself, at once.
 */
export class LanguageController implements ReactiveController {
  private roots: Node[] = [];

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /**
   * The language to render in, read now; undefined while its strings are on their way: the parts
   * its element shows words from, all of them for one of ours under a name of the page's own.
   */
  get current(): Language | undefined {
    return languageOf(this.host, partsOf[this.host.localName] ?? ALL_PARTS);
  }

  hostConnected() {
    if (!listening) {
      listening = true;
      onStringsChange(refreshAll);
      addEventListener('languagechange', refreshAll);
    }
    connected.add(this.host);
    this.roots = rootsAround(this.host);
    for (const root of this.roots) {
      let entry = watched.get(root);
      if (!entry) {
        const hosts = new Set<ReactiveElement>();
        const observer = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
        observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
        watched.set(root, (entry = { observer, hosts }));
      }
      entry.hosts.add(this.host);
    }
    this.host.requestUpdate();
  }

  hostDisconnected() {
    connected.delete(this.host);
    for (const root of this.roots) {
      const entry = watched.get(root);
      entry?.hosts.delete(this.host);
      if (entry && !entry.hosts.size) {
        entry.observer.disconnect();
        watched.delete(root);
      }
    }
    this.roots = [];
  }
}
