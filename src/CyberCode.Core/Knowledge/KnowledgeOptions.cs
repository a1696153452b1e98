using System.ComponentModel.DataAnnotations;

namespace CyberCode.Core.Knowledge;

/// <summary>The <c>Knowledge</c> section of appsettings.json.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>
    /// The folder that holds <c>source/</c> (the essay) and the <c>*.yaml</c> entries. A relative
    /// path is looked up from the current directory first, then beside the executable.
    /// </summary>
    [Required(ErrorMessage = "Knowledge:Path must name the folder that holds source/ and the *.yaml entries (default \"knowledge\").")]
    public string Path { get; set; } = "knowledge";

    /// <summary>The folder to load from, resolved as <see cref="Path"/> says.</summary>
    public string ResolvePath()
    {
        if (System.IO.Path.IsPathRooted(Path))
        {
            return Path;
        }

        var fromCurrent = System.IO.Path.GetFullPath(Path);
        if (Directory.Exists(fromCurrent))
        {
            return fromCurrent;
        }

        var besideExecutable = System.IO.Path.Combine(AppContext.BaseDirectory, Path);
        return Directory.Exists(besideExecutable) ? besideExecutable : fromCurrent;
    }
}
