namespace Sferum.Testing.Otlp;

/// <summary>Reads OTLP/HTTP protobuf exports (traces, metrics, logs) into plain records; field numbers from the OTLP protos.</summary>
public static class OtlpDecoder
{
    public static IEnumerable<OtlpSpan> Spans(byte[] export) =>
        from resource in ProtoMessage.Parse(export).Messages(1)
        let service = ServiceName(resource)
        from scope in resource.Messages(2)
        from span in scope.Messages(2)
        select new OtlpSpan(service, scope.Message(1)?.String(1) ?? "", span.Hex(1), span.Hex(2), span.Hex(4), span.String(5) ?? "",
            (int)(span.Number(6) ?? 0), Attributes(span, 9), span.Messages(13).Select(l => (l.Hex(1), l.Hex(2))).ToList());

    public static IEnumerable<OtlpPoint> Points(byte[] export) =>
        from resource in ProtoMessage.Parse(export).Messages(1)
        let service = ServiceName(resource)
        from scope in resource.Messages(2)
        from metric in scope.Messages(2)
        from point in DataPoints(metric)
        select point with { Service = service, Metric = metric.String(1) ?? "" };

    public static IEnumerable<OtlpLog> Logs(byte[] export) =>
        from resource in ProtoMessage.Parse(export).Messages(1)
        let service = ServiceName(resource)
        from scope in resource.Messages(2)
        from record in scope.Messages(2)
        select new OtlpLog(service, scope.Message(1)?.String(1) ?? "", record.String(3) ?? "", AnyValue(record.Message(5)), Attributes(record, 6));

    private static IEnumerable<OtlpPoint> DataPoints(ProtoMessage metric)
    {
        // Gauge (5) and sum (7) hold NumberDataPoints: attributes 7, as_double 4, as_int 6.
        foreach (var number in new[] { metric.Message(5), metric.Message(7) }.OfType<ProtoMessage>().SelectMany(m => m.Messages(1)))
        {
            var value = number.Has(4) ? BitConverter.UInt64BitsToDouble(number.Number(4)!.Value) : (double)(long)(number.Number(6) ?? 0);
            yield return new OtlpPoint("", "", Attributes(number, 7), value);
        }

        // Histogram (9) holds HistogramDataPoints: attributes 9, count 4.
        foreach (var histogram in metric.Message(9)?.Messages(1) ?? [])
        {
            yield return new OtlpPoint("", "", Attributes(histogram, 9), histogram.Number(4) ?? 0);
        }
    }

    private static string ServiceName(ProtoMessage resourceSpans) =>
        Attributes(resourceSpans.Message(1) ?? new ProtoMessage(), 1).GetValueOrDefault("service.name", "");

    private static Dictionary<string, string> Attributes(ProtoMessage message, int field)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var pair in message.Messages(field))
        {
            attributes[pair.String(1) ?? ""] = AnyValue(pair.Message(2));
        }

        return attributes;
    }

    // AnyValue: string 1, bool 2, int 3, double 4; arrays and maps are not needed here.
    private static string AnyValue(ProtoMessage? value) => value switch
    {
        null => "",
        _ when value.String(1) is { } text => text,
        _ when value.Number(2) is { } flag => flag != 0 ? "true" : "false",
        _ when value.Number(3) is { } number => ((long)number).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ when value.Number(4) is { } bits => BitConverter.UInt64BitsToDouble(bits).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };
}
