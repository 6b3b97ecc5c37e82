-- Links conversations to an open incident, all or none; each newly linked one gets its event
-- (conversation.incident_linked) and its activity entry, in this script. Journaled.
-- ARGV: 4 incident id, 5 actor id, 6.. conversation ids.
-- Returns { 'done', id1, seq1, id2, seq2, ... } for the conversations newly linked, { 'missing', id, ... } when
-- some conversations do not exist (nothing written), { 'resolved' } or { 'not-found' }.
local id, actor = ARGV[4], ARGV[5]
local key = P .. 'incident:' .. id
local status = redis.call('HGET', key, 'status')
if not status then
  return { 'not-found' }
end
if status ~= 'open' then
  return { 'resolved' }
end
local missing = { 'missing' }
local states = {}
for i = 6, #ARGV do
  states[i] = conversation_state(ARGV[i])
  if not states[i] then
    missing[#missing + 1] = ARGV[i]
  end
end
if #missing > 1 then
  return missing
end
local linked = { 'done' }
local members = key .. ':conversations'
for i = 6, #ARGV do
  local conv_id = ARGV[i]
  if not redis.call('ZSCORE', members, conv_id) then
    j_zadd(members, NOW, conv_id)
    local seq = emit({ type = 'conversation.incident_linked', conversationId = conv_id, incidentId = id, actorId = actor })
    audit({ type = 'conversation.incident_linked', conversationId = conv_id, queue = states[i].queue, incidentId = id,
      actorId = actor })
    linked[#linked + 1] = conv_id
    linked[#linked + 1] = seq
  end
end
journal_done()
return linked
