using OrderPlatform.Messaging;

namespace OrderPlatform.UnitTests.Messaging;

public sealed class BrokerAddressTests
{
    [Fact]
    public void The_connection_string_gives_host_port_virtual_host_and_credentials()
    {
        var address = BrokerAddress.Parse("amqp://shop:s%40cret@127.0.0.1:35672/tests-ordering");

        Assert.Equal(new BrokerAddress("127.0.0.1", 35672, "tests-ordering", "shop", "s@cret"), address);
    }

    [Fact]
    public void What_is_left_out_takes_rabbitmq_defaults()
    {
        Assert.Equal(new BrokerAddress("localhost", 5672, "/", "guest", "guest"), BrokerAddress.Parse("amqp://localhost"));
    }

    [Theory]
    [InlineData("Host=localhost;Port=5672")]
    [InlineData("http://localhost:5672")]
    public void Anything_but_an_amqp_address_is_refused_at_start(string connectionString)
    {
        Assert.Throws<FormatException>(() => BrokerAddress.Parse(connectionString));
    }
}
