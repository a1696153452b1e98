namespace CyberCode.Bot.Tests.Cli;

/// <summary>
/// Every test that runs a verb. The verbs read <c>Storage__DatabasePath</c> and
/// <c>Knowledge__Path</c> from the process environment (CliHost offers no other override), so
/// these tests must not run in parallel with each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "cybercode CLI";
}
