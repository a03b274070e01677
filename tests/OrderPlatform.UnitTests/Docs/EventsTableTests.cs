using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using MassTransit;
using OrderPlatform.Contracts;
using OrderPlatform.Shops.Customers;

namespace OrderPlatform.UnitTests.Docs;

/// <summary>
/// docs/EVENTS.md is written from the code: every integration event, the services that create it (its publishers: the outbox
/// relay publishes what a service appends) and the consumers each service registers. Run with ORDERPLATFORM_WRITE_DOCS=1 to
/// write it again after changing an event or a consumer.
/// </summary>
public sealed partial class EventsTableTests
{
    private static readonly string[] Services = ["Accounts", "Catalog", "Ordering", "Payment", "Shipping", "Returns", "Notification", "Conversations", "BackOffice"];

    /// <summary>Each service's code, read once.</summary>
    private static readonly Dictionary<string, string> SourceOf = Services.ToDictionary(service => service,
        service => string.Join('\n', Repository.Files($"services/{service}", "*.cs").Select(File.ReadAllText)));

    [Fact]
    public void The_events_table_in_docs_is_the_one_the_code_gives()
    {
        var path = Path.Combine(Repository.Root, "docs/EVENTS.md");
        var generated = Table();
        if (Environment.GetEnvironmentVariable("ORDERPLATFORM_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.Equal(generated, File.ReadAllText(path));
    }

    [Fact]
    public void Every_event_has_a_publisher_and_every_consumed_message_is_an_integration_event()
    {
        var consumed = Consumers().Select(consumer => consumer.Message).ToHashSet();

        Assert.Empty(Events().Where(@event => Publishers(@event).Count == 0).Select(@event => @event.Name));
        Assert.Empty(consumed.Where(message => !typeof(IIntegrationEvent).IsAssignableFrom(message)).Select(message => message.Name));
    }

    private static string Table()
    {
        var consumers = Consumers().ToLookup(consumer => consumer.Message);
        var text = new StringBuilder()
            .AppendLine("# Integration events")
            .AppendLine()
            .AppendLine("Every event one service tells the others, in `services/Contracts`. A service appends it to its Marten event store")
            .AppendLine("with the state change that caused it; its outbox relay publishes it to RabbitMQ after commit; each consumer below has")
            .AppendLine("its own queue (`{service}-{event}`) and an inbox, so a copy delivered twice acts once.")
            .AppendLine()
            .AppendLine("Generated from the code by `EventsTableTests` (`ORDERPLATFORM_WRITE_DOCS=1 dotnet test tests/OrderPlatform.UnitTests`")
            .AppendLine("writes it again): do not edit by hand.")
            .AppendLine()
            .AppendLine("| event | published by | consumed by |")
            .AppendLine("|---|---|---|");
        foreach (var @event in Events())
        {
            var by = consumers[@event].OrderBy(consumer => consumer.Service, StringComparer.Ordinal).ThenBy(consumer => consumer.Name, StringComparer.Ordinal)
                .Select(consumer => $"{consumer.Service} (`{consumer.Name}`)");
            text.AppendLine($"| `{@event.Name}` | {string.Join(", ", Publishers(@event))} | {string.Join(", ", by.DefaultIfEmpty("—"))} |");
        }

        text.AppendLine()
            .AppendLine("## Who tells whom")
            .AppendLine()
            .AppendLine("```mermaid")
            .AppendLine("flowchart LR");
        var edges = from @event in Events()
                    from publisher in Publishers(@event)
                    from consumer in consumers[@event].Select(consumer => consumer.Service).Distinct()
                    where consumer != publisher
                    group @event.Name by (publisher, consumer) into edge
                    orderby edge.Key.publisher, edge.Key.consumer
                    select $"    {edge.Key.publisher} -->|{string.Join("<br>", edge.Order(StringComparer.Ordinal))}| {edge.Key.consumer}";
        foreach (var edge in edges)
        {
            text.AppendLine(edge);
        }

        return text.AppendLine("```").ToString();
    }

    private static IEnumerable<Type> Events() => typeof(IIntegrationEvent).Assembly.GetExportedTypes()
        .Where(type => type.IsClass && !type.IsAbstract && typeof(IIntegrationEvent).IsAssignableFrom(type))
        .OrderBy(type => type.Name, StringComparer.Ordinal);

    /// <summary>The services whose code creates the event: <c>new OrderShipped(</c>, or a method that returns one (<c>static ClaimSettled Settled(</c>).</summary>
    private static List<string> Publishers(Type @event)
    {
        var creation = new Regex($@"\bnew\s+{@event.Name}\s*\(|\b(public|private|internal|static)\s+(static\s+)?([\w.]+\.)?{@event.Name}\s+\w+\s*\(");
        return Services.Where(service => creation.IsMatch(SourceOf[service])).ToList();
    }

    /// <summary>The consumers ServiceDefaults registers for a service that calls one of these.</summary>
    private static readonly (string Call, Type[] Consumers)[] SharedRegistrations =
    [
        ("AddCustomerDirectory()", [typeof(CustomerRegisteredConsumer), typeof(CustomerProfileChangedConsumer), typeof(CustomerErasedConsumer)]),
        ("AddCustomerErasure()", [typeof(CustomerErasedConsumer)]),
    ];

    /// <summary>
    /// Every consumer each service registers (<c>bus.AddConsumer&lt;ReserveStockConsumer&gt;()</c>, or a shared registration), with the
    /// message it consumes.
    /// </summary>
    private static IEnumerable<(string Service, string Name, Type Message)> Consumers()
    {
        foreach (var service in Services)
        {
            var source = SourceOf[service];
            var registered = AddedConsumers().Matches(source).Select(match => match.Groups["consumer"].Value).ToHashSet();
            var types = Assembly.Load($"OrderPlatform.{service}").GetTypes().Where(type => registered.Contains(type.Name))
                .Concat(SharedRegistrations.Where(shared => source.Contains(shared.Call, StringComparison.Ordinal)).SelectMany(shared => shared.Consumers))
                .Distinct();
            foreach (var type in types)
            {
                foreach (var contract in type.GetInterfaces().Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IConsumer<>)))
                {
                    yield return (service, type.Name, contract.GetGenericArguments()[0]);
                }
            }
        }
    }

    [GeneratedRegex(@"AddConsumer<(?:[\w.]+\.)?(?<consumer>\w+)>\(")]
    private static partial Regex AddedConsumers();
}
