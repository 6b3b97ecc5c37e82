// The dry-run plan of a rebalance: which conversation would go from whom to whom. Nothing moves until "Apply".
import { useEffect, useState } from 'preact/hooks';
import { agentName } from '../state/agents';
import { applyRebalance, plan } from '../state/board';
import { contactName, wantContact } from '../state/contacts';
import { known } from '../state/inbox';

export function RebalancePlan() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const p = plan.value;
  useEffect(() => p?.moves.forEach((m) => known.value.get(m.conversationId) && wantContact(known.value.get(m.conversationId)!.contactId)), [p]);
  if (!p) return result ? <p class="notice" role="status">{result}</p> : null;

  async function apply() {
    setBusy(true);
    try {
      const applied = await applyRebalance();
      setResult(`Rebalanced: ${applied.moves.length} conversation${applied.moves.length === 1 ? '' : 's'} moved.`);
    } catch (e) {
      setResult(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="plan" aria-label="Rebalance plan" data-testid="rebalance-plan">
      <h3>Rebalance plan</h3>
      {p.moves.length === 0 ? (
        <p>The load is already even: nothing to move.</p>
      ) : (
        <ul>
          {p.moves.map((m) => {
            const c = known.value.get(m.conversationId);
            return (
              <li key={m.conversationId}>
                {(c && (contactName(c.contactId) || c.subject)) || `conversation …${m.conversationId.slice(-6)}`}: {agentName(m.from)} → {agentName(m.to)}
              </li>
            );
          })}
        </ul>
      )}
      <div class="row">
        {p.moves.length > 0 && (
          <button type="button" class="primary" disabled={busy} onClick={() => void apply()}>
            Apply {p.moves.length} move{p.moves.length === 1 ? '' : 's'}
          </button>
        )}
        <button type="button" onClick={() => ((plan.value = null), setResult(null))}>
          {p.moves.length > 0 ? 'Discard' : 'Close'}
        </button>
      </div>
    </section>
  );
}
