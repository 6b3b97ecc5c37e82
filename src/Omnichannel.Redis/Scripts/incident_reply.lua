-- Records an incident's reply (sent already, message by message, through append_outbound.lua) once: in the audit
-- log and in the activity of each conversation it went to. Journaled.
-- ARGV: 4 incident id, 5 actor id, 6 reply id, 7.. conversation ids.
-- Returns 1 when recorded now, 0 when the reply was recorded before (a retried request) or there is no incident.
local id, actor, reply = ARGV[4], ARGV[5], ARGV[6]
local key = P .. 'incident:' .. id
if redis.call('EXISTS', key) == 0 or redis.call('SISMEMBER', key .. ':replies', reply) == 1 then
  return 0
end
j_sadd(key .. ':replies', reply)
audit({ type = 'incident.replied', incidentId = id, replyId = reply, actorId = actor, conversations = #ARGV - 6 })
for i = 7, #ARGV do
  audit({ type = 'incident.replied', conversationId = ARGV[i], incidentId = id, replyId = reply, actorId = actor })
end
journal_done()
return 1
