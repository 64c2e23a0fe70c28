using SplitGym.Agents.Networks;
using SplitGym.Agents.Training;
using SplitGym.Core.Vector;
using SplitGym.Llm.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Agents.OffPolicy;

/// <summary>
/// Deep Q-Network (Mnih et al. 2015) with SB3's defaults (<see cref="DqnOptions"/>): ε-greedy
/// exploration with ε decaying linearly, Huber TD loss against a periodically copied target network,
/// Adam with gradient clipping; optional double-DQN targets.
/// </summary>
/// <remarks>Exploration draws ε-greedy independently for each sub-env (SB3 draws once per vector step).</remarks>
public sealed class Dqn : OffPolicyAlgorithm
{
    private readonly SafeAdam _optimizer;
    private readonly float[] _qValues;

    /// <summary>Creates DQN on <paramref name="env"/> (owned; <see cref="AutoresetMode.Disabled"/>).</summary>
    public Dqn(VectorEnv env, DqnOptions? options = null, TrainingOptions? training = null)
        : base("DQN", env, options ?? new DqnOptions(), training ?? new TrainingOptions())
    {
        DqnOptions = (DqnOptions)Options;
        QNet = new QNetwork(env.SingleObservationSpace, Env.ActionCount, DqnOptions.Network, Random);
        TargetNet = new QNetwork(env.SingleObservationSpace, Env.ActionCount, DqnOptions.Network, Random);
        CopyToTarget(1.0);
        TargetNet.eval();
        _optimizer = SafeOptimizers.Adam(QNet.parameters(), DqnOptions.LearningRate);
        _qValues = new float[Env.NumEnvs * Env.ActionCount];
        ExplorationRate = DqnOptions.ExplorationInitialEps;
    }

    /// <summary>The hyperparameters.</summary>
    public DqnOptions DqnOptions { get; }

    /// <summary>The online Q-network.</summary>
    public QNetwork QNet { get; }

    /// <summary>The target Q-network.</summary>
    public QNetwork TargetNet { get; }

    /// <summary>The current ε.</summary>
    public double ExplorationRate { get; private set; }

    /// <inheritdoc />
    protected internal override OptimizerHelper Optimizer => _optimizer;

    /// <inheritdoc />
    protected internal override IReadOnlyList<(string Prefix, nn.Module Module)> Networks => [("q_net", QNet), ("q_net_target", TargetNet)];

    /// <inheritdoc />
    public override int Predict(ReadOnlySpan<float> observation, bool deterministic = true, ReadOnlySpan<bool> actionMask = default)
    {
        if (!deterministic && PredictRandom.NextDouble() < ExplorationRate) return ActionSelection.Uniform(Env.ActionCount, PredictRandom, actionMask);
        Span<float> q = stackalloc float[Env.ActionCount];
        Infer(observation, 1, QNet.forward, q);
        return ActionSelection.Argmax(q, actionMask);
    }

    /// <inheritdoc />
    protected override void ExploreActions(float[] observations, int[] actions)
    {
        Infer(observations, Env.NumEnvs, QNet.forward, _qValues);
        for (int i = 0; i < Env.NumEnvs; i++)
        {
            actions[i] = Random.NextDouble() < ExplorationRate
                ? ActionSelection.Uniform(Env.ActionCount, Random)
                : ActionSelection.Argmax(_qValues.AsSpan(i * Env.ActionCount, Env.ActionCount));
        }
    }

    /// <inheritdoc />
    protected override void OnVectorStep()
    {
        if (Calls % Math.Max(DqnOptions.TargetUpdateInterval / Env.NumEnvs, 1) == 0) CopyToTarget(DqnOptions.Tau);
        ExplorationRate = LinearSchedule(1 - ProgressRemaining);
        Logger.Record("rollout/exploration_rate", ExplorationRate);
    }

    /// <inheritdoc />
    protected override Action StageAlgorithmState(System.Text.Json.Nodes.JsonObject state)
    {
        var restoreCounters = base.StageAlgorithmState(state);
        return () =>
        {
            restoreCounters();
            ExplorationRate = LinearSchedule(1 - ProgressRemaining);
        };
    }

