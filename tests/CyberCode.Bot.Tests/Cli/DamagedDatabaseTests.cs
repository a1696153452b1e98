namespace CyberCode.Bot.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class DamagedDatabaseTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ask_DamagedDatabase_ExitsWithAClearMessageNotAStackTrace()
    {
        Assert.Equal(0, (await _cli.RunAsync("kb", "seed")).ExitCode);
        using (var stream = File.Open(_cli.DatabasePath, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 8192 * 2;
            stream.Write(Enumerable.Repeat((byte)0xFF, 8192 * 3).ToArray());
        }

        var result = await _cli.RunAsync("ask", "define cyber sovereignty");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(_cli.DatabasePath, result.Error, StringComparison.Ordinal);
        Assert.Contains("Move it", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
