namespace CyberCode.Bot.Web.Hosting;

/// <summary>
/// Whether start-up finished (knowledge loaded and indexed, curated entries seeded) and the
/// service is not stopping; <c>/readyz</c> reports it so a load balancer sends traffic only then.
/// </summary>
internal sealed class Readiness
{
    private volatile bool _started;
    private volatile bool _stopping;

    public bool IsReady => _started && !_stopping;

    public bool IsStopping => _stopping;

    public void MarkStarted() => _started = true;

    public void MarkStopping() => _stopping = true;
}
