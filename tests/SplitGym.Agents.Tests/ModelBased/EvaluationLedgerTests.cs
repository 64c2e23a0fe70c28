using SplitGym.Agents.ModelBased;

namespace SplitGym.Agents.Tests.ModelBased;

/// <summary>The ledger file round-trips exactly, and every kind of damage is reported with its line and value.</summary>
public sealed class EvaluationLedgerTests : TempFolderTest
{
    private string Write(string text)
    {
        var path = Path.Combine(Folder, "ledger.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void RoundTripsExactly()
    {
        var ledger = new EvaluationLedger();
        ledger.Add(0, AcquisitionSource.Design, 3, 0.1 / 3, 0.7, 6.123456789012345, 0.25);
        ledger.Add(2, AcquisitionSource.Disagreement, 31, 64, 8, 1e4 / 3, 1.5);
        var path = Path.Combine(Folder, "ledger.csv");
        ledger.Write(path);
        var read = EvaluationLedger.Read(path);
        Assert.Equal(ledger.Records, read.Records);
    }

    [Theory]
    [InlineData("index,round\n", "header")]
    [InlineData("", "header")]
    [InlineData(EvaluationLedger.Header + "\n0,0,Design,3,0.1,1\n", "line 2: expected 8")]
    [InlineData(EvaluationLedger.Header + "\n0,0,Design,3,abc,1,6,0\n", "sigma 'abc'")]
    [InlineData(EvaluationLedger.Header + "\n0,0,Guess,3,0.1,1,6,0\n", "source 'Guess'")]
    [InlineData(EvaluationLedger.Header + "\n1,0,Design,3,0.1,1,6,0\n", "index 1 out of order")]
    [InlineData(EvaluationLedger.Header + "\n0,0,Design,3,0.1,1,-6,0\n", "line 2")]
    public void BrokenFilesFailNamingTheProblem(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => EvaluationLedger.Read(Write(text)));
        Assert.Contains(expected, error.Message);
    }
}
