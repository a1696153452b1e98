namespace CyberCode.Discord.Gateway;

/// <summary>What a resume needs: the session id, where to resume and the last sequence number seen.</summary>
internal sealed class GatewaySession
{
    private readonly Lock _lock = new();
    private string? _sessionId;
    private string? _resumeUrl;
    private int? _sequence;

    public string? SessionId
    {
        get { lock (_lock) { return _sessionId; } }
    }

    public string? ResumeUrl
    {
        get { lock (_lock) { return _resumeUrl; } }
    }

    public int? Sequence
    {
        get { lock (_lock) { return _sequence; } }
        set { lock (_lock) { _sequence = value; } }
    }

    public bool CanResume
    {
        get { lock (_lock) { return _sessionId is not null && _resumeUrl is not null; } }
    }

    public void Start(string? sessionId, string? resumeUrl)
    {
        lock (_lock)
        {
            _sessionId = sessionId;
            _resumeUrl = resumeUrl;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _sessionId = null;
            _resumeUrl = null;
            _sequence = null;
        }
    }
}
