using SplitGym.Envs.Rewards;

namespace SplitGym.Envs.Tests;

/// <summary>Each reward form against its formula written out here, and the perplexity cap at its boundary.</summary>
public class RewardFunctionTests
{
    private const double Clean = 4.0, Lambda = 0.3, Cap = 2.5, Share = 0.42;
    private const int Split = 7;

    public static TheoryData<RewardForm> Forms => [RewardForm.Normalised, RewardForm.PaperRaw, RewardForm.AuthorsCode];

    private static double Direct(RewardForm form, double ppl)
    {
        double capped = Math.Min(ppl, (Cap + 1) * Clean);
        return form switch
        {
            RewardForm.Normalised => -(capped / Clean - 1) - Lambda * Share,
            RewardForm.PaperRaw => -(capped + Lambda * Share),
            _ => 10.5 * (Clean - capped) / Clean + (10 - Split) / 10.0,
        };
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void EveryFormMatchesItsFormula(RewardForm form)
    {
        var reward = new RewardFunction(form, Lambda, Cap, Clean);
        foreach (double ppl in new[] { Clean, 4.7, 9.1, 13.9, 40.0, 1e6 })
            Assert.Equal(Direct(form, ppl), reward.Evaluate(ppl, Split, Share), 10);
    }

    [Fact]
    public void PaperRawFormIsThePerplexityPlusWeightedComputeNegated()
    {
        var reward = new RewardFunction(RewardForm.PaperRaw, Lambda, Cap, Clean);
        Assert.Equal(-(9.1 + 0.3 * 0.42), reward.Evaluate(9.1, Split, Share), 12);
        Assert.Equal(-(14.0 + 0.3 * 0.42), reward.Evaluate(1e6, Split, Share), 12);
    }

    [Fact]
    public void AuthorsFormPaysTheirValue()
    {
        var reward = new RewardFunction(RewardForm.AuthorsCode, Lambda, Cap, Clean);
        // 10.5 · (4 − 5) / 4 + (10 − 7) / 10 = −2.625 + 0.3.
        Assert.Equal(-2.325, reward.Evaluate(5.0, Split, Share), 12);
        Assert.Equal(1.0, new RewardFunction(RewardForm.AuthorsCode, 0, Cap, Clean).Evaluate(Clean, 0, 0), 12);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void CapBindsExactlyAtDegradationD(RewardForm form)
    {
        var reward = new RewardFunction(form, Lambda, Cap, Clean);
        double atCap = (Cap + 1) * Clean;
        double boundary = reward.Evaluate(atCap, Split, Share);
        Assert.Equal(boundary, reward.Evaluate(atCap * (1 + 1e-9), Split, Share));
        Assert.Equal(boundary, reward.Evaluate(1e9, Split, Share));
        Assert.True(reward.Evaluate(atCap * (1 - 1e-6), Split, Share) > boundary, "Just below the cap the reward must still respond to perplexity.");
        Assert.Equal(Direct(form, atCap), boundary, 12);
    }
}
