using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// e2e: feed to inbox through the real host (EndToEnd/EndToEndBench.cs), not a BenchmarkDotNet run.
if (args is ["e2e", .. var e2e])
{
    return await Alerts.Benchmarks.EndToEnd.EndToEndBench.MainAsync(e2e);
}

// In-process: the generated out-of-process project would inherit the repository's warnings-as-errors analyzers.
// One invocation per iteration, because every iteration needs a fresh feed of 1,000 articles not stored before.
// One iteration stores 1,000 articles into Azurite, ~20-40 s on a loaded 2-core box: past the in-process default timeout.
var job = Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithInvocationCount(1).WithUnrollFactor(1);
// OfflineAnalyzerBenchmarks carries its own one-core job, which the one-invocation default above would override.
var offline = args.Any(a => a.Contains("OfflineAnalyzer", StringComparison.Ordinal));
_ = BenchmarkSwitcher.FromAssembly(typeof(Alerts.Benchmarks.FetchBenchmarks).Assembly)
    .Run(args, offline ? DefaultConfig.Instance : DefaultConfig.Instance.AddJob(job.AsDefault()));
return 0;
