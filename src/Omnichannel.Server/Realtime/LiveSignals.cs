using System.Text.Json;
using System.Text.Json.Serialization;
using Omnichannel.Core.Events;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// What one node tells every node (over the store's pub/sub) so each can push to its own hub connections after
/// asking the access rule for each of them. Only ids and small values travel: every node reads the conversation
/// itself, as it is now.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "k")]
[JsonDerivedType(typeof(EventSignal), "event")]
[JsonDerivedType(typeof(TypingSignal), "typing")]
[JsonDerivedType(typeof(ViewersSignal), "viewers")]
[JsonDerivedType(typeof(PresenceSignal), "presence")]
[JsonDerivedType(typeof(BoardSignal), "board")]
[JsonDerivedType(typeof(AccessSignal), "access")]
[JsonDerivedType(typeof(ContactMergedSignal), "contactMerged")]
[JsonDerivedType(typeof(IncidentSignal), "incident")]
public abstract record LiveSignal;

/// <summary>An entry of the workspace event log was written.</summary>
public sealed record EventSignal(
    long Seq, string Type, string ConversationId, string? MessageId, DateTimeOffset At, string? ActorId,
    string? PreviousAssignee, string? Reason, bool IsPrivate) : LiveSignal;

public sealed record TypingSignal(TypingEvent Typing) : LiveSignal;

public sealed record ViewersSignal(ViewersEvent Viewers) : LiveSignal;

public sealed record PresenceSignal(PresenceEvent Presence) : LiveSignal;

public sealed record BoardSignal(string QueueId) : LiveSignal;

public sealed record AccessSignal(PrincipalKind Kind, string Id) : LiveSignal;

/// <summary>Two contacts were merged; every node tells each connection about the moved conversations it may see.</summary>
public sealed record ContactMergedSignal(
    string IntoId, string FromId, IReadOnlyList<string> ConversationIds, DateTimeOffset At, string ActorId) : LiveSignal;

/// <summary>An incident changed (<c>incident.updated</c>); every agent may read incidents, so every agent hears it.</summary>
public sealed record IncidentSignal(string IncidentId, DateTimeOffset At, string ActorId) : LiveSignal;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LiveSignal))]
internal sealed partial class LiveSignalJsonContext : JsonSerializerContext;
