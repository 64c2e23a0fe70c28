using SplitGym.Agents.ModelBased;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;
using TorchSharp;
using Xunit.Abstractions;

namespace SplitGym.Agents.Tests.ModelBased;

/// <summary>The surrogates on a known smooth function (the synthetic perplexity law).</summary>
public sealed class SurrogateTests(ITestOutputHelper output)
{
    private static double Rmse(ISurrogate surrogate, IReadOnlyList<ModelQuery> points)
    {
        var predicted = surrogate.Predict(points);
        return Math.Sqrt(points.Select((q, i) => Math.Pow(predicted[i].LogPerplexity - ModelBasedTestKit.TrueLog(q), 2)).Average());
    }

    /// <summary>Fits <paramref name="options"/> on 160 design points of the synthetic law; returns its held-out RMSE of log perplexity and its held-out estimates.</summary>
    private (double Rmse, IReadOnlyList<PerplexityEstimate> Estimates) FitKnownFunction(SurrogateOptions options)
    {
        using var surrogate = new NetworkSurrogate(ModelBasedTestKit.Region, options, seed: 1);
        surrogate.Fit(ModelBasedTestKit.Evaluations(ModelBasedTestKit.Design(160, seed: 2)));
        var heldOut = ModelBasedTestKit.Design(400, seed: 99);
        double rmse = Rmse(surrogate, heldOut);
        output.WriteLine($"{options.Name} held-out RMSE {rmse:0.0000}");
        return (rmse, surrogate.Predict(heldOut));
    }

    /// <summary>Tolerance: held-out RMSE of log perplexity ≤ 0.08 (about ±8 %) on a law spanning log PPL 1.6 … 5.9, from 160 points.</summary>
    [Fact]
    public void EnsembleFitsAKnownSmoothFunctionToTolerance()
    {
        var (rmse, _) = FitKnownFunction(SurrogateOptions.Ensemble);
        Assert.True(rmse <= 0.08, $"Held-out RMSE of log perplexity {rmse}; expected ≤ 0.08.");
    }

    [Fact]
    public void PaperSurrogateFitsButWithoutUncertainty()
    {
        var (rmse, estimates) = FitKnownFunction(SurrogateOptions.Paper);
        Assert.True(rmse < 0.5, $"Paper-style RMSE {rmse}; expected a usable fit (< 0.5).");
        Assert.All(estimates, e => Assert.Equal(0.0, e.LogSpread));
    }

    [Fact]
    public void UncertaintyIsLargerAwayFromTheSampledPoints()
    {
        var region = ModelBasedTestKit.Region;
        var lowNoise = region with { Channels = region.Channels with { SigmaMax = 0.3 } };
        var sampled = ModelBasedTestKit.Design(60, seed: 3, lowNoise);
        using var surrogate = new NetworkSurrogate(region, SurrogateOptions.Ensemble, seed: 4);
        surrogate.Fit(ModelBasedTestKit.Evaluations(sampled));
        var far = ModelBasedTestKit.Design(200, seed: 5, region with { Channels = region.Channels with { SigmaMin = 0.6 } });
        double atSamples = surrogate.Predict(sampled).Average(e => e.LogSpread);
        double away = surrogate.Predict(far).Average(e => e.LogSpread);
        output.WriteLine($"mean spread at samples {atSamples:0.0000}, away {away:0.0000}");
        Assert.True(away > 3 * atSamples, $"Spread away from the data {away} should exceed 3 × the spread at the data {atSamples}.");
    }

    [Fact]
    public void SameSeedSamePredictions()
    {
        var data = ModelBasedTestKit.Evaluations(ModelBasedTestKit.Design(40, seed: 6));
        var points = ModelBasedTestKit.Design(50, seed: 7);
        IReadOnlyList<PerplexityEstimate> Run()
        {
            using var surrogate = new NetworkSurrogate(ModelBasedTestKit.Region, SurrogateOptions.Ensemble with { Epochs = 200 }, seed: 8);
            surrogate.Fit(data);
            return surrogate.Predict(points);
        }
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void BrokenUseFailsClearly()
    {
        using var surrogate = new NetworkSurrogate(ModelBasedTestKit.Region, SurrogateOptions.Ensemble, seed: 1);
        var unfitted = Assert.Throws<InvalidOperationException>(() => surrogate.Predict([new ModelQuery(1, new ChannelState(0.1, 1))]));
        Assert.Contains("not been fitted", unfitted.Message);
        Assert.Throws<ArgumentException>(() => surrogate.Fit([]));
        var members = Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkSurrogate(ModelBasedTestKit.Region, SurrogateOptions.Ensemble with { Members = 0 }, seed: 1));
        Assert.Contains("Members", members.Message);
        var widths = Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkSurrogate(ModelBasedTestKit.Region, SurrogateOptions.Ensemble with { Hidden = [8, -1] }, seed: 1));
        Assert.Contains("[8, -1]", widths.Message);
    }

    [Fact]
    public void FittingAndPredictingLeakNoTensors()
    {
        var data = ModelBasedTestKit.Evaluations(ModelBasedTestKit.Design(30, seed: 9));
        var points = ModelBasedTestKit.Design(100, seed: 10);
        using var surrogate = new NetworkSurrogate(ModelBasedTestKit.Region, SurrogateOptions.Ensemble with { Epochs = 50 }, seed: 1);
        surrogate.Fit(data);
        surrogate.Predict(points);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 5; i++)
        {
            surrogate.Fit(data);
            surrogate.Predict(points);
        }
        long after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Assert.True(after == before, $"{after - before} tensors leaked over 5 fits ({before} live before, {after} after).");
    }
}
