namespace SplitGym.Analysis.Tests;

public class CurveTests : TempFolder
{
    [Fact]
    public void Value_at_interpolates_and_holds_the_ends()
    {
        var curve = new TrainingCurve([10, 20, 40], [1, 3, -1]);
        Assert.Equal(1, curve.ValueAt(0));
        Assert.Equal(2, curve.ValueAt(15), 12);
        Assert.Equal(1, curve.ValueAt(30), 12);
        Assert.Equal(-1, curve.ValueAt(1000));
    }

    [Fact]
    public void Seed_band_is_the_mean_and_population_std_on_the_common_range()
    {
        // seed a: 0 → 0, 10 → 10 (a line); seed b: constant 2; seed c covers only steps 2..8.
        // On [2, 8] with 3 points (2, 5, 8): a = 2, 5, 8; b = 2, 2, 2; c = 4, 4, 4 (constant).
        // means: 8/3, 11/3, 14/3; population std at step 2: values 2, 2, 4 → mean 8/3, deviations
        // −2/3, −2/3, 4/3 → variance (4/9 + 4/9 + 16/9)/3 = 8/9 → std √8/3.
        var a = new TrainingCurve([0, 10], [0, 10]);
        var b = new TrainingCurve([0, 5, 10], [2, 2, 2]);
        var c = new TrainingCurve([2, 8], [4, 4]);
        var band = SeedBand.Of([a, b, c], points: 3);
        Assert.Equal([2.0, 5.0, 8.0], band.Steps);
        Assert.Equal(8.0 / 3, band.Mean[0], 12);
        Assert.Equal(11.0 / 3, band.Mean[1], 12);
        Assert.Equal(14.0 / 3, band.Mean[2], 12);
        Assert.Equal(Math.Sqrt(8) / 3, band.Std[0], 12);
        Assert.Equal(3, band.Seeds);
    }

    [Fact]
    public void Single_seed_has_zero_std()
    {
        var band = SeedBand.Of([new TrainingCurve([0, 1], [5, 7])], points: 2);
        Assert.Equal([5.0, 7.0], band.Mean);
        Assert.Equal([0.0, 0.0], band.Std);
    }

    [Fact]
    public void Bad_curves_and_bands_are_refused()
    {
        Assert.Contains("increase strictly", Assert.Throws<ArgumentException>(() => new TrainingCurve([0, 5, 5], [1, 2, 3])).Message);
        Assert.Contains("2 steps and 1 values", Assert.Throws<ArgumentException>(() => new TrainingCurve([0, 1], [1])).Message);
        Assert.Contains("point 1", Assert.Throws<ArgumentException>(() => new TrainingCurve([0, 1], [1, double.NaN])).Message);
        Assert.Throws<ArgumentException>(() => new TrainingCurve([], []));
        Assert.Throws<ArgumentException>(() => SeedBand.Of([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeedBand.Of([new TrainingCurve([0, 1], [1, 1])], points: 1));
        var disjoint = Assert.Throws<ArgumentException>(() => SeedBand.Of([new TrainingCurve([0, 1], [1, 1]), new TrainingCurve([5, 6], [1, 1])]));
        Assert.Contains("no common step range", disjoint.Message);
    }

    [Fact]
    public void Progress_csv_reads_rows_with_both_columns()
    {
        var path = PathOf("progress.csv");
        File.WriteAllText(path, "time/total_timesteps,train/loss,rollout/ep_rew_mean\n128,0.5,\n256,0.4,-3.5\n384,0.3,NaN\n512,,-1.25\n");
        var curve = ProgressCsv.Read(path)!;
        Assert.Equal([256.0, 512.0], curve.Steps);
        Assert.Equal([-3.5, -1.25], curve.Values);
        Assert.Equal([128.0, 256.0, 384.0], ProgressCsv.Read(path, "train/loss")!.Steps);
    }

    [Fact]
    public void Progress_csv_without_any_return_gives_no_curve()
    {
        var path = PathOf("early.csv");
        File.WriteAllText(path, "time/total_timesteps,rollout/ep_rew_mean\n128,\n");
        Assert.Null(ProgressCsv.Read(path));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("time/total_timesteps,train/loss\n1,2\n", "lacks the columns")]
    [InlineData("time/total_timesteps,rollout/ep_rew_mean\n1,abc\n", "line 2, column rollout/ep_rew_mean: 'abc' is not a number")]
    public void Broken_progress_csv_is_refused_clearly(string content, string expected)
    {
        var path = PathOf("broken.csv");
        File.WriteAllText(path, content);
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => ProgressCsv.Read(path)).Message);
    }
}
