using System.CommandLine;
using static TorchSharp.torch;

namespace SplitGym.Cli.Commands;

/// <summary>The <c>--storage</c> option: the dtype weights are written in (the loader converts back to the run dtype).</summary>
public static class StorageOption
{
    /// <summary>Creates the option with a default of <paramref name="defaultName"/>.</summary>
    public static Option<string> Create(string defaultName) =>
        new Option<string>("--storage") { Description = "Storage dtype of the written weights: f32 (exact), f16 or bf16 (half the size).", DefaultValueFactory = _ => defaultName }
            .AcceptOnlyFromAmong("f32", "f16", "bf16");

    /// <summary>The scalar type named by an accepted option value.</summary>
    public static ScalarType Parse(string name) => name switch
    {
        "f16" => ScalarType.Float16,
        "bf16" => ScalarType.BFloat16,
        _ => ScalarType.Float32,
    };
}
