// Leads: a queue's agents (availability, presence, shift, load, oldest unanswered), its waiting line and next shifts,
// with pause/resume, capacity, move and rebalance (the plan is shown before it is applied), and the SLA at-risk and
// breached counts, each opening the list of its conversations.
import { useEffect, useState } from 'preact/hooks';
import { BoardRow } from '../components/BoardRow';
import { RebalancePlan } from '../components/RebalancePlan';
import { clock, duration } from '../format';
import { board, boardError, boardQueues, loadBoard, planRebalance, queueId, refreshSoon } from '../state/board';
import { loadInbox } from '../state/inbox';
import { navigate } from '../state/router';
import { onHub } from '../state/session';

type SlaList = 'atRisk' | 'breached';

export function BoardScreen() {
  const [error, setError] = useState<string | null>(null);
  const [slaList, setSlaList] = useState<SlaList | null>(null);
  useEffect(() => {
    void loadBoard();
    const moves = new Set(['conversation.assigned', 'conversation.sla', 'conversation.status_changed', 'conversation.priority_changed']);
    return onHub({ boardChanged: refreshSoon, presence: refreshSoon, reload: refreshSoon, event: (e) => moves.has(e.type) && refreshSoon() });
  }, []);

  const b = board.value;
  return (
    <main class="board" aria-label="Lead board">
      <header class="board-head">
        <label>
          Queue{' '}
          <select value={queueId.value} onChange={(e) => ((queueId.value = e.currentTarget.value), void loadBoard())}>
            {boardQueues.value.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
        </label>
        {b && (
          <>
            <div class="stat" data-testid="waiting">
              <span class="num">{b.waiting}</span> waiting
            </div>
            <div class="stat">
              oldest wait <span class="num">{duration(b.oldestWaitingSeconds)}</span>
            </div>
            <SlaCount count={b.slaAtRisk} label="SLA at risk" hot="sla-warn" testId="sla-at-risk" open={slaList === 'atRisk'} toggle={() => setSlaList(slaList === 'atRisk' ? null : 'atRisk')} />
            <SlaCount count={b.slaBreached} label="breached" hot="sla-breached" testId="sla-breached" open={slaList === 'breached'} toggle={() => setSlaList(slaList === 'breached' ? null : 'breached')} />
            <div class="stat">
              next shift:{' '}
              {b.nextShifts.length === 0 ? '—' : b.nextShifts.map((s) => `${s.name} at ${clock(s.startsAt)} (${s.members.length})`).join(', ')}
            </div>
          </>
        )}
        <div class="spacer" />
        <button
          type="button"
          class="primary"
          onClick={() => {
            setError(null);
            // The list first, so the plan can name the customers it would move.
            void loadInbox()
              .then(planRebalance)
              .catch((e: Error) => setError(e.message));
          }}
        >
          Rebalance…
        </button>
      </header>
      {(error ?? boardError.value) && (
        <p class="error" role="alert">
          {error ?? boardError.value}
        </p>
      )}
      {b && slaList && (
        <ul class="sla-list" aria-label={slaList === 'atRisk' ? 'Conversations at risk' : 'Conversations breached'} data-testid="sla-list">
          {(slaList === 'atRisk' ? b.slaAtRiskConversations : b.slaBreachedConversations).map((id) => (
            <li key={id}>
              <a href={`/c/${id}`} onClick={(e) => (e.preventDefault(), navigate(`/c/${id}`))}>
                {id}
              </a>
            </li>
          ))}
          {(slaList === 'atRisk' ? b.slaAtRisk : b.slaBreached) === 0 && <li>None right now.</li>}
        </ul>
      )}
      <RebalancePlan />
      {b && (
        <table class="agents">
          <caption class="visually-hidden">Agents in {b.queue.name}</caption>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Availability</th>
              <th scope="col">Shift</th>
              <th scope="col">Open / capacity</th>
              <th scope="col">Oldest unanswered</th>
              <th scope="col">Assignable</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {b.members.map((m) => (
              <BoardRow key={m.id} member={m} members={b.members} queueId={b.queue.id} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

// One of the board's SLA counts: coloured when not zero, a toggle for the list of its conversations.
function SlaCount(props: { count: number; label: string; hot: string; testId: string; open: boolean; toggle: () => void }) {
  return (
    <button
      type="button"
      class={`stat link${props.count > 0 ? ` ${props.hot}` : ''}`}
      data-testid={props.testId}
      aria-expanded={props.open}
      onClick={props.toggle}
    >
      <span class="num">{props.count}</span> {props.label}
    </button>
  );
}
