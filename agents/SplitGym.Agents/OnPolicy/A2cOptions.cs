namespace SplitGym.Agents.OnPolicy;

/// <summary>
/// A2C's hyperparameters with SB3's defaults: learning rate 7e-4, n_steps 5, GAE λ 1 (plain n-step
/// returns), no advantage normalisation, and RMSprop with α 0.99, ε 1e-5 (the shared values — γ 0.99,
/// entropy 0, value 0.5, grad-norm 0.5 — are documented on <see cref="OnPolicyOptions"/>).
/// </summary>
public sealed record A2cOptions : OnPolicyOptions
{
    /// <summary>Sets A2C's defaults for the shared hyperparameters.</summary>
    public A2cOptions()
    {
        LearningRate = 7e-4;
        NSteps = 5;
        GaeLambda = 1.0;
        NormalizeAdvantage = false;
    }

    /// <summary>RMSprop smoothing constant α (0.99).</summary>
    public double RmsPropAlpha { get; init; } = 0.99;

    /// <summary>RMSprop ε added to the denominator (1e-5, as SB3, rather than PyTorch's 1e-8).</summary>
    public double RmsPropEps { get; init; } = 1e-5;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(RmsPropAlpha is > 0 and < 1, nameof(RmsPropAlpha), RmsPropAlpha, "in (0, 1)");
        Require(RmsPropEps > 0, nameof(RmsPropEps), RmsPropEps, "> 0");
    }
}
