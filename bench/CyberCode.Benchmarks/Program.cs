using BenchmarkDotNet.Running;
using CyberCode.Benchmarks;

if (args.Contains(StartupProcess.OnceFlag))
{
    return StartupProcess.Once();
}

if (args.Contains("--semantic-latency"))
{
    return SemanticBench.Latency();
}

if (args.Contains("--tune"))
{
    return Tune.Run(args);
}

if (args.Contains("--startup-process"))
{
    try
    {
        return StartupProcess.Run(args);
    }
    catch (InvalidOperationException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
