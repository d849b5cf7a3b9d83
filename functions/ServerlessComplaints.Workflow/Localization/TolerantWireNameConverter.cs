using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Localization;

/// <summary>
/// Writes an enum as its wire name (<see cref="WireNames"/>) and reads a name this release does not know (a row or
/// status written by a newer or retired release) as the enum's default value, its "unknown" member, instead of
/// failing the read of the whole case.
/// </summary>
public sealed class TolerantWireNameConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? WireNames.ValueOf<TEnum>(reader.GetString())
            : throw new JsonException($"A {typeof(TEnum).Name} is a string, not {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(WireNames.Of(value));
    }

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WireNames.ValueOf<TEnum>(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(WireNames.Of(value));
    }
}
