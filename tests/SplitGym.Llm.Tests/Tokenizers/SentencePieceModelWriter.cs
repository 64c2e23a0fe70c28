using System.Text;

namespace SplitGym.Llm.Tests.Tokenizers;

/// <summary>
/// Writes a small SentencePiece <c>tokenizer.model</c> (protobuf ModelProto) by hand, LLaMA-2 style:
/// BPE, byte fallback, &lt;unk&gt; = 0, &lt;s&gt; = 1, &lt;/s&gt; = 2, the 256 byte pieces, then merged pieces with
/// descending scores. Field numbers follow sentencepiece_model.proto.
/// </summary>
public static class SentencePieceModelWriter
{
    private enum PieceType { Normal = 1, Unknown = 2, Control = 3, Byte = 6 }

    public static readonly string[] Pieces =
        ["▁", "e", "t", "h", "a", "o", "n", "s", "r", "i", "l", "d", "w", "c", "u", "th", "he", "▁t", "▁th", "▁the", "in", "er", "an", "▁a", "on", "re", "nd", "▁w", "ll", "▁s", "▁c", "▁h", "▁o", "▁i"];

    public static int VocabSize => 3 + 256 + Pieces.Length;

    public static byte[] Build()
    {
        var model = new MemoryStream();
        WritePiece(model, "<unk>", 0, PieceType.Unknown);
        WritePiece(model, "<s>", 0, PieceType.Control);
        WritePiece(model, "</s>", 0, PieceType.Control);
        for (var b = 0; b < 256; b++) WritePiece(model, $"<0x{b:X2}>", 0, PieceType.Byte);
        for (var i = 0; i < Pieces.Length; i++) WritePiece(model, Pieces[i], -i, PieceType.Normal);
        var trainer = new MemoryStream();
        Varint(trainer, 3, 2);
        Varint(trainer, 4, (ulong)VocabSize);
        Varint(trainer, 35, 1);
        Varint(trainer, 40, 0);
        Varint(trainer, 41, 1);
        Varint(trainer, 42, 2);
        Varint(trainer, 43, unchecked((ulong)-1L));
        Message(model, 2, trainer.ToArray());
        var normalizer = new MemoryStream();
        Bytes(normalizer, 1, Encoding.UTF8.GetBytes("identity"));
        Varint(normalizer, 3, 1);
        Varint(normalizer, 4, 0);
        Varint(normalizer, 5, 1);
        Message(model, 3, normalizer.ToArray());
        return model.ToArray();
    }

    private static void WritePiece(Stream model, string piece, float score, PieceType type)
    {
        var message = new MemoryStream();
        Bytes(message, 1, Encoding.UTF8.GetBytes(piece));
        Tag(message, 2, 5);
        message.Write(BitConverter.GetBytes(score));
        Varint(message, 3, (ulong)type);
        Message(model, 1, message.ToArray());
    }

    private static void Message(Stream stream, int field, byte[] body) => Bytes(stream, field, body);

    private static void Bytes(Stream stream, int field, byte[] body)
    {
        Tag(stream, field, 2);
        RawVarint(stream, (ulong)body.Length);
        stream.Write(body);
    }

    private static void Varint(Stream stream, int field, ulong value)
    {
        Tag(stream, field, 0);
        RawVarint(stream, value);
    }

    private static void Tag(Stream stream, int field, int wireType) => RawVarint(stream, (ulong)(field << 3 | wireType));

    private static void RawVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        stream.WriteByte((byte)value);
    }
}
