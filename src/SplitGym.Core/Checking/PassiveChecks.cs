using System.Collections;
using SplitGym.Core.Spaces;

namespace SplitGym.Core.Checking;

/// <summary>
/// The checks of Gymnasium's <c>passive_env_checker</c>, shared by the <c>PassiveEnvChecker</c>
/// wrapper and <see cref="EnvChecker"/>: they raise <see cref="EnvCheckException"/> where Gymnasium
/// asserts and call <c>warn</c> where it warns. Type checks that C# enforces at compile time are omitted.
/// </summary>
/// <remarks>
/// Gymnasium 0.28 also warned about image-like Box observation spaces (rank 3 but not uint8, bounds
/// other than [0, 255], shapes neither image nor vector); Gymnasium removed those warnings in 0.29
/// (pull request 435), so the 1.x checker this ports has none and neither does this class.
/// Rendered frames are arrays: an RGB frame is <c>byte[height, width, 3]</c>, a depth frame a
/// rank-2 array, and a <c>*_list</c> mode returns a list (any non-multidimensional <see cref="IList"/>)
/// of frames of its base mode.
/// </remarks>
public static class PassiveChecks
{
    /// <summary>Checks an action space (Gymnasium's <c>check_action_space</c>).</summary>
    public static void CheckActionSpace(Space? space, Action<string> warn) => CheckSpace(space, "action", warn);

    /// <summary>Checks an observation space (Gymnasium's <c>check_observation_space</c>).</summary>
    public static void CheckObservationSpace(Space? space, Action<string> warn) => CheckSpace(space, "observation", warn);

    /// <summary>Checks an observation returned by <paramref name="methodName"/> against <paramref name="space"/>.</summary>
    public static void CheckObservation(object? observation, Space space, string methodName, Action<string> warn)
    {
        var pre = $"The obs returned by the `{methodName}()` method";
        if (observation is null)
        {
            warn($"{pre} is null.");
            return;
        }
        CheckStructure(observation, space, pre, path: "", warn);
        if (!space.ContainsObject(observation))
        {
            warn($"{pre} is not within the observation space {space}: {Describe(observation)}.");
        }
    }

    /// <summary>Checks what <c>Reset</c> returned (Gymnasium's <c>env_reset_passive_checker</c>).</summary>
    public static void CheckResetResult(object? observation, Info? info, Space observationSpace, Action<string> warn)
    {
        CheckObservation(observation, observationSpace, "reset", warn);
        if (info is null)
        {
            throw new EnvCheckException("The second element returned by `env.Reset()` was not a dictionary, actual value: null.");
        }
    }

    /// <summary>Checks what <c>Step</c> returned (Gymnasium's <c>env_step_passive_checker</c>).</summary>
    public static void CheckStepResult(object? observation, double reward, Info? info, Space observationSpace, Action<string> warn)
    {
        CheckObservation(observation, observationSpace, "step", warn);
        CheckReward(reward, warn);
        if (info is null)
        {
            throw new EnvCheckException("The `info` returned by `Step()` must be a dictionary, actual value: null.");
        }
    }

    /// <summary>Warns about NaN and infinite rewards.</summary>
    public static void CheckReward(double reward, Action<string> warn)
    {
        if (double.IsNaN(reward))
        {
            warn("The reward is a NaN value.");
        }
        if (double.IsInfinity(reward))
        {
            warn($"The reward is an inf value ({reward}).");
        }
    }

    /// <summary>Checks declared render modes and the frame returned by <c>Render</c> (Gymnasium's <c>env_render_passive_checker</c>).</summary>
    public static object? CheckRender(IEnv env, Action<string> warn)
    {
        var modes = env.Metadata.RenderModes;
        if (modes is null)
        {
            warn("No render modes was declared in the environment (Metadata.RenderModes is null), you may have trouble when calling `.Render()`.");
        }
        else
        {
            CheckRenderFps(env.Metadata, modes, warn);
            CheckRenderModeDeclared(env.RenderMode, modes);
        }
        var frame = env.Render();
        if (env.RenderMode is string mode)
        {
            CheckRenderFrame(mode, frame, warn);
        }
        return frame;
    }

