namespace SplitGym.Llm.Optimization;

/// <summary>Rejects optimizer variants the safe optimizers do not implement, instead of silently ignoring them.</summary>
internal static class UnsupportedOptions
{
    /// <summary>Throws when AMSGrad or maximisation was requested (SplitGym never uses them).</summary>
    public static void Reject(bool amsgrad, bool maximize)
    {
        if (amsgrad) throw new NotSupportedException("The safe optimizers do not implement AMSGrad (amsgrad was true).");
        if (maximize) throw new NotSupportedException("The safe optimizers only minimise (maximize was true).");
    }
}
