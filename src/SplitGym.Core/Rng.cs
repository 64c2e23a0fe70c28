namespace SplitGym.Core;

/// <summary>
/// The seedable random number generator of every environment and space: xoshiro256** seeded
/// through SplitMix64. SplitGym owns this generator (rather than using <see cref="System.Random"/>)
/// so that a seed gives the same stream on every .NET version and so that its full state can be
/// snapshotted and compared, which the environment checker needs to prove seeded determinism.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    public Rng(long seed) => Reseed(seed);

    /// <summary>Creates a generator seeded from operating-system entropy (not reproducible).</summary>
    public static Rng FromEntropy() => new(EntropySeed());

    /// <summary>A fresh non-reproducible seed, used when the caller passes no seed.</summary>
    public static long EntropySeed() => System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue);

    /// <summary>The current state; restore it with <see cref="Restore"/> to replay the stream.</summary>
    public RngState State => new(_s0, _s1, _s2, _s3);

    /// <summary>Restarts the stream as if the generator had been created with <paramref name="seed"/>.</summary>
    public void Reseed(long seed)
    {
        var x = unchecked((ulong)seed);
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Puts the generator back into a state captured with <see cref="State"/>.</summary>
    public void Restore(RngState state)
    {
        if (state.S0 == 0 && state.S1 == 0 && state.S2 == 0 && state.S3 == 0)
        {
            throw new ArgumentException("An all-zero xoshiro256** state is invalid (the generator would emit zeros forever).", nameof(state));
        }
        (_s0, _s1, _s2, _s3) = (state.S0, state.S1, state.S2, state.S3);
    }

    /// <summary>An independent copy with the same state (the copy's stream equals this one's).</summary>
    public Rng Clone()
    {
        var copy = new Rng(0);
        copy.Restore(State);
        return copy;
    }

    /// <summary>The next 64 uniformly random bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitRotate(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotate(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double NextUniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), unbiased (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "The exclusive upper bound must be positive.");
        }
        return (int)NextLong((ulong)maxExclusive);
    }

    /// <summary>A uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int minInclusive, int maxExclusive)
    {
        if (maxExclusive <= minInclusive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, $"Expected a value greater than minInclusive={minInclusive}.");
        }
        return (int)(minInclusive + (long)NextLong((ulong)((long)maxExclusive - minInclusive)));
    }

    /// <summary>A standard normal variate (Box–Muller; two uniforms per call so the state stays a pure function of the call count).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble(); // (0, 1], keeps the logarithm finite
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>An exponential variate with mean 1 (scale 1), as numpy's <c>exponential()</c>.</summary>
    public double NextExponential() => -Math.Log(1.0 - NextDouble());

    private ulong NextLong(ulong bound)
    {
        var product = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = unchecked(0 - bound) % bound;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), bound, out low);
            }
        }
        return product;
    }

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong BitRotate(ulong x, int k) => (x << k) | (x >> (64 - k));
}
