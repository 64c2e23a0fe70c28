using System.Text.Json.Nodes;

namespace SplitGym.Notebooks.Tests;

/// <summary>Builds small .ipynb texts in the shipped notebooks' format, for testing the runner on notebooks that are meant to fail.</summary>
public static class TestNotebook
{
    /// <summary>A markdown cell.</summary>
    public static JsonObject Markdown(string source) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source };

    /// <summary>A code cell for the kernel of <paramref name="language"/>, with optional tags.</summary>
    public static JsonObject Code(string source, string language = "csharp", params string[] tags)
    {
        var metadata = new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = language } };
        if (tags.Length > 0) metadata["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]);
        return new() { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = metadata, ["outputs"] = new JsonArray(), ["source"] = source };
    }

    /// <summary>The .ipynb JSON of a C# notebook with <paramref name="cells"/>.</summary>
    public static string Of(params JsonObject[] cells) => new JsonObject
    {
        ["cells"] = new JsonArray([.. cells]),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    }.ToJsonString();
}
