using static TorchSharp.torch;

namespace SplitGym.Llm.Training;

/// <summary>
/// Draws the training batch of each step: random contiguous windows of <c>context + 1</c> bytes of the
/// training text (inputs and the next-byte targets shifted by one). The window starts are a pure
/// function of (seed, step, row) through a SplitMix64 hash, so the data order is reproducible and a
/// resumed run sees exactly the batches an uninterrupted run would have seen, with no sampler state to save.
/// </summary>
public sealed class WindowSampler
{
    private readonly byte[] _text;
    private readonly int _context;
    private readonly ulong _seed;

    /// <summary>Creates a sampler over <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">The text is shorter than one window of <paramref name="context"/> + 1 bytes.</exception>
    public WindowSampler(byte[] text, int context, long seed)
    {
        if (text.Length < context + 1)
            throw new ArgumentException($"The training text has {text.Length} bytes, fewer than one window of context {context} + 1; give more text or a shorter context.", nameof(text));
        (_text, _context, _seed) = (text, context, (ulong)seed);
    }

    /// <summary>Start offset (bytes) of row <paramref name="row"/> of step <paramref name="step"/>.</summary>
    public long Start(long step, int row)
    {
        var range = (ulong)(_text.Length - _context);
        return (long)(SplitMix64(_seed ^ SplitMix64((ulong)step * 0x9E3779B97F4A7C15UL + (ulong)row)) % range);
    }

    /// <summary>Inputs and targets of a step, both [rows, context] int64.</summary>
    public (Tensor Inputs, Tensor Targets) Batch(long step, int rows)
    {
        var inputs = new long[rows * _context];
        var targets = new long[rows * _context];
        for (var row = 0; row < rows; row++)
        {
            var start = Start(step, row);
            for (var i = 0; i < _context; i++)
            {
                inputs[row * _context + i] = _text[start + i];
                targets[row * _context + i] = _text[start + i + 1];
            }
        }
        return (tensor(inputs, [rows, _context]), tensor(targets, [rows, _context]));
    }

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
