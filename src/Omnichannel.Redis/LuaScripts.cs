using System.Reflection;

namespace Omnichannel.Redis;

/// <summary>
/// The store's Lua scripts, embedded as resources, each prefixed with the undo journal's write helpers
/// (journal.lua) and the shared helpers of common.lua.
/// </summary>
internal static class LuaScripts
{
    private static readonly string Common = Read("journal") + "\n" + Read("common");
    private static readonly string Routing = Read("routing");

    public static string Ingest { get; } = ComposeRouting("ingest");
    public static string AppendOutbound { get; } = Compose("append_outbound");
    public static string ChangeStatus { get; } = Compose("change_status");
    public static string Assign { get; } = ComposeRouting("assign");
    public static string Drain { get; } = ComposeRouting("drain");
    public static string Handover { get; } = ComposeRouting("handover");
    public static string Timeout { get; } = ComposeRouting("timeout");
    public static string Move { get; } = ComposeRouting("move");
    public static string Escalate { get; } = ComposeRouting("escalate");
    public static string Presence { get; } = ComposeRouting("presence");
    public static string QueueSave { get; } = ComposeRouting("queue_save");
    public static string AgentStates { get; } = ComposeRouting("agent_states");
    public static string WakeSnoozed { get; } = Compose("wake_snoozed");
    public static string SetDelivery { get; } = Compose("set_delivery");
    public static string ClaimOutbound { get; } = Compose("claim_outbound");
    public static string RetryLater { get; } = Compose("retry_later");
    public static string ContactMerge { get; } = Compose("contact_merge");
    public static string QuarantineAdd { get; } = Compose("quarantine_add");
    public static string QuarantineRemove { get; } = Compose("quarantine_remove");
    public static string SlaSave { get; } = Compose("sla_save");
    public static string SetPriority { get; } = Compose("set_priority");
    public static string IncidentCreate { get; } = Compose("incident_create");
    public static string IncidentUpdate { get; } = Compose("incident_update");
    public static string IncidentLink { get; } = Compose("incident_link");
    public static string IncidentUnlink { get; } = Compose("incident_unlink");
    public static string IncidentReply { get; } = Compose("incident_reply");
    public static string IncidentResolve { get; } = Compose("incident_resolve");

    // The channels' own scripts do not build on common.lua (their prefix is not the workspace's), only on the
    // journal's helpers.
    public static string EmailRecord { get; } = ComposeJournal("email_record");
    public static string TelegramInbound { get; } = ComposeJournal("telegram_inbound");
    public static string TelegramUnreachable { get; } = ComposeJournal("telegram_unreachable");

    // Neither do the small scripts of accounts, sessions and settings: they emit no events and take their keys
    // whole from the caller.
    public static string AgentSave { get; } = ComposeJournal("agent_save");
    public static string LoginFailure { get; } = ComposeJournal("login_failure");
    public static string SessionCreate { get; } = ComposeJournal("session_create");
    public static string SessionTouch { get; } = ComposeJournal("session_touch");
    public static string QuarantineTry { get; } = ComposeJournal("quarantine_try");
    public static string SessionDelete { get; } = ComposeJournal("session_delete");
    public static string SessionDeleteAll { get; } = ComposeJournal("session_delete_all");
    public static string ShiftSave { get; } = ComposeJournal("shift_save");
    public static string ShiftDelete { get; } = ComposeJournal("shift_delete");
    public static string SiteSave { get; } = ComposeJournal("site_save");
    public static string CannedSave { get; } = ComposeJournal("canned_save");
    public static string CannedDelete { get; } = ComposeJournal("canned_delete");
    public static string ArticleSave { get; } = ComposeJournal("article_save");
    public static string ArticleDelete { get; } = ComposeJournal("article_delete");
    public static string ArticleCategorySave { get; } = ComposeJournal("article_category_save");
    public static string ArticleCategoryDelete { get; } = ComposeJournal("article_category_delete");
    public static string TokenCreate { get; } = ComposeJournal("token_create");
    public static string TokenDelete { get; } = ComposeJournal("token_delete");
    public static string UploadTake { get; } = ComposeJournal("upload_take");
    public static string Viewers { get; } = ComposeJournal("viewers");

    // A lease (a mailbox's poller, the SLA keeper) writes one key whole: no journal.
    public static string Lease { get; } = Read("lease");

    // The roll-back of an unfinished operation's journal stands alone: it writes through no helper.
    public static string JournalRollBack { get; } = Read("journal_rollback");

    private static string Compose(string name) => Common + "\n" + Read(name);

    private static string ComposeJournal(string name) => Read("journal") + "\n" + Read(name);

    // Scripts that assign also get the assignment rules (routing.lua), which build on common.lua.
    private static string ComposeRouting(string name) => Common + "\n" + Routing + "\n" + Read(name);

    private static string Read(string name)
    {
        var resource = $"Omnichannel.Redis.Scripts.{name}.lua";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
