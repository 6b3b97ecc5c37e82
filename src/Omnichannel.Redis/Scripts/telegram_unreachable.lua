-- Telegram channel: a chat refuses the bot (403: blocked by the user, kicked from the group, user deactivated).
-- Prefixed with journal.lua only. ARGV: 1 prefix, 2 now (ms), 3 bot, 4 chat id, 5 contact id ('' = none: a group),
-- 6 reason. The mark is per chat; the contact's telegramUnreachable attribute shows it to agents. Both clear when the
-- chat writes. Journaled: the mark and the attribute hold together after a crash.
local P, NOW = ARGV[1], ARGV[2]
j_hset(P .. 'telegram:' .. ARGV[3] .. ':unreachable', ARGV[4], NOW .. '|' .. ARGV[6])
local contact = ARGV[5] ~= '' and P .. 'contact:' .. ARGV[5]
if contact and redis.call('EXISTS', contact) == 1 then
  local raw = redis.call('HGET', contact, 'attributes')
  local attributes = {}
  if raw and raw ~= '' then
    attributes = cjson.decode(raw)
  end
  attributes['telegramUnreachable'] = ARGV[6]
  j_hset(contact, 'attributes', cjson.encode(attributes), 'updatedAt', NOW)
end
journal_done()
return 1