    private static void CheckRenderFps(EnvMetadata metadata, IReadOnlyList<string> modes, Action<string> warn)
    {
        if (modes.Count == 0)
        {
            return;
        }
        if (metadata.RenderFps is not double fps)
        {
            warn("No render fps was declared in the environment (Metadata.RenderFps is null), rendering may occur at inconsistent fps.");
        }
        else if (!(fps > 0))
        {
            throw new EnvCheckException($"Expects Metadata.RenderFps to be greater than zero, actual value: {fps}.");
        }
    }

    private static void CheckRenderModeDeclared(string? renderMode, IReadOnlyList<string> modes)
    {
        if (modes.Count == 0 && renderMode is not null)
        {
            throw new EnvCheckException($"With no render modes declared, expects the env's RenderMode to be null, actual value: '{renderMode}'.");
        }
        if (renderMode is not null && !modes.Contains(renderMode))
        {
            throw new EnvCheckException($"The environment was initialized successfully however with an unsupported render mode. Render mode: '{renderMode}', modes: [{string.Join(", ", modes)}].");
        }
    }

    private static void CheckRenderFrame(string mode, object? frame, Action<string> warn)
    {
        switch (mode)
        {
            case "human" when frame is not null:
                warn($"Human rendering should return null, got {TypeName(frame)}.");
                break;
            case "rgb_array":
                CheckRgbFrame(frame, warn);
                break;
            case "depth_array":
                CheckDepthFrame(frame, warn);
                break;
            case "ansi" or "ascii" when frame is not string:
                warn($"ANSI/ASCII rendering should produce a string, got {TypeName(frame)}.");
                break;
            case var listMode when listMode.EndsWith("_list", StringComparison.Ordinal):
                CheckFrameList(listMode, frame, warn);
                break;
        }
    }

    private static void CheckRgbFrame(object? frame, Action<string> warn)
    {
        if (frame is not Array array)
        {
            warn($"RGB-array rendering should return an array (byte[height, width, 3]), got {TypeName(frame)}.");
            return;
        }
        if (array.GetType().GetElementType() != typeof(byte))
        {
            warn($"RGB-array rendering should return an array with element type byte (uint8), got {array.GetType().GetElementType()!.Name}.");
        }
        if (array.Rank != 3)
        {
            warn($"RGB-array rendering should return an array with three axes, got {array.Rank}.");
        }
        else if (array.GetLength(2) != 3)
        {
            warn($"RGB-array rendering should return an array in which the last axis has three dimensions, got {array.GetLength(2)}.");
        }
    }

    private static void CheckDepthFrame(object? frame, Action<string> warn)
    {
        if (frame is not Array array)
        {
            warn($"Depth-array rendering should return an array, got {TypeName(frame)}.");
        }
        else if (array.Rank != 2)
        {
            warn($"Depth-array rendering should return an array with two axes, got {array.Rank}.");
        }
    }

    /// <summary>A <c>*_list</c> mode returns a list whose every item is a frame of the base mode.</summary>
    private static void CheckFrameList(string mode, object? frame, Action<string> warn)
    {
        if (frame is not IList frames || frame is Array { Rank: > 1 })
        {
            warn($"Render mode `{mode}` should produce a list, got {TypeName(frame)}.");
            return;
        }
        var baseMode = mode[..^"_list".Length];
        foreach (var item in frames)
        {
            CheckRenderFrame(baseMode, item, warn);
        }
    }

    private static string TypeName(object? value) => value?.GetType().Name ?? "null";

