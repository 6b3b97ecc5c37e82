using System.Globalization;
using System.Text.Json;

namespace Omnichannel.Redis.Checking;

/// <summary>
/// Articles against their categories (article_save.lua, article_delete.lua, article_category_delete.lua): every
/// article's category exists, and <c>article-category-sizes</c> counts exactly the articles in each category (a
/// count too low would let a category with articles be deleted). (Their listings are checked with the other records'
/// in <see cref="AccountChecks"/>.)
/// </summary>
internal static class ArticleChecks
{
    public static void Run(StoreSnapshot snapshot, List<StoreFinding> findings)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, json) in snapshot.Strings.Where(s => s.Key.StartsWith("article:", StringComparison.Ordinal)))
        {
            if (CategoryOf(json) is not { } category)
            {
                findings.Add(new("article-unreadable", name, "is no article: it cannot be listed or read"));
                continue;
            }

            counts[category] = counts.GetValueOrDefault(category) + 1;
            if (!snapshot.Strings.ContainsKey("article-category:" + category))
            {
                findings.Add(new("article-category-missing", name, $"is in category {category}, which does not exist"));
            }
        }

        var sizes = snapshot.Hash("article-category-sizes") ?? [];
        foreach (var category in counts.Keys.Union(sizes.Keys))
        {
            var stored = sizes.TryGetValue(category, out var text)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            if (stored != counts.GetValueOrDefault(category))
            {
                findings.Add(new("article-category-size", "article-category-sizes",
                    $"counts {stored} articles in {category}, which holds {counts.GetValueOrDefault(category)}"));
            }
        }
    }

    private static string? CategoryOf(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, StoreJsonContext.Default.StoredArticle)?.CategoryId;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