    /// <inheritdoc />
    protected override void Train(int gradientSteps)
    {
        double losses = 0;
        for (int step = 0; step < gradientSteps; step++)
        {
            using var scope = NewDisposeScope();
            Buffer.Sample(Random, Sample);
            var loss = SampleLoss();
            Optimizer.zero_grad();
            loss.backward();
            nn.utils.clip_grad_norm_(QNet.parameters(), DqnOptions.MaxGradNorm);
            Optimizer.step();
            losses += loss.item<float>();
        }
        Updates += gradientSteps;
        Logger.Record("train/learning_rate", DqnOptions.LearningRate);
        Logger.Record("train/n_updates", Updates);
        Logger.Record("train/td_loss", losses / gradientSteps);
        Logger.Record("train/loss", losses / gradientSteps);
    }

    /// <summary><see cref="TdLoss"/> on the current <see cref="OffPolicyAlgorithm.Sample"/>.</summary>
    private Tensor SampleLoss()
    {
        int batch = Sample.BatchSize, length = Sample.ObservationLength;
        return TdLoss(tensor(Sample.Observations, [batch, length]), tensor(Sample.Actions, [batch]),
            tensor(Sample.Rewards), tensor(Sample.Terminals), tensor(Sample.NextObservations, [batch, length]));
    }

    /// <summary>
    /// The Huber loss (smooth L1 with δ = 1, as SB3: quadratic for TD errors below 1, linear above, so that rare
    /// large errors do not dominate the gradient), averaged over the batch, between Q(s, a) of the online network
    /// and the TD targets of <see cref="TdTargets"/>.
    /// </summary>
    /// <param name="observations">[batch, observation length].</param>
    /// <param name="actions">The actions taken, int64 [batch].</param>
    /// <param name="rewards">[batch].</param>
    /// <param name="terminals">1 where the episode terminated (not truncated), else 0; [batch].</param>
    /// <param name="nextObservations">[batch, observation length].</param>
    internal Tensor TdLoss(Tensor observations, Tensor actions, Tensor rewards, Tensor terminals, Tensor nextObservations)
    {
        var target = TdTargets(rewards, terminals, nextObservations);
        var current = QNet.forward(observations).gather(1, actions.unsqueeze(1)).squeeze(1);
        return nn.functional.smooth_l1_loss(current, target);
    }

    /// <summary>
    /// TD targets r + γ·(1 − terminal)·Q_target(s', a*), without gradients: a* = argmax of the target
    /// network (vanilla) or, for double DQN, of the online network, evaluated by the target network.
    /// </summary>
    internal Tensor TdTargets(Tensor rewards, Tensor terminals, Tensor nextObservations)
    {
        using var noGrad = no_grad();
        var nextQ = TargetNet.forward(nextObservations);
        var nextValue = BootstrapValues(nextQ, DqnOptions.DoubleDqn ? QNet.forward(nextObservations) : null);
        using var one = 1.ToScalar();
        using var gamma = ((float)DqnOptions.Gamma).ToScalar();
        return rewards + terminals.neg().add_(one).mul_(gamma).mul_(nextValue);
    }

    /// <summary>
    /// Q_target(s', a*) per row of <paramref name="nextQTarget"/>: a* is the row's argmax in
    /// <paramref name="nextQOnline"/> when given (double DQN, van Hasselt et al. 2016), else in the target values themselves.
    /// </summary>
    internal static Tensor BootstrapValues(Tensor nextQTarget, Tensor? nextQOnline) =>
        nextQOnline is null
            ? nextQTarget.max(1).values
            : nextQTarget.gather(1, nextQOnline.argmax(1, keepdim: true)).squeeze(1);

    /// <summary>θ_target ← τ·θ + (1 − τ)·θ_target (τ = 1: copy).</summary>
    private void CopyToTarget(double tau)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var keep = (1 - tau).ToScalar();
        using var take = tau.ToScalar();
        foreach (var (online, target) in QNet.parameters().Zip(TargetNet.parameters()))
        {
            if (tau >= 1) target.copy_(online);
            else target.mul_(keep).add_(online, alpha: take);
        }
    }

    /// <summary>SB3's linear ε schedule over <see cref="DqnOptions.ExplorationFraction"/> of the run.</summary>
    private double LinearSchedule(double progress) =>
        progress > DqnOptions.ExplorationFraction
            ? DqnOptions.ExplorationFinalEps
            : DqnOptions.ExplorationInitialEps + progress * (DqnOptions.ExplorationFinalEps - DqnOptions.ExplorationInitialEps) / DqnOptions.ExplorationFraction;
}
