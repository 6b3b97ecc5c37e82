using System.Text;
using System.Text.Json.Nodes;

namespace Omnichannel.Integration.Tests.Hostile;

/// <summary>
/// One case of the hostile-input corpus (<c>tests/hostile/*.jsonl</c>, a JSON object per line; the format is in
/// <c>tests/hostile/README.md</c>): who calls, what they send, and what a safe server answers.
/// </summary>
public sealed record HostileCase(string Id, JsonObject Spec)
{
    public string As => (string?)Spec["as"] ?? "anonymous";

    public string? Hub => (string?)Spec["hub"];

    public string Method => (string?)Spec["method"] ?? "POST";

    public string Path => (string?)Spec["path"] ?? throw Invalid("has no path");

    public string Expect => Spec["expect"]?.ToString() ?? throw Invalid("has no expect");

    /// <summary>Key prefixes (after the workspace prefix) a refused request may still write, e.g. a failed sign-in's counter.</summary>
    public IReadOnlyList<string> MayWrite => Spec["mayWrite"]?.AsArray().Select(n => (string)n!).ToList() ?? [];

    /// <summary>What an accepted request's answer must not echo (a path a file name tried to smuggle in).</summary>
    public IReadOnlyList<string> MustNotContain => Spec["mustNotContain"]?.AsArray().Select(n => (string)n!).ToList() ?? [];

    public IReadOnlyDictionary<string, string> Headers =>
        Spec["headers"]?.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!) ?? [];

    /// <summary>The request body: <c>json</c> (sent as written), <c>text</c>, <c>base64</c> bytes, or a generated one.</summary>
    public byte[]? Body()
    {
        if (Spec["json"] is { } json)
        {
            return Encoding.UTF8.GetBytes(Expand(json.ToJsonString()));
        }

        if (Spec["text"] is { } text)
        {
            return Encoding.UTF8.GetBytes(Expand((string)text!));
        }

        if (Spec["base64"] is { } base64)
        {
            return Convert.FromBase64String((string)base64!);
        }

        return Spec["generate"] is JsonObject generate ? Generated(generate) : null;
    }

    public string ContentType => (string?)Spec["contentType"] ?? "application/json";

    /// <summary><c>$BIG(n)</c> in a body becomes n letters: oversized fields without megabytes in the corpus.</summary>
    public static string Expand(string body)
    {
        const string Marker = "$BIG(";
        var at = body.IndexOf(Marker, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = body.IndexOf(')', at);
            var count = int.Parse(body.AsSpan(at + Marker.Length, end - at - Marker.Length), System.Globalization.CultureInfo.InvariantCulture);
            body = string.Concat(body.AsSpan(0, at), new string('a', count), body.AsSpan(end + 1));
            at = body.IndexOf(Marker, at + count, StringComparison.Ordinal);
        }

        return body;
    }

    /// <summary>Bodies too big or too deep to write out: <c>{"kind":"deep","depth":10000,"open":"[","close":"]"}</c>.</summary>
    private byte[] Generated(JsonObject generate)
    {
        var kind = (string?)generate["kind"];
        switch (kind)
        {
            case "deep":
                var depth = (int)generate["depth"]!;
                var open = (string?)generate["open"] ?? "[";
                var close = (string?)generate["close"] ?? "]";
                var inner = (string?)generate["inner"] ?? "";
                var builder = new StringBuilder(depth * (open.Length + close.Length) + inner.Length);
                builder.Insert(0, open, depth).Append(inner).Insert(builder.Length, close, depth);
                return Encoding.UTF8.GetBytes(builder.ToString());
            case "repeat":
                var prefix = (string?)generate["prefix"] ?? "";
                var unit = (string)generate["unit"]!;
                var times = (int)generate["times"]!;
                var suffix = (string?)generate["suffix"] ?? "";
                var repeated = new StringBuilder(prefix.Length + unit.Length * times + suffix.Length).Append(prefix);
                repeated.Insert(repeated.Length, unit, times).Append(suffix);
                return Encoding.UTF8.GetBytes(repeated.ToString());
            default:
                throw Invalid($"generates an unknown kind \"{kind}\"");
        }
    }

    private InvalidDataException Invalid(string what) => new($"Hostile case {Id} {what}.");

    public override string ToString() => Id;
}
