using SplitGym.Envs.Channel;

namespace SplitGym.Analysis.Figures;

/// <summary>
/// The learning curves of one channel case (one panel of <see cref="LearningCurvePanels"/>).
/// </summary>
/// <param name="Case">The channel case the learners were trained on (L, H or A).</param>
/// <param name="Learners">One series per learning agent, each with its seeds' curves.</param>
/// <param name="References">Evaluation returns of non-learning baselines on the same case (may be empty).</param>
public sealed record CaseCurves(ChannelCase Case, IReadOnlyList<LearnerCurves> Learners, IReadOnlyList<ReferenceLevel> References);
