using System.Text.Json.Nodes;
using SplitGym.Llm.Calibration;

namespace SplitGym.Llm.Tests.Calibration;

public class PerplexityTableTests
{
    [Fact]
    public void SaveThenLoadRoundTripsEveryValue()
    {
        var table = CalibrationSamples.Table();
        string path = Path.Combine(CalibrationSamples.TempFolder(), "table.json");
        table.Save(path);
        var loaded = PerplexityTable.Load(path);

        Assert.Equal(table.CleanPerplexity, loaded.CleanPerplexity);
        Assert.Equal(table.Splits, loaded.Splits);
        Assert.Equal(table.Intensities, loaded.Intensities);
        Assert.Equal(table.Shapes, loaded.Shapes);
        Assert.Equal(CalibrationSamples.Hash, loaded.Model.Sha256);
        Assert.Null(table.Header.FirstDifference(loaded.Header));
        for (int flat = 0; flat < table.Cells.Count; flat++)
        {
            Assert.Equal(table.Cells[flat].Mean, loaded.Cells[flat].Mean);
            Assert.Equal(table.Cells[flat].Values, loaded.Cells[flat].Values);
        }
    }

    [Fact]
    public void SavedFileHoldsNoDerivedFields()
    {
        string path = Path.Combine(CalibrationSamples.TempFolder(), "table.json");
        CalibrationSamples.Table().Save(path);
        string text = File.ReadAllText(path);
        Assert.DoesNotContain("isErasure", text);
        Assert.DoesNotContain("cellCount", text);
        Assert.DoesNotContain("relativeStandardError", text);
        Assert.DoesNotContain("\"splits\"", text[..text.IndexOf("\"grid\"", StringComparison.Ordinal)]);
    }

    [Fact]
    public void CellIndexesRowMajorOverSplitIntensityShape()
    {
        var table = CalibrationSamples.Table();
        var cell = table.Cell(2, 1, 0);
        Assert.Equal((3, 0.5, 0.5), (cell.Split, cell.Intensity, cell.Shape));
        Assert.Equal(4 + (2 * 2 + 1) * 3 + 0, cell.Mean, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Cell(3, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Cell(0, 0, -1));
    }

    [Fact]
    public void ErasureTableUsesSinglePlaceholderShape()
    {
        var header = CalibrationSamples.Header(intensities: [0, 0.1, 0.3], shapes: [0], channel: ChannelDescription.DefaultErasure);
        var table = CalibrationSamples.Table(header);
        Assert.True(table.Channel.IsErasure);
        Assert.Equal(9, table.Cells.Count);
    }

    [Fact]
    public void SaveLeavesNoTemporaryFiles()
    {
        string folder = CalibrationSamples.TempFolder();
        CalibrationSamples.Table().Save(Path.Combine(folder, "t.json"));
        CalibrationSamples.Table().Save(Path.Combine(folder, "t.json"));
        Assert.Equal(["t.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    public static TheoryData<string, string, string> BrokenFiles() => new()
    {
        { "wrong version", "$.formatVersion=2", "formatVersion is 2" },
        { "splits not increasing", "$.header.grid.splits=[1,3,2]", "grid.splits must be strictly increasing" },
        { "intensities repeated", "$.header.grid.intensities=[0.5,0.5]", "grid.intensities must be strictly increasing" },
        { "split beyond model", "$.header.grid.splits=[1,2,9]", "grid.splits must lie in 0..4" },
        { "shape below one half", "$.header.grid.shapes=[0.25,1,4]", "Nakagami m" },
        { "missing cell", "cells:drop-last", "cells has 17 entries" },
        { "negative mean", "$.cells[3].mean=-1", "cells[3].mean must be a finite perplexity" },
        { "negative standard error", "$.cells[3].standardError=-0.5", "cells[3].standardError must be a finite non-negative" },
        { "repeats disagree with values", "$.cells[0].repeats=5", "cells[0]: repeats is 5 but 3 values" },
        { "mean disagrees with values", "$.cells[1].mean=99", "do not match the stored values" },
        { "token count mismatch", "$.cells[2].tokens=10", "cells[2]: tokens is 10" },
        { "cell out of order", "$.cells[0].split=2", "row-major order expects (split 1" },
        { "bad hash", "$.header.model.sha256=\"xyz\"", "model.sha256 must be 64 lower-case hex" },
        { "unknown variant", "$.header.channel.variant=\"rician\"", "channel.variant must be one of" },
        { "clean perplexity non-finite", "$.cleanPerplexity=\"NaN\"", "cleanPerplexity" },
        { "missing field", "remove:$.header.evaluation.window", "window" },
        { "unknown field", "$.header.model.colour=\"red\"", "colour" },
        { "stride beyond window", "$.header.evaluation.stride=32", "evaluation.stride (32) must not exceed" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void LoadRejectsBrokenFileWithClearMessage(string name, string edit, string expected)
    {
        string path = Path.Combine(CalibrationSamples.TempFolder(), "broken.json");
        CalibrationSamples.Table().Save(path);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        JsonEdit.Apply(root, edit);
        File.WriteAllText(path, root.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => PerplexityTable.Load(path));
        Assert.True(error.Message.Contains(expected), $"{name}: message '{error.Message}' lacks '{expected}'.");
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void LoadRejectsTruncatedAndMissingFiles()
    {
        string path = Path.Combine(CalibrationSamples.TempFolder(), "t.json");
        CalibrationSamples.Table().Save(path);
        File.WriteAllText(path, File.ReadAllText(path)[..200]);
        Assert.Throws<InvalidDataException>(() => PerplexityTable.Load(path));
        Assert.Throws<FileNotFoundException>(() => PerplexityTable.Load(path + ".missing"));
    }
}
