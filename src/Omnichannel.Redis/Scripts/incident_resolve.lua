-- Marks an incident resolved (its conversations were resolved through change_status.lua before), in the audit log
-- and in the activity of each conversation. Journaled.
-- ARGV: 4 incident id, 5 actor id, 6 note ('' for none), 7.. the conversations resolved with it.
-- Returns 1 when resolved now, 0 when it was resolved already or does not exist.
local id, actor, note = ARGV[4], ARGV[5], ARGV[6]
local key = P .. 'incident:' .. id
if redis.call('HGET', key, 'status') ~= 'open' then
  return 0
end
j_hset(key, 'status', 'resolved', 'resolvedAt', NOW)
audit({ type = 'incident.resolved', incidentId = id, actorId = actor, note = note, conversations = #ARGV - 6 })
for i = 7, #ARGV do
  audit({ type = 'incident.resolved', conversationId = ARGV[i], incidentId = id, actorId = actor })
end
journal_done()
return 1
