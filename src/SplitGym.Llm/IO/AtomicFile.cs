namespace SplitGym.Llm.IO;

/// <summary>
/// Writes files so that readers never see a half-written file: the content goes to a temporary
/// file in the same directory, which is then renamed over the target (an atomic replace on POSIX
/// file systems). A crash mid-write leaves the previous file intact.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> by streaming into a temporary sibling file and renaming it.</summary>
    /// <param name="path">Destination file; its directory must exist.</param>
    /// <param name="write">Writes the whole content to the given stream.</param>
    public static void Write(string path, Action<Stream> write)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Writes UTF-8 text atomically (see <see cref="Write(string, Action{Stream})"/>).</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
        });
}
