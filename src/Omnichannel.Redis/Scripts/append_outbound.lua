-- Appends an agent's reply (delivery pending, queued in the channel's outbox) or a private note. Journaled
-- (journal.lua): after a crash the message and its outbox entry are both there or neither.
-- ARGV: 4 conversation id, 5 message id, 6 private ('1'|'0'), 7 author kind, 8 author id, then message field/value pairs.
-- Returns { messageId, seq, channel }, or nil when the conversation does not exist; seq is 0 when the message is
-- stored already (a caller-named id written before: an incident's reply repeated), and then nothing is written.
local conv_id, msg_id = ARGV[4], ARGV[5]
local state = conversation_state(conv_id)
if not state then
  return nil
end
if redis.call('EXISTS', P .. 'msg:' .. msg_id) == 1 then
  journal_done()
  return { msg_id, 0, state.channel }
end
local fields = {}
for i = 9, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
local seq = append_message(conv_id, state, msg_id, ARGV[6] == '1', ARGV[7], ARGV[8], fields)
journal_done()
return { msg_id, seq, state.channel }
