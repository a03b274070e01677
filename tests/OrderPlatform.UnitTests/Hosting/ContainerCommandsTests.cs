using OrderPlatform.Hosting.Infrastructure;

namespace OrderPlatform.UnitTests.Hosting;

/// <summary>No Docker engine answers here, so the container mode is proven by the commands it would run.</summary>
public sealed class ContainerCommandsTests
{
    [Fact]
    public void Postgres_runs_in_the_foreground_published_on_loopback_only_with_its_password()
    {
        var command = ContainerCommands.Postgres("orderplatform-abc-postgres", 41000, "s3cret");

        Assert.Equal(["run", "--rm", "--name", "orderplatform-abc-postgres"], command.Take(4));
        Assert.DoesNotContain("-d", command);
        Assert.Contains("127.0.0.1:41000:5432", command);
        Assert.Contains("POSTGRES_PASSWORD=s3cret", command);
        Assert.Contains(ContainerCommands.PostgresImage, command);
    }

    [Fact]
    public void RabbitMq_publishes_amqp_and_management_on_loopback_only()
    {
        var command = ContainerCommands.RabbitMq("orderplatform-abc-messaging", 41001, 41002);

        Assert.Contains("127.0.0.1:41001:5672", command);
        Assert.Contains("127.0.0.1:41002:15672", command);
        Assert.Contains(ContainerCommands.RabbitMqImage, command);
        Assert.All(command.Where(argument => argument.Contains(':', StringComparison.Ordinal) && char.IsDigit(argument[0])),
            published => Assert.StartsWith("127.0.0.1:", published, StringComparison.Ordinal));
    }

    [Fact]
    public void A_container_is_stopped_by_name_with_time_to_shut_down()
    {
        Assert.Equal(["stop", "--time", "20", "orderplatform-abc-messaging"], ContainerCommands.Stop("orderplatform-abc-messaging"));
    }
}
