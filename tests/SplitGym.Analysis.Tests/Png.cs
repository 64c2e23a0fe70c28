using SkiaSharp;

namespace SplitGym.Analysis.Tests;

/// <summary>Checks on a written PNG: it exists, is not trivially small, decodes, has the expected size and real content.</summary>
internal static class Png
{
    /// <summary>Decodes <paramref name="path"/> and checks its size; returns the bitmap for further checks.</summary>
    public static SKBitmap Check(string path, int width, int height)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is only {new FileInfo(path).Length} bytes");
        var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        return bitmap;
    }

    /// <summary>How many pixels are within <paramref name="tolerance"/> (per channel) of <paramref name="color"/>.</summary>
    public static int CountNear(SKBitmap bitmap, ScottPlot.Color color, int tolerance = 8)
    {
        int count = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - color.R) <= tolerance && Math.Abs(p.Green - color.G) <= tolerance && Math.Abs(p.Blue - color.B) <= tolerance) count++;
            }
        }
        return count;
    }

    /// <summary>The Category10 colour of series <paramref name="index"/>, the palette every SplitGym figure uses.</summary>
    public static ScottPlot.Color Series(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    /// <summary>Asserts that series <paramref name="index"/> is drawn in each horizontal band of <paramref name="panels"/> equal-width panels.</summary>
    public static void SeriesInEveryPanel(SKBitmap bitmap, int index, int panels)
    {
        int width = bitmap.Width / panels;
        for (int panel = 0; panel < panels; panel++)
        {
            using var part = new SKBitmap(width, bitmap.Height);
            Assert.True(bitmap.ExtractSubset(part, new SKRectI(panel * width, 0, (panel + 1) * width, bitmap.Height)));
            Assert.True(CountNear(part, Series(index)) > 100, $"series {index} is missing from panel {panel}");
        }
    }
}
