namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>
/// passThrough source mapping: the message already holds events: a <typeparamref name="T"/> or array of
/// them, a <see cref="DynamicEvent"/> (or array), a positional row <c>object?[]</c>, or rows.
/// </summary>
public sealed class PassThroughSourceMapper<T>(Func<object?[], T> fromRow) : ISourceMapper<T>
{
    public void Map(in SourceMessage message, List<T> events)
    {
        if (message.Kind != SourceMessageKind.Object)
        {
            throw new MappingException("The passThrough mapper needs events, rows or a row, but the message is " + message.Kind.ToString().ToLowerInvariant() + ": use a json, csv, text or xml mapper.");
        }

        switch (message.Value)
        {
            case DynamicEvent d:
                events.Add(Convert(d.Data));
                break;
            case DynamicEvent[] many:
                foreach (var d in many)
                {
                    events.Add(Convert(d.Data));
                }

                break;
            case object?[][] rows:
                foreach (var row in rows)
                {
                    events.Add(Convert(row));
                }

                break;
            case T e:
                events.Add(e);
                break;
            case T[] array:
                events.AddRange(array);
                break;
            case object?[] row:
                events.Add(Convert(row));
                break;
            case IEnumerable<object?[]> rows:
                foreach (var row in rows)
                {
                    events.Add(Convert(row));
                }

                break;
            default:
                throw new MappingException($"The passThrough mapper cannot read a {message.Value?.GetType().Name}.");
        }
    }

    private T Convert(object?[] row)
    {
        try
        {
            return fromRow(row);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidCastException)
        {
            throw new MappingException(ex.Message, ex);
        }
    }
}

/// <summary>passThrough sink mapping: the payload is the events themselves, as <see cref="DynamicEvent"/>s.</summary>
public sealed class PassThroughSinkMapper<T>(Func<T, object?[]> toRow) : ISinkMapper<T>
{
    public bool GroupsEvents => true;

    public object Map(ReadOnlySpan<StreamEvent<T>> events)
    {
        var result = new DynamicEvent[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            result[i] = new DynamicEvent(events[i].Timestamp, toRow(events[i].Data), events[i].IsExpired);
        }

        return result;
    }
}

/// <summary>passThrough over rows, for connectors attached by name.</summary>
internal sealed class PassThroughRowSourceMapper : IRowSourceMapper
{
    private readonly PassThroughSourceMapper<object?[]> _inner = new(static row => row);

    public void Map(in SourceMessage message, List<object?[]> rows) => _inner.Map(message, rows);
}

internal sealed class PassThroughRowSinkMapper : IRowSinkMapper
{
    public bool GroupsEvents => true;

    public object Map(IReadOnlyList<DynamicEvent> events) => events.ToArray();
}
