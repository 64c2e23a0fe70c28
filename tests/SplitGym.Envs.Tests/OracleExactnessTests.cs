namespace SplitGym.Envs.Tests;

/// <summary>
/// The env's planning oracle on short episodes against exhaustive search: every action sequence is
/// scored on expected rewards computed here from the table's law, and every sequence is also played
/// through the env.
/// </summary>
public class OracleExactnessTests
{
    private const int SplitMin = 3, SplitMax = 8, Steps = 5;
    private const double Sigma = 0.4, Shape = 2.0, Lambda = 0.25;

    private static double Get(IReadOnlyDictionary<string, object?> info, string key) => (double)info[key]!;

    [Theory]
    [InlineData(1, 3)]
    [InlineData(1, 8)]
    [InlineData(2, 5)]
    [InlineData(2, 8)]
    public void OracleReturnIsTheBestOfEveryActionSequence(int k, int start)
    {
        var law = SyntheticTable.LawRewards(Sigma, Shape, Lambda)[(SplitMin - 1)..SplitMax];
        var (best, _) = BruteForcePlans.Enumerate(law, start - SplitMin, k, Steps);
        using var env = new SplitInferenceEnv(SyntheticTable.Backend(deterministic: true),
            new SplitInferenceOptions { MaxMove = k, SplitMin = SplitMin, SplitMax = SplitMax, Lambda = Lambda, EpisodeLength = Steps });
        int actions = 2 * k + 1;
        double bestPlayed = double.NegativeInfinity;
        for (int code = 0; code < (int)Math.Pow(actions, Steps); code++)
        {
            env.Reset(seed: code, new Dictionary<string, object?> { ["sigma"] = Sigma, ["shape"] = Shape, ["split"] = start });
            double agent = 0, oracle = 0, regret = 0, oracleReward = 0;
            for (int t = 0, rest = code; t < Steps; t++, rest /= actions)
            {
                var info = env.Step(rest % actions).Info;
                agent += Get(info, SplitInferenceInfo.ExpectedReward);
                oracle += Get(info, SplitInferenceInfo.OracleStepReward);
                regret += Get(info, SplitInferenceInfo.Regret);
                oracleReward += Get(info, SplitInferenceInfo.OracleReward);
            }
            Assert.Equal(best, env.OptimalReturn, 1e-9);
            Assert.Equal(best, oracle, 1e-9);
            Assert.Equal(oracleReward - agent, regret, 1e-9);
            Assert.Equal(Steps * law.Max(), oracleReward, 1e-9);
            bestPlayed = Math.Max(bestPlayed, agent);
        }
        Assert.Equal(best, bestPlayed, 1e-9);
    }
}
