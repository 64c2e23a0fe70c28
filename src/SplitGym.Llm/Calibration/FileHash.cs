using System.Security.Cryptography;

namespace SplitGym.Llm.Calibration;

/// <summary>SHA-256 of file contents, streamed so multi-gigabyte checkpoints hash in constant memory.</summary>
public static class FileHash
{
    /// <summary>Lower-case hex SHA-256 of the bytes of <paramref name="paths"/> concatenated in the given order.</summary>
    public static string Sha256(IReadOnlyList<string> paths)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        foreach (string path in paths)
        {
            using var stream = File.OpenRead(path);
            for (int read; (read = stream.Read(buffer)) > 0;)
                sha.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