    private static void CheckSpace(Space? space, string spaceType, Action<string> warn)
    {
        switch (space)
        {
            case null:
                throw new EnvCheckException($"The environment must specify an {spaceType} space; {spaceType} space is null.");
            case IBox box:
                CheckBoxBounds(box, spaceType, warn);
                break;
            case DictSpace dict:
                RequireNonEmpty(dict.Spaces.Count, "Dict", spaceType);
                foreach (var sub in dict.Spaces.Values)
                {
                    CheckSpace(sub, spaceType, warn);
                }
                break;
            case TupleSpace tuple:
                RequireNonEmpty(tuple.Spaces.Count, "Tuple", spaceType);
                foreach (var sub in tuple.Spaces)
                {
                    CheckSpace(sub, spaceType, warn);
                }
                break;
        }
    }

    private static void RequireNonEmpty(int count, string kind, string spaceType)
    {
        if (count == 0)
        {
            throw new EnvCheckException($"An empty {kind} {spaceType} space is not allowed.");
        }
    }

    private static void CheckBoxBounds(IBox box, string spaceType, Action<string> warn)
    {
        for (var i = 0; i < box.Size; i++)
        {
            if (box.IsPinned(i))
            {
                warn($"A Box {spaceType} space maximum and minimum values are equal (coordinate {i}: {box.LowerBound(i)}).");
                return;
            }
        }
    }

    /// <summary>
    /// Checks the structure of <paramref name="observation"/> at every depth, as Gymnasium's
    /// <c>check_obs</c> recurses into Dict and Tuple spaces: a wrong key set or tuple length anywhere
    /// is an error; below the top level, messages name the path to the part at fault.
    /// </summary>
    private static void CheckStructure(object? observation, Space space, string pre, string path, Action<string> warn)
    {
        switch (space)
        {
            case DictSpace dict:
                CheckDict(observation, dict, pre, path, warn);
                break;
            case TupleSpace tuple:
                CheckTuple(observation, tuple, pre, path, warn);
                break;
            case Box<float> box when observation is float[] array && array.Length != box.Size:
                warn($"{At(pre, path)} was expecting an array of length {box.Size} (shape [{string.Join(", ", box.Shape)}]), actual length: {array.Length}.");
                break;
        }
    }

    private static void CheckDict(object? observation, DictSpace dict, string pre, string path, Action<string> warn)
    {
        if (observation is not IReadOnlyDictionary<string, object> values)
        {
            throw new EnvCheckException($"{At(pre, path)} must be a dictionary, actual type: {TypeName(observation)}.");
        }
        if (!values.Keys.Order(StringComparer.Ordinal).SequenceEqual(dict.Spaces.Keys))
        {
            throw new EnvCheckException($"{At(pre, path)} observation keys are not the observation space keys, obs keys: [{string.Join(", ", values.Keys)}], space keys: [{string.Join(", ", dict.Spaces.Keys)}].");
        }
        foreach (var (key, subspace) in dict.Spaces)
        {
            CheckStructure(values[key], subspace, pre, $"{path}[\"{key}\"]", warn);
        }
    }

    /// <summary>A tuple observation is an <c>object[]</c>; anything else gets Gymnasium's "was expecting a tuple" warning.</summary>
    private static void CheckTuple(object? observation, TupleSpace tuple, string pre, string path, Action<string> warn)
    {
        if (observation is not object[] items)
        {
            warn($"{At(pre, path)} was expecting a tuple (object[]), actual type: {TypeName(observation)}.");
            return;
        }
        if (items.Length != tuple.Spaces.Count)
        {
            throw new EnvCheckException($"{At(pre, path)} length is not same as the observation space length, obs length: {items.Length}, space length: {tuple.Spaces.Count}.");
        }
        for (var i = 0; i < items.Length; i++)
        {
            CheckStructure(items[i], tuple.Spaces[i], pre, $"{path}[{i}]", warn);
        }
    }

    private static string At(string pre, string path) => path.Length == 0 ? pre : $"{pre} at obs{path}";

    private static string Describe(object observation) => observation switch
    {
        float[] f => $"[{string.Join(", ", f)}]",
        double[] d => $"[{string.Join(", ", d)}]",
        int[] i => $"[{string.Join(", ", i)}]",
        _ => observation.ToString() ?? observation.GetType().Name,
    };
}
