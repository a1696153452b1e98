namespace CyberCode.Storage;

/// <summary>
/// The database file cannot be opened: it is damaged, or another process holds it. The message
/// names the file and says what to do; hosts print it instead of a stack trace.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
