using CyberCode.Core.Answering;
using CyberCode.Core.Answering.Semantic;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;
using CyberCode.Core.Quizzes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CyberCode.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge (loaded and validated from <c>Knowledge:Path</c>), semantic matching (loaded
    /// in the background when the host starts), the answering engine and the bot engine, as
    /// singletons, with <see cref="KnowledgeOptions"/> and <see cref="SemanticOptions"/> bound from
    /// <paramref name="configuration"/> and validated at start-up. Needs an
    /// <see cref="Learning.IQuestionLog"/>, an <see cref="IEmbeddingCache"/>, an <see cref="IQuizStore"/>
    /// and an <see cref="IKnowledgeStore"/> (the Storage project adds them). Quizzes are resumed when the host starts; each channel adds
    /// its <see cref="IQuizPresenter"/>.
    /// </summary>
    public static IServiceCollection AddCyberCodeCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KnowledgeOptions>()
            .Bind(configuration.GetSection(KnowledgeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SemanticOptions>()
            .Bind(configuration.GetSection(SemanticOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<QuizOptions>()
            .Bind(configuration.GetSection(QuizOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services.AddCyberCodeCore();
    }

    /// <summary>As above, for a host that binds the options itself.</summary>
    public static IServiceCollection AddCyberCodeCore(this IServiceCollection services)
    {
        services.AddSingleton(sp => KnowledgeLoader.Load(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvePath()));
        services.AddSingleton<SemanticMatcher>();
        services.AddSingleton(sp => AnswerEngine.Create(sp.GetRequiredService<KnowledgeBase>(), sp.GetRequiredService<SemanticMatcher>()));
        services.AddSingleton(sp => QuizBank.From(sp.GetRequiredService<KnowledgeBase>()));
        services.AddSingleton(sp => new ScopedAnswers(sp.GetRequiredService<AnswerEngine>(), sp.GetRequiredService<SemanticMatcher>()));
        services.AddSingleton<ModerationService>();
        services.AddSingleton<QuizService>();
        services.AddSingleton<BotEngine>();
        services.AddHostedService<SemanticStartup>();
        services.AddHostedService<QuizStartup>();
        services.AddHostedService<ModerationStartup>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}

/// <summary>
/// Starts loading the model <see cref="SemanticOptions.StartDelayMilliseconds"/> after the host has
/// started (the service is listening), so neither the start nor the first questions share the CPU
/// with it, and without making anything wait for it.
/// </summary>
internal sealed class SemanticStartup(SemanticMatcher matcher, IHostApplicationLifetime lifetime, IOptions<SemanticOptions> options, TimeProvider time) : IHostedService, IDisposable
{
    private CancellationTokenRegistration _started;
    private ITimer? _delay;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = lifetime.ApplicationStarted.Register(() =>
        {
            var delay = TimeSpan.FromMilliseconds(options.Value.StartDelayMilliseconds);
            if (delay <= TimeSpan.Zero)
            {
                matcher.Start();
                return;
            }

            _delay = time.CreateTimer(_ => matcher.Start(), null, delay, Timeout.InfiniteTimeSpan);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _started.Dispose();
        _delay?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _delay?.Dispose();
}

/// <summary>
/// Resumes or closes the quizzes a restart interrupted as soon as the host starts, so their
/// timers run without waiting for someone to write; at shutdown, lets a reveal in progress finish.
/// </summary>
internal sealed class QuizStartup(QuizService quizzes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => quizzes.ResumeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => quizzes.WhenIdleAsync().WaitAsync(cancellationToken);
}

/// <summary>
/// Builds every scope's view of the knowledge (moderators' entries, hides, overrides) when the
/// host starts, so the first question in a scope does not wait for it.
/// </summary>
internal sealed class ModerationStartup(ModerationService moderation) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => moderation.EnsureLoadedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
