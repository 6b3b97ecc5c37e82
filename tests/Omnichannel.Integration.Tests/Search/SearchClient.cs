using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Omnichannel.Integration.Tests.Search;

/// <summary><c>GET /api/search</c> from a test: one page, every page, or a wait until a query finds something.</summary>
internal static class SearchClient
{
    public static async Task<SearchBody> PageAsync(HttpClient client, string q, string filters = "")
    {
        var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}{filters}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}{filters}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SearchBody>())!;
    }

    /// <summary>The ids of every hit, following the cursor.</summary>
    public static async Task<List<string>> IdsAsync(HttpClient client, string q, string filters = "")
    {
        var ids = new List<string>();
        var page = await PageAsync(client, q, filters);
        ids.AddRange(page.Items.Select(i => i.Id));
        while (page.NextCursor is not null)
        {
            page = await PageAsync(client, q, filters + "&cursor=" + page.NextCursor);
            ids.AddRange(page.Items.Select(i => i.Id));
        }

        return ids;
    }

    /// <summary>Polls until the query (every page of it) finds <paramref name="id"/>; returns how long that took.</summary>
    public static async Task<TimeSpan> UntilFoundAsync(HttpClient client, string q, string id, string filters = "")
    {
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(15);
        while (clock.Elapsed < deadline)
        {
            if ((await IdsAsync(client, q, filters)).Contains(id))
            {
                return clock.Elapsed;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"'{q}' did not find {id} within {deadline}.");
    }
}

internal sealed record SearchBody(List<SearchItemBody> Items, string? NextCursor);

internal sealed record SearchItemBody(string Kind, string Id, string Title, string Snippet, string? Status, string? Channel,
    string? Queue, string? AssigneeId);
