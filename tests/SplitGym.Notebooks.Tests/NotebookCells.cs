using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace SplitGym.Notebooks.Tests;

/// <summary>
/// Reads a notebook's cells: the cell kinds and sources through .NET Interactive's own .ipynb reader
/// (<see cref="Notebook.Parse"/>, so a notebook the kernel would read differently fails here), and the cell
/// metadata the reader does not expose (tags, <c>dotnet_interactive.language</c>) from the JSON itself.
/// </summary>
public static class NotebookCells
{
    /// <summary>The notebook-level JSON of an .ipynb text, failing with the notebook's name when it is not JSON or has no cells.</summary>
    public static JsonObject Json(string name, string ipynbJson)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(ipynbJson);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name} is not valid .ipynb JSON: {e.Message}", e);
        }
        if (root is not JsonObject notebook || notebook["cells"] is not JsonArray)
            throw new InvalidDataException($"{name} is not an .ipynb notebook: expected a JSON object with a \"cells\" array.");
        return notebook;
    }

    /// <summary>Every cell of the notebook, in order.</summary>
    public static IReadOnlyList<NotebookCell> Parse(string name, string ipynbJson)
    {
        var raw = Json(name, ipynbJson)["cells"]!.AsArray();
        var document = Notebook.Parse(ipynbJson);
        if (document.Elements.Count != raw.Count)
            throw new InvalidDataException($"{name}: .NET Interactive read {document.Elements.Count} cells but the file has {raw.Count}.");
        return [.. raw.Select((cell, i) => new NotebookCell(
            i,
            cell?["cell_type"]?.GetValue<string>() ?? throw new InvalidDataException($"{name}: cell {i} has no cell_type."),
            document.Elements[i].KernelName ?? "",
            cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>(),
            document.Elements[i].Contents,
            [.. (cell["metadata"]?["tags"] as JsonArray ?? []).Select(t => t?.GetValue<string>() ?? "")]))];
    }
}
