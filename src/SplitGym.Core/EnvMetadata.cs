namespace SplitGym.Core;

/// <summary>
/// What an environment declares about rendering, as Gymnasium's <c>metadata</c> dictionary:
/// the render modes it supports and the frame rate (frames per second) of its renderings.
/// </summary>
/// <param name="RenderModes">Supported render modes, e.g. ["ansi"]; empty when the env cannot render.</param>
/// <param name="RenderFps">Frames per second at which renderings are meant to be shown; null when undeclared.</param>
public sealed record EnvMetadata(IReadOnlyList<string> RenderModes, double? RenderFps = null)
{
    /// <summary>Metadata of an environment that does not render.</summary>
    public static EnvMetadata None { get; } = new([]);
}
