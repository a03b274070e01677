namespace OrderPlatform.Hosting.Model;

/// <summary>A resource others reach with a connection string, injected as <c>ConnectionStrings__{Name}</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    Resource Owner { get; }

    string ConnectionString { get; }
}
