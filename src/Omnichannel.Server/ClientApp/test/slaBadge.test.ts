// The list's SLA countdown: nearest running deadline, colour by time left, breached is final, paused when paused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slaBadge } from '../src/sla';

const now = Date.parse('2026-12-07T10:00:00Z');
const sla = (fields: Partial<NonNullable<Parameters<typeof slaBadge>[0]>> = {}) => ({
  firstResponseDue: null,
  nextResponseDue: null,
  resolutionDue: null,
  breaches: [],
  paused: false,
  ...fields,
});

describe('slaBadge', () => {
  it('is absent without promises', () => {
    assert.equal(slaBadge(null, now), null);
    assert.equal(slaBadge(sla(), now), null);
  });

  it('counts down to the nearest running deadline, coloured as it nears', () => {
    assert.deepEqual(
      [slaBadge(sla({ firstResponseDue: '2026-12-07T10:12:00Z', resolutionDue: '2026-12-07T18:00:00Z' }), now)?.label, slaBadge(sla({ firstResponseDue: '2026-12-07T10:12:00Z' }), now)?.level],
      ['12m', 'risk'],
    );
    assert.equal(slaBadge(sla({ nextResponseDue: '2026-12-07T10:45:00Z' }), now)?.level, 'warn');
    assert.deepEqual(slaBadge(sla({ resolutionDue: '2026-12-07T12:30:00Z' }), now), { label: '2h 30m', level: 'ok', title: slaBadge(sla({ resolutionDue: '2026-12-07T12:30:00Z' }), now)!.title });
  });

  it('turns to breached when a deadline passes on screen, and stays breached once the server says so', () => {
    assert.equal(slaBadge(sla({ firstResponseDue: '2026-12-07T09:59:59Z' }), now)?.level, 'breached');
    const broken = slaBadge(sla({ breaches: ['firstResponse'], resolutionDue: '2026-12-07T18:00:00Z' }), now);
    assert.deepEqual([broken?.label, broken?.title], ['breached', 'SLA breached: first response']);
  });

  it('says paused while the clocks are paused', () => {
    assert.equal(slaBadge(sla({ paused: true }), now)?.label, 'paused');
  });
});
