-- Unlinks one conversation from an incident, with its activity entry. Journaled.
-- ARGV: 4 incident id, 5 actor id, 6 conversation id.
-- Returns 1 when it was linked, 0 when it was not, -1 when there is no such incident.
local id, actor, conv_id = ARGV[4], ARGV[5], ARGV[6]
local key = P .. 'incident:' .. id
if redis.call('EXISTS', key) == 0 then
  return -1
end
if redis.call('ZSCORE', key .. ':conversations', conv_id) == false then
  return 0
end
j_zrem(key .. ':conversations', conv_id)
audit({ type = 'conversation.incident_unlinked', conversationId = conv_id, incidentId = id, actorId = actor })
journal_done()
return 1
