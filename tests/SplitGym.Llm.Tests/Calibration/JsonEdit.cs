using System.Text.Json.Nodes;

namespace SplitGym.Llm.Tests.Calibration;

/// <summary>
/// Tiny edit language for breaking JSON files in tests: <c>$.a.b[2].c=VALUE</c> sets a value
/// (VALUE is JSON), <c>remove:$.a.b</c> deletes a property, <c>cells:drop-last</c> drops the last cell.
/// </summary>
internal static class JsonEdit
{
    public static void Apply(JsonNode root, string edit)
    {
        if (edit == "cells:drop-last")
        {
            var cells = root["cells"]!.AsArray();
            cells.RemoveAt(cells.Count - 1);
            return;
        }
        if (edit.StartsWith("remove:", StringComparison.Ordinal))
        {
            var (parent, key) = Locate(root, edit["remove:".Length..]);
            parent.AsObject().Remove(key);
            return;
        }
        int equals = edit.IndexOf('=');
        var (owner, name) = Locate(root, edit[..equals]);
        owner.AsObject()[name] = JsonNode.Parse(edit[(equals + 1)..]);
    }

    private static (JsonNode Parent, string Key) Locate(JsonNode root, string path)
    {
        var parts = path.TrimStart('$', '.').Split('.');
        JsonNode node = root;
        foreach (string part in parts[..^1])
            node = Step(node, part);
        return (node, parts[^1]);
    }

    private static JsonNode Step(JsonNode node, string part)
    {
        int bracket = part.IndexOf('[');
        if (bracket < 0)
            return node[part]!;
        int index = int.Parse(part[(bracket + 1)..^1]);
        return node[part[..bracket]]![index]!;
    }
}
