using System.Globalization;

namespace Omnichannel.Integration.Tests.Metrics;

/// <summary>Reads samples out of a Prometheus text exposition, as a scraper would.</summary>
internal static class PrometheusText
{
    /// <summary>The sum of a series' samples whose labels include all of <paramref name="labels"/> (0: none).</summary>
    public static double Value(string exposition, string series, params (string Name, string Value)[] labels)
    {
        var sum = 0.0;
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(series + "{", StringComparison.Ordinal)
                && !line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                continue;
            }

            var close = line.LastIndexOf('}');
            var labelText = close < 0 ? "" : line[(series.Length + 1)..close];
            if (labels.All(l => labelText.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                var value = line[((close < 0 ? series.Length : close) + 1)..].Trim().Split(' ')[0];
                sum += double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }
}
