-- The SLA keeper's write (docs/sla.md, "Who keeps the clocks"): conversations' promises, their alerts as events and
-- audit entries, and the keeper's cursor in the event log, all or nothing.
-- ARGV: 4 the cursor the keeper read ('' = leave the cursor alone), 5 the cursor to set, 6 write count N, then per
--       write 7 fields: conversation id, the slaVersion it read, the promises as JSON ('' = none), the earliest
--       deadline of a running clock in ms ('' = none; orders the waiting queue), the next warning or deadline in ms
--       ('' = none; sla:due), '1' when an agent would see a change, the alerts as JSON ('' = none:
--       [{kind, alert, at}], at in ms), '1' when a breach is owed an escalation (sla:escalate, done by escalate.lua).
-- Returns { 0 } and writes nothing when the cursor or a version is not what the keeper read (another keeper wrote
-- first), else { 1, conv, seq, kind, alert, at, conv, seq, kind, alert, at, ... } for each event recorded (kind, alert
-- and at '' for new deadlines; at is the instant the alert fired, ms).
local cursor_key = P .. 'sla:cursor'
if ARGV[4] ~= '' and (redis.call('GET', cursor_key) or '0') ~= ARGV[4] then
  return { 0 }
end
local count = tonumber(ARGV[6])
local W = 8
for i = 0, count - 1 do
  local b = 7 + i * W
  if (redis.call('HGET', P .. 'conv:' .. ARGV[b], 'slaVersion') or '0') ~= ARGV[b + 1] then
    return { 0 }
  end
end

local out = { 1 }
for i = 0, count - 1 do
  local b = 7 + i * W
  local id, json, due, wake, changed, alerts = ARGV[b], ARGV[b + 2], ARGV[b + 3], ARGV[b + 4], ARGV[b + 5], ARGV[b + 6]
  local conv_key = P .. 'conv:' .. id
  local state = conversation_state(id)
  if state then
    j_hincrby(conv_key, 'slaVersion', 1)
    if json == '' then
      j_hdel(conv_key, 'sla')
    else
      j_hset(conv_key, 'sla', json)
    end
    if due == '' then
      j_hdel(conv_key, 'slaDue')
      j_zrem(P .. 'queue:' .. state.queue .. ':waiting-sla', id)
    else
      j_hset(conv_key, 'slaDue', due)
      if is_waiting(state) then
        j_zadd(P .. 'queue:' .. state.queue .. ':waiting-sla', due, id)
      end
    end
    if wake == '' then
      j_zrem(P .. 'sla:due', id)
    else
      j_zadd(P .. 'sla:due', wake, id)
    end
    if ARGV[b + 7] == '1' then
      j_zadd(P .. 'sla:escalate', NOW, id)
    end
    if alerts ~= '' then
      for _, a in ipairs(cjson.decode(alerts)) do
        local seq = emit({ type = 'conversation.sla', conversationId = id, kind = a.kind, alert = a.alert, due = a.at })
        audit({ type = 'conversation.sla', conversationId = id, queue = state.queue, kind = a.kind, alert = a.alert,
          due = a.at, assigneeId = state.assignee })
        out[#out + 1] = id
        out[#out + 1] = seq
        out[#out + 1] = a.kind
        out[#out + 1] = a.alert
        out[#out + 1] = a.at
      end
    elseif changed == '1' then
      out[#out + 1] = id
      out[#out + 1] = emit({ type = 'conversation.sla', conversationId = id })
      out[#out + 1] = ''
      out[#out + 1] = ''
      out[#out + 1] = ''
    end
  else
    j_zrem(P .. 'sla:due', id)
  end
end
if ARGV[4] ~= '' then
  j_set(cursor_key, ARGV[5])
end
journal_done()
return out
