namespace SplitGym.Llm.Corpus;

/// <summary>The three disjoint parts of a prepared corpus.</summary>
public enum CorpusSplit
{
    /// <summary>Text the model is trained on.</summary>
    Train,

    /// <summary>Held-out text for model selection and periodic validation during training.</summary>
    Validation,

    /// <summary>Held-out text reported once, for the final metrics and the calibration sweep.</summary>
    Test,
}
