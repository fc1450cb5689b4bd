using Sferum.Testing;

namespace Sferum.Cluster.Tests;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "cluster";
}
