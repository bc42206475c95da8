// A React 19 app as the README tells one to write it: one element registered by its own entry,
// the JSX types turned on by policy-explainer/react, the policy passed as a property.
import { useState } from 'react';
import 'policy-explainer/define/policy-delivery-window';
import type {} from 'policy-explainer/react';
import policy from '../../../fixtures/examples/policy-full.json';

export function App() {
  const [quoted, setQuoted] = useState('');
  return (
    <main>
      <policy-delivery-window
        policy={policy}
        method="standard"
        onpolicy-ready={(e) => setQuoted(`${e.detail.quote.quoted.earliest} ${e.detail.quote.quoted.latest}`)}
        onpolicy-error={(e) => setQuoted(`error ${e.detail.issues[0]?.path ?? ''}`)}
      />
      <output id="quoted">{quoted}</output>
    </main>
  );
}
