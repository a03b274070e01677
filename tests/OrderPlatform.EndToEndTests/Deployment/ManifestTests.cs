using k8s.Models;

namespace OrderPlatform.EndToEndTests.Deployment;

/// <summary>
/// deploy/, the production shape on Kubernetes: both overlays render and validate, and every service starts with nothing but what its
/// manifests give it (a setting missing or misspelt there stops it, naming the setting). Nothing here needs a cluster.
/// </summary>
public sealed class ManifestTests
{
    [Theory]
    [InlineData("development")]
    [InlineData("production")]
    public async Task The_overlay_renders_and_every_object_is_valid_against_the_Kubernetes_schemas(string overlay)
    {
        var rendered = await Manifests.RenderAsync(overlay);

        Assert.Equal("", await Manifests.SchemaProblemsAsync(rendered));
        var objects = Manifests.LoadStrict(rendered);
        Assert.Equal(10, ServiceStart.ServiceDeployments(objects).Count());
        Assert.Equal(8, objects.OfType<V1Job>().Count(job => job.Spec.Template.Spec.Containers.Single().Args?.SequenceEqual(["migrate"]) == true));
        // Every service can lose a copy to a drain and grows under load; the gateway is the only thing an Ingress reaches.
        Assert.All(ServiceStart.ServiceDeployments(objects), deployment =>
        {
            Assert.Contains(objects.OfType<V1PodDisruptionBudget>(), budget => budget.Metadata.Name == deployment.Metadata.Name);
            Assert.Contains(objects.OfType<V2HorizontalPodAutoscaler>(), scaler => scaler.Spec.ScaleTargetRef.Name == deployment.Metadata.Name);
            Assert.Contains(objects.OfType<V1NetworkPolicy>(), policy => policy.Metadata.Name == deployment.Metadata.Name);
            var container = deployment.Spec.Template.Spec.Containers.Single();
            Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
        });
        Assert.Equal("gateway", objects.OfType<V1Ingress>().Single().Spec.Rules.Single().Http.Paths.Single().Backend.Service.Name);
    }

    [Fact]
    public async Task A_field_Kubernetes_does_not_know_or_a_value_of_the_wrong_type_fails_the_validation()
    {
        var rendered = await Manifests.RenderAsync("production");

        Assert.ThrowsAny<Exception>(() => Manifests.LoadStrict(rendered.Replace("readinessProbe:", "readynessProbe:", StringComparison.Ordinal)));
        Assert.Contains("replicas must be integer", await Manifests.SchemaProblemsAsync(rendered.Replace("replicas: 2", "replicas: two", StringComparison.Ordinal)),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accounts")]
    [InlineData("catalog")]
    [InlineData("ordering")]
    [InlineData("payment")]
    [InlineData("shipping")]
    [InlineData("returns")]
    [InlineData("notification")]
    [InlineData("conversations")]
    [InlineData("backoffice")]
    [InlineData("gateway")]
    public async Task In_production_the_service_starts_with_nothing_but_what_its_manifests_give_it(string service)
    {
        var objects = Manifests.LoadStrict(await Manifests.RenderAsync("production"));

        var problem = await ServiceStart.ProblemAsync(ServiceStart.ServiceDeployments(objects).Single(deployment => deployment.Metadata.Name == service), objects);

        Assert.True(problem is null, problem);
    }

    [Fact]
    public async Task A_misspelt_setting_in_the_manifests_stops_the_service_naming_the_setting_it_reads()
    {
        var rendered = await Manifests.RenderAsync("production");
        var misspelt = Manifests.LoadStrict(rendered.Replace("Psp__BaseAddress:", "Psp__BaseAdress:", StringComparison.Ordinal));

        var problem = await ServiceStart.ProblemAsync(ServiceStart.ServiceDeployments(misspelt).Single(deployment => deployment.Metadata.Name == "payment"), misspelt);

        Assert.NotNull(problem);
        Assert.Contains("Psp:BaseAddress (environment variable Psp__BaseAddress)", problem, StringComparison.Ordinal);
    }
}
