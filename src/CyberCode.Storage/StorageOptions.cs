using System.ComponentModel.DataAnnotations;

namespace CyberCode.Storage;

/// <summary>The <c>Storage</c> section of <c>appsettings.json</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The value of <see cref="DatabasePath"/> that keeps the database in memory (for tests).</summary>
    public const string InMemory = ":memory:";

    /// <summary>
    /// The LiteDB file. A relative path is resolved against the current directory and its
    /// directory is created when missing; <c>:memory:</c> keeps the database in memory.
    /// </summary>
    [Required(ErrorMessage = "Storage:DatabasePath is required: set it to the LiteDB file, e.g. data/cybercode.db.")]
    public string DatabasePath { get; set; } = "data/cybercode.db";
}
