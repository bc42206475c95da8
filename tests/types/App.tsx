// Compiled by tests/tools/framework-types.test.ts (tsc, strict, jsx react-jsx, React 19 types) with
// the generated react.d.ts, turned on as the docs say: every element, every attribute and both events, each event's detail read.
// Each @ts-expect-error is a check that the types refuse a mistake: one the types let through
// leaves its directive unused, which fails the compile.
import { useRef } from 'react';
import type { PolicyDeliveryWindow } from 'policy-explainer';
import type {} from 'policy-explainer/react';

const policy = { version: 1, merchant: { timeZone: 'Europe/Paris' } };
const log = (...values: unknown[]) => console.log(...values);

export function App() {
  const delivery = useRef<PolicyDeliveryWindow>(null);
  return (
    <>
      <policy-delivery-window
        ref={delivery}
        src="/policy.json"
        method="standard"
        country="FR"
        structured-data={true}
        lang="fr"
        policy={policy}
        className="delivery"
        style={{ marginBlock: '1em' }}
        onpolicy-ready={(e) => log(e.detail.quote.quoted.earliest, e.detail.quote.cutoff)}
        onpolicy-error={(e) => log(e.detail.issues[0]?.path, e.detail.issues[0]?.message)}
      />
      <policy-returns
        src="/policy.json"
        delivered-on="2026-03-09"
        structured-data={true}
        lang="es"
        policy={policy}
        onpolicy-ready={(e) => log(e.detail.deadline?.slice(0, 4))}
        onpolicy-error={(e) => log(e.detail.issues.length)}
      />
      <policy-non-refundable
        src="/policy.json"
        category="hygiene"
        lang="en"
        policy={policy}
        onpolicy-ready={(e) => log(e.detail.entries.join(' '))}
        onpolicy-error={(e) => log(e.detail.issues.length)}
      />
      <policy-cancellation
        src="/policy.json"
        ordered-at="2026-03-02T10:00"
        lang="fr"
        policy={policy}
        onpolicy-ready={(e) => log(e.detail.freeUntil ?? 'until shipment')}
        onpolicy-error={(e) => log(e.detail.issues.length)}
      />
      <policy-summary
        src="/policy.json"
        sections="delivery returns"
        heading-level={3}
        method="standard"
        country="FR"
        delivered-on="2026-03-09"
        ordered-at="2026-03-02T10:00"
        lang="fr"
        policy={policy}
        onpolicy-ready={(e) => log(e.detail.sections.includes('returns'))}
        onpolicy-error={(e) => log(e.detail.issues.length)}
      />
      <policy-kiosk
        src="/policy.json"
        default-lang="fr"
        languages="fr es en"
        idle-seconds={60}
        lang="fr"
        policy={policy}
        onpolicy-ready={(e) => log(e.detail.language.toUpperCase())}
        onpolicy-error={(e) => log(e.detail.issues.length)}
      />

      <policy-withdrawal
        src="/policy.json"
        order="2026-0042"
        heading-level={3}
        timeout={15000}
        lang="fr"
        policy={policy}
        onpolicy-ready={(e) => log(e.detail.step, e.detail.acknowledgement?.receivedAt)}
        onpolicy-error={(e) => log(e.detail.issues.length)}
      />

      {/* @ts-expect-error: a misspelled attribute */}
      <policy-delivery-window methd="standard" />
      {/* @ts-expect-error: a number where the attribute is a string */}
      <policy-returns delivered-on={20260309} />
      {/* @ts-expect-error: a string where the attribute is a number */}
      <policy-kiosk idle-seconds="sixty" />
      {/* @ts-expect-error: the delivery window's detail has no sections */}
      <policy-delivery-window onpolicy-ready={(e) => log(e.detail.sections)} />
      {/* @ts-expect-error: an element that does not exist */}
      <policy-delivery-windows />
    </>
  );
}

// The events on any element, the document and the window, as the README's snippets use them.
document.querySelector('policy-delivery-window')?.addEventListener('policy-ready', (e) => {
  if (e.detail.quote) log(e.detail.quote.quoted.latest);
});
document.addEventListener('policy-error', (e) => {
  for (const { path, message } of e.detail.issues) log(path, message);
});
window.addEventListener('policy-ready', (e) => log(e.detail.quote?.method ?? e.detail.language));
// @ts-expect-error: no element's policy-ready has this field
document.body.addEventListener('policy-ready', (e) => log(e.detail.price));
