using Linter.Core.Loading;
using Linter.Core.Simulation;

namespace Linter.Core.Tests;

/// <summary>Rules run on every core: the parts of the snapshot built on first use must give every thread the same value.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Two_threads_computing_one_key_at_once_get_the_one_value_stored()
    {
        // Both threads enter the computation before either leaves it, so both compute: the memo must still hand both the same object.
        using var bothInside = new Barrier(2);
        var computed = 0;
        var memo = new Memo<string, object>(_ =>
        {
            Interlocked.Increment(ref computed);
            bothInside.SignalAndWait(TimeSpan.FromSeconds(10));
            return new object();
        });

        var results = new object[2];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() => results[i] = memo["key"])).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(2, computed);
        Assert.Same(results[0], results[1]);
        Assert.Same(results[0], memo["key"]);
    }

    [Fact]
    public void A_pod_table_gives_the_values_it_was_handed_computes_the_others_once_and_keeps_another_snapshots_templates_apart()
    {
        var yaml = Cluster.Deployment("a", "{app: a}", Containers) + Cluster.Deployment("b", "{app: b}", Containers);
        var snapshot = Cluster.From(yaml);
        var other = Cluster.From(yaml); // its templates stand at the same positions in their own snapshot
        var computed = new List<string>();
        var table = new PodTable<string>(snapshot.PodPositions, pod => { computed.Add(pod.Owner.Name); return $"computed {pod.Owner.Name}"; }, ["handed a", null]);

        Assert.Equal("handed a", table[snapshot.PodTemplates[0]]);
        Assert.Equal("computed b", table[snapshot.PodTemplates[1]]);
        Assert.Equal("computed b", table[snapshot.PodTemplates[1]]);
        Assert.Equal("computed a", table[other.PodTemplates[0]]);
        Assert.Equal("computed a", table[other.PodTemplates[0]]);
        Assert.Equal(["b", "a"], computed);
    }

    private const string Containers = """
              containers:
                - name: app
                  image: app
        """;

    public static TheoryData<string> Loops => ["For", "ForEachInTurn"];

    [Theory]
    [MemberData(nameof(Loops))]
    public void Cores_run_every_item_once_and_rethrow_the_failing_items_own_exception(string loop)
    {
        Action<int, Action<int>> run = loop == "For" ? (count, body) => Cores.For(count, body) : (count, body) => Cores.ForEachInTurn(count, body);
        foreach (var items in new[] { 0, 1, 2, 1000 })
        {
            var seen = new int[items];
            run(seen.Length, i => Interlocked.Increment(ref seen[i]));
            Assert.All(seen, count => Assert.Equal(1, count));
        }

        var thrown = Assert.Throws<InvalidOperationException>(() => run(10, i =>
        {
            if (i == 7)
            {
                throw new InvalidOperationException("item 7");
            }
        }));
        Assert.Equal("item 7", thrown.Message);
    }
}
