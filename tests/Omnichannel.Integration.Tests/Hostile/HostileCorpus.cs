using System.Text.Json.Nodes;

namespace Omnichannel.Integration.Tests.Hostile;

/// <summary>The corpus files of <c>tests/hostile</c>, read once; a case is named "file/name".</summary>
public static class HostileCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, HostileCase>> Cases = new(Load);

    public static string Folder { get; } = FindFolder();

    /// <summary>The HTTP and hub cases, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Value.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    public static int Count => Cases.Value.Count;

    public static HostileCase Get(string id) => Cases.Value[id];

    private static Dictionary<string, HostileCase> Load()
    {
        var cases = new Dictionary<string, HostileCase>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Folder, "*.jsonl"))
        {
            var area = Path.GetFileNameWithoutExtension(file);
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line) || line.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var spec = JsonNode.Parse(line) as JsonObject
                    ?? throw new InvalidDataException($"{file}:{number} is not a JSON object.");
                var name = (string?)spec["name"] ?? throw new InvalidDataException($"{file}:{number} has no name.");
                var id = area + "/" + name;
                if (!cases.TryAdd(id, new HostileCase(id, spec)))
                {
                    throw new InvalidDataException($"{file}:{number}: the name \"{name}\" is used twice.");
                }
            }
        }

        return cases;
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "hostile");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/hostile was not found above " + AppContext.BaseDirectory);
    }
}
