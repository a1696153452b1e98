using System.Net;

namespace CyberCode.Discord.Rest;

/// <summary>Discord answered a REST call with an error; <see cref="Exception.Message"/> says what to check.</summary>
internal sealed class DiscordApiException : Exception
{
    public DiscordApiException(HttpStatusCode status, string message)
        : base(message)
    {
        Status = status;
    }

    public DiscordApiException()
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode Status { get; }
}
