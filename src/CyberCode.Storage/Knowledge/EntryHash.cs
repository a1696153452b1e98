using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using CyberCode.Core.Knowledge;

namespace CyberCode.Storage.Knowledge;

/// <summary>
/// SHA-256 over a canonical JSON form of an entry, so seeding can tell "changed" from
/// "unchanged" without comparing every field of every stored document. The JSON is written by
/// hand, field by field in a fixed order, so the hash does not move when a serializer's
/// defaults or a record's property order do.
/// </summary>
internal static class EntryHash
{
    public static string Compute(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, entry);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Write(Utf8JsonWriter w, Entry e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("kind", e.Kind.ToString());
        w.WriteString("title", e.Title);
        w.WriteStartArray("phrasings");
        foreach (var p in e.Phrasings)
        {
            w.WriteStringValue(p);
        }

        w.WriteEndArray();
        w.WriteString("text", e.Text);
        w.WriteStartArray("citations");
        foreach (var c in e.Citations)
        {
            w.WriteStartObject();
            w.WriteString("passageId", c.PassageId);
            w.WriteString("section", c.Section);
            w.WriteString("quote", c.Quote);
            w.WriteNumber("start", c.Start);
            w.WriteNumber("length", c.Length);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("source", e.Source);

        w.WritePropertyName("date");
        if (e.Date is { } d)
        {
            w.WriteStartObject();
            w.WriteNumber("year", d.Year);
            WriteNumberOrNull(w, "month", d.Month);
            WriteNumberOrNull(w, "day", d.Day);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("change");
        if (e.Change is { } ch)
        {
            w.WriteStartObject();
            w.WriteString("v2011", ch.Version2011);
            w.WriteString("v2015", ch.Version2015);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("note");
        if (e.Note is { } n)
        {
            w.WriteStartObject();
            w.WriteNumber("number", n.Number);
            w.WriteString("author", n.Author);
            w.WriteString("year", n.Year);
            w.WriteString("title", n.Title);
            w.WriteString("url", n.Url);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
