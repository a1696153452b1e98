using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using CyberCode.Teams.Package;

namespace CyberCode.Teams.Tests;

/// <summary>The Teams app package: a manifest Teams accepts and the two icons it asks for.</summary>
public sealed class PackageTests
{
    private static readonly Guid AppId = Guid.Parse("7b3c1f0e-2a4d-4c8e-9f1a-0b2c3d4e5f60");

    [Fact]
    public void Package_HoldsManifestAndTwoIconsAtItsRoot()
    {
        using var zip = Package();

        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Manifest_HasTheFieldsAndLimitsOfTheTeamsSchema()
    {
        using var zip = Package();
        using var stream = zip.GetEntry("manifest.json")!.Open();
        var manifest = JsonNode.Parse(stream)!.AsObject();

        Assert.Matches(@"^https://developer\.microsoft\.com/json-schemas/teams/v1\.(19|2\d)/MicrosoftTeams\.schema\.json$", manifest["$schema"]!.GetValue<string>());
        Assert.Equal(manifest["$schema"]!.GetValue<string>().Split('/')[^2][1..], manifest["manifestVersion"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+$", manifest["version"]!.GetValue<string>());
        Assert.Equal(AppId.ToString(), manifest["id"]!.GetValue<string>());
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith("https://", manifest["developer"]![url]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.InRange(manifest["name"]!["short"]!.GetValue<string>().Length, 1, 30);
        Assert.InRange(manifest["name"]!["full"]!.GetValue<string>().Length, 1, 100);
        Assert.InRange(manifest["description"]!["short"]!.GetValue<string>().Length, 1, 80);
        Assert.InRange(manifest["description"]!["full"]!.GetValue<string>().Length, 1, 4000);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", manifest["accentColor"]!.GetValue<string>());
        Assert.Equal("color.png", manifest["icons"]!["color"]!.GetValue<string>());
        Assert.Equal("outline.png", manifest["icons"]!["outline"]!.GetValue<string>());

        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal(AppId.ToString(), bot["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var list = Assert.Single(bot["commandLists"]!.AsArray())!;
        var commands = list["commands"]!.AsArray();
        Assert.InRange(commands.Count, 1, 10);
        Assert.All(commands, c =>
        {
            Assert.InRange(c!["title"]!.GetValue<string>().Length, 1, 32);
            Assert.InRange(c["description"]!.GetValue<string>().Length, 1, 128);
        });
        Assert.Contains(commands, c => c!["title"]!.GetValue<string>() == "define");
    }

    [Fact]
    public void Crc32_IsTheOneOfPng()
    {
        // The check value of CRC-32/ISO-HDLC, the CRC PNG uses.
        Assert.Equal(0xCBF43926u, Png.Crc32("123456789"u8, 0));
    }

    [Fact]
    public void ColorIcon_Is192SquareAndOpaque()
    {
        var (width, height, rgba) = Decode(Entry("color.png"));

        Assert.Equal((192, 192), (width, height));
        Assert.All(Pixels(rgba), p => Assert.Equal(255, p.A));
        // The mark: white in the middle of the shield, the accent colour in the corner.
        Assert.Equal((255, 255, 255), Pixel(rgba, width, 96, 150));
        Assert.Equal((0x1F, 0x4E, 0x79), Pixel(rgba, width, 2, 2));
    }

    [Fact]
    public void OutlineIcon_Is32SquareWhiteOnTransparent()
    {
        var (width, height, rgba) = Decode(Entry("outline.png"));

        Assert.Equal((32, 32), (width, height));
        var pixels = Pixels(rgba).ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    private static ZipArchive Package()
    {
        var buffer = new MemoryStream();
        AppPackage.Write(buffer, AppId);
        buffer.Position = 0;
        return new ZipArchive(buffer, ZipArchiveMode.Read);
    }

    private static byte[] Entry(string name)
    {
        using var zip = Package();
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Reads back an 8-bit RGBA PNG, checking its signature and every chunk's CRC.</summary>
    private static (int Width, int Height, byte[] Rgba) Decode(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(Png.Crc32(png.AsSpan(at + 4, 4 + length), 0), crc);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                Assert.Equal(6, data[9]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        var rows = raw.ToArray();
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * (width * 4 + 1)]);
            Array.Copy(rows, y * (width * 4 + 1) + 1, rgba, y * width * 4, width * 4);
        }

        return (width, height, rgba);
    }

    private static IEnumerable<(byte R, byte G, byte B, byte A)> Pixels(byte[] rgba)
    {
        for (var i = 0; i < rgba.Length; i += 4)
        {
            yield return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
        }
    }

    private static (int, int, int) Pixel(byte[] rgba, int width, int x, int y)
    {
        var i = (y * width + x) * 4;
        return (rgba[i], rgba[i + 1], rgba[i + 2]);
    }
}
