using System.Text.Json;

namespace Omnichannel.Server.Features.Audit;

/// <summary>One page of the audit log; pass <see cref="Next"/> back as <c>since</c>/<c>after</c> to read on.</summary>
public sealed record AuditPage(IReadOnlyList<JsonElement> Entries, AuditCursor? Next);

public sealed record AuditCursor(DateTimeOffset Since, long After);
