namespace CyberCode.Teams.Package;

/// <summary>
/// The app's two icons, drawn in code: a white shield bearing "CC" on the accent colour (192×192),
/// and the shield's outline in white on transparent (32×32), as Teams asks.
/// </summary>
internal static class Icons
{
    public const string Accent = "#1F4E79";
    private const int Samples = 4;

    // "C" in a 4×5 grid of blocks.
    private static readonly string[] Letter = [".###", "#...", "#...", "#...", ".###"];

    public static byte[] Color()
    {
        const int size = 192;
        var (ar, ag, ab) = (0x1F, 0x4E, 0x79);
        var rgba = new byte[size * size * 4];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var white = Coverage(x, y, size, (u, v) => InShield(u, v, 1.0) && !InLetters(u, v));
                var i = (y * size + x) * 4;
                rgba[i] = Blend(ar, 255, white);
                rgba[i + 1] = Blend(ag, 255, white);
                rgba[i + 2] = Blend(ab, 255, white);
                rgba[i + 3] = 255;
            }
        }

        return Png.Encode(size, size, rgba);
    }

    public static byte[] Outline()
    {
        const int size = 32;
        var rgba = new byte[size * size * 4];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var alpha = Coverage(x, y, size, (u, v) => InShield(u, v, 1.0) && !InShield(u, v, 0.7));
                var i = (y * size + x) * 4;
                rgba[i] = rgba[i + 1] = rgba[i + 2] = 255;
                rgba[i + 3] = (byte)Math.Round(alpha * 255);
            }
        }

        return Png.Encode(size, size, rgba);
    }

    /// <summary>The share of pixel (x, y) inside the shape, sampled on a grid for smooth edges.</summary>
    private static double Coverage(int x, int y, int size, Func<double, double, bool> inside)
    {
        var hits = 0;
        for (var sy = 0; sy < Samples; sy++)
        {
            for (var sx = 0; sx < Samples; sx++)
            {
                if (inside((x + (sx + 0.5) / Samples) / size, (y + (sy + 0.5) / Samples) / size))
                {
                    hits++;
                }
            }
        }

        return hits / (double)(Samples * Samples);
    }

    /// <summary>A shield in the unit square: straight sides, a rounded point below; <paramref name="scale"/> shrinks it about its middle.</summary>
    private static bool InShield(double u, double v, double scale)
    {
        u = (u - 0.5) / scale;
        v = (v - 0.5) / scale + 0.5;
        const double top = 0.1, shoulder = 0.5, tip = 0.92, half = 0.34;
        if (v < top || v > tip)
        {
            return false;
        }

        if (v <= shoulder)
        {
            return Math.Abs(u) <= half;
        }

        var t = (v - shoulder) / (tip - shoulder);
        return Math.Abs(u) <= half * Math.Sqrt(1 - t * t);
    }

    /// <summary>"CC" in blocks across the shield's middle.</summary>
    private static bool InLetters(double u, double v)
    {
        const double left = 0.23, top = 0.27, cell = 0.06;
        var col = (int)Math.Floor((u - left) / cell);
        var row = (int)Math.Floor((v - top) / cell);
        if (u < left || v < top || row >= Letter.Length || col >= 9 || col == 4)
        {
            return false;
        }

        var letterCol = col < 4 ? col : col - 5;
        return Letter[row][letterCol] == '#';
    }

    private static byte Blend(int from, int to, double amount) => (byte)Math.Round(from + (to - from) * amount);
}
