using System.Net.Http.Json;
using Omnichannel.Server.Features.Quarantine;

namespace Omnichannel.Integration.Tests.Quarantine;

/// <summary>The admin API's quarantine list, read as an admin would.</summary>
internal static class QuarantineClient
{
    public static async Task<IReadOnlyList<QuarantineItemDto>> ListAsync(HttpClient admin)
    {
        var page = await admin.GetFromJsonAsync<QuarantineListDto>("/api/quarantine?limit=200");
        return page!.Items;
    }

    /// <summary>Waits until the quarantine holds <paramref name="count"/> entries; <paramref name="tick"/> runs between looks.</summary>
    public static async Task<IReadOnlyList<QuarantineItemDto>> WaitForAsync(
        HttpClient admin, int count, Action? tick = null, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        IReadOnlyList<QuarantineItemDto> items;
        do
        {
            items = await ListAsync(admin);
            if (items.Count >= count)
            {
                return items;
            }

            tick?.Invoke();
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Expected {count} quarantined items, found {items.Count}.");
    }
}
