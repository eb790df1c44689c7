using System.Diagnostics.CodeAnalysis;
using System.Collections.Concurrent;
using System.Reflection;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Runtime;

/// <summary>
/// What <c>define table</c> with <c>@store(type='...', ...)</c> declares: the store type, its options (keys
/// lower-cased, <c>${VAR}</c> already resolved), the row schema, <c>@PrimaryKey</c> and <c>@Index</c> attributes.
/// </summary>
public sealed record StoreTableDefinition(
    string Name,
    string Type,
    IReadOnlyDictionary<string, string> Options,
    StreamSchema Schema,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<string> Indexes)
{
    /// <summary>An option's value, or null when absent.</summary>
    public string? Option(string key) => Options.TryGetValue(key, out var value) ? value : null;
}

/// <summary>Creates the tables of one store type (<c>rdbms</c>, ...).</summary>
public interface IStoreTableFactory
{
    IStoreTable<T> Create<T>(SiddhiApp app, StoreTableDefinition definition, Func<T, object?[]> toRow, Func<object?[], T> fromRow)
        where T : struct;
}

/// <summary>Names the store factories of an extension assembly (<c>SiddhiGen.Rdbms</c>), so <see cref="StoreTables"/> loads it by name.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class StoreTableFactoryAttribute(string type, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type factoryType) : Attribute
{
    public string Type { get; } = type;

    /// <summary>The factory's type; the trimmer keeps its constructor, which <see cref="StoreTables"/> calls.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    public Type FactoryType { get; } = factoryType;
}

/// <summary>
/// Store types by name (case-insensitive). <c>rdbms</c> lives in <c>SiddhiGen.Rdbms</c>, loaded on first use, so the
/// core runtime references no database provider; <see cref="Register"/> adds other types.
/// </summary>
public static class StoreTables
{
    private static readonly Dictionary<string, string> s_extensionAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rdbms"] = "SiddhiGen.Rdbms",
    };

    private static readonly ConcurrentDictionary<string, IStoreTableFactory> s_factories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Makes <paramref name="type"/> (<c>@store(type='...')</c>) create its tables with <paramref name="factory"/>.</summary>
    public static void Register(string type, IStoreTableFactory factory)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(factory);
        s_factories[type] = factory;
    }

    /// <summary>Creates a generated app's store table; called from the app's constructor.</summary>
    public static IStoreTable<T> Create<T>(SiddhiApp app, StoreTableDefinition definition, Func<T, object?[]> toRow, Func<object?[], T> fromRow)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(definition);
        var variables = new VariableResolver(app.Options.Variables, app.Name);
        var resolved = definition with
        {
            Options = definition.Options.ToDictionary(o => o.Key, o => variables.Resolve(o.Value), StringComparer.OrdinalIgnoreCase),
        };
        var table = Factory(definition.Type).Create(app, resolved, toRow, fromRow);
        if (table is IAppComponent component)
        {
            app.AddRuntimeComponent(component);
        }

        return table;
    }

    private static IStoreTableFactory Factory(string type)
    {
        if (s_factories.TryGetValue(type, out var factory))
        {
            return factory;
        }

        if (s_extensionAssemblies.TryGetValue(type, out var assemblyName))
        {
            Assembly assembly;
            try
            {
                assembly = Assembly.Load(new AssemblyName(assemblyName));
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                throw new StoreException($"@store(type='{type}') needs the {assemblyName} package: add a reference to it.", ex);
            }

            foreach (var attribute in assembly.GetCustomAttributes<StoreTableFactoryAttribute>())
            {
                s_factories.TryAdd(attribute.Type, (IStoreTableFactory)Activator.CreateInstance(attribute.FactoryType)!);
            }

            if (s_factories.TryGetValue(type, out factory))
            {
                return factory;
            }
        }

        throw new StoreException($"No store type '{type}' is registered: register it with StoreTables.Register.");
    }
}
