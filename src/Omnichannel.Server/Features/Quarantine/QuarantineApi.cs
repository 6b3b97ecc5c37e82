using Microsoft.AspNetCore.Http.HttpResults;
using Omnichannel.Core.Access;
using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Features.Quarantine;

/// <summary>
/// Inbound items no channel could read or store (docs/operations.md, "Quarantine"), for admins:
/// <c>GET /api/quarantine</c> lists them newest first with the reason, <c>POST /api/quarantine/{id}/retry</c> runs one
/// through its channel's ingest again (stored: it leaves the quarantine), <c>DELETE /api/quarantine/{id}</c> discards
/// one. Retries and discards are audited.
/// </summary>
public static class QuarantineApi
{
    public const int MaxLimit = 200;

    public static RouteGroupBuilder MapQuarantineApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(InboxPolicies.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/{id}/retry", RetryAsync);
        group.MapDelete("/{id}", DiscardAsync);
        return group;
    }

    /// <summary>The quarantine's settings and the gate every channel runs its items through (each channel registers its retry).</summary>
    public static IServiceCollection AddQuarantine(this IServiceCollection services)
    {
        services.AddOptions<QuarantineOptions>()
            .BindConfiguration(QuarantineOptions.Section)
            .Validate(o => o.MaxAttempts is >= 1 and <= 20, "Omnichannel:Quarantine:MaxAttempts must be 1 to 20.")
            .Validate(o => o.MaxRawBytes >= 0, "Omnichannel:Quarantine:MaxRawBytes must not be negative.")
            .ValidateOnStart();
        services.AddSingleton(sp => new InboundQuarantine(
            sp.GetRequiredService<IQuarantineStore>(),
            sp.GetRequiredService<IBlobStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<QuarantineOptions>>().Value));
        return services;
    }

    private static async Task<Results<Ok<QuarantineListDto>, ForbidHttpResult>> ListAsync(
        HttpContext http, IQuarantineStore quarantine, int? offset, int? limit, CancellationToken ct)
    {
        if (!AccessRule.CanManageQuarantine(http.CurrentPrincipal()))
        {
            return TypedResults.Forbid();
        }

        var errors = new List<ValidationError>();
        if (offset is < 0 or > 1_000_000)
        {
            errors.Add(new("offset", "must be 0 to 1000000."));
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(new("limit", $"must be 1 to {MaxLimit}."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var page = await quarantine.ListAsync(offset ?? 0, limit ?? 50, ct);
        return TypedResults.Ok(new QuarantineListDto([.. page.Items.Select(QuarantineItemDto.From)], page.NextOffset));
    }

    private static async Task<Results<Ok<QuarantineRetryDto>, ForbidHttpResult, ProblemHttpResult>> RetryAsync(
        string id, HttpContext http, IQuarantineStore quarantine, IBlobStore blobs,
        IEnumerable<IQuarantineReplayer> replayers, TimeProvider time, ILogger<QuarantineRetryDto> logger,
        CancellationToken ct)
    {
        if (!AccessRule.CanManageQuarantine(http.CurrentPrincipal()))
        {
            return TypedResults.Forbid();
        }

        CheckId(id);
        if (await quarantine.GetAsync(id, ct) is not { } entry)
        {
            return NotFound(id);
        }

        if (replayers.FirstOrDefault(r => r.Channel == entry.Item.Channel) is not { } replayer)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The channel is not running.",
                detail: $"Nothing on this server ingests {entry.Item.Channel} items; the entry stays.");
        }

        try
        {
            await using var raw = await OpenRawAsync(entry, quarantine, blobs, ct);
            await replayer.ReplayAsync(entry, raw, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Quarantine entry {Id} ({Channel} {Account} {Item}) still fails", id,
                entry.Item.Channel, entry.Item.Account, entry.Item.ItemId);
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The item still cannot be stored.", detail: InboundQuarantine.Describe(ex));
        }

        if (await quarantine.RemoveAsync(id, QuarantineRemoval.Retried, http.User.GetAgentId()!, time.GetUtcNow(), ct)
            is { RawBlobKey: { } blob })
        {
            await blobs.DeleteAsync(blob, CancellationToken.None);
        }

        return TypedResults.Ok(new QuarantineRetryDto(id, "stored"));
    }

    private static async Task<Results<NoContent, ForbidHttpResult, ProblemHttpResult>> DiscardAsync(
        string id, HttpContext http, IQuarantineStore quarantine, IBlobStore blobs, TimeProvider time, CancellationToken ct)
    {
        if (!AccessRule.CanManageQuarantine(http.CurrentPrincipal()))
        {
            return TypedResults.Forbid();
        }

        CheckId(id);
        var removed = await quarantine.RemoveAsync(id, QuarantineRemoval.Discarded, http.User.GetAgentId()!,
            time.GetUtcNow(), ct);
        if (removed is null)
        {
            return NotFound(id);
        }

        if (removed.RawBlobKey is { } blob)
        {
            await blobs.DeleteAsync(blob, CancellationToken.None);
        }

        return TypedResults.NoContent();
    }

    private static void CheckId(string id)
    {
        if (!Ids.IsWellFormed(id))
        {
            throw new RequestValidationException([new("id", "must be a quarantine entry id (letters, digits, '-', '_').")]);
        }
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No such quarantine entry.", detail: $"Entry {id} is not in quarantine (retried or discarded already?).");

    private static async Task<Stream?> OpenRawAsync(QuarantineEntry entry, IQuarantineStore quarantine, IBlobStore blobs,
        CancellationToken ct)
    {
        if (entry.HasInlineRaw && await quarantine.GetInlineRawAsync(entry.Id, ct) is { } bytes)
        {
            return new MemoryStream(bytes, writable: false);
        }

        return entry.RawBlobKey is { } key ? await blobs.OpenReadAsync(key, ct) : null;
    }
}
