using System.Collections.Concurrent;

namespace Linter.Core.Loading;

/// <summary>
/// Work spread over the machine's cores, one worker per core: file reads block, and the thread pool would otherwise add
/// workers (and half-built results) beyond the cores. Results keep the order of the input.
/// </summary>
internal static class Cores
{
    public static void For(int count, Action<int> body, CancellationToken cancellation = default)
    {
        if (count == 1)
        {
            body(0); // one item: starting the thread pool would cost more than it saves (start-up of a one-file check)
            return;
        }

        RethrowingTheFailure(() => Parallel.For(0, count, Options(cancellation), body));
    }

    /// <summary>
    /// Runs the items in order, each on the next core that is free: for a few items of very different costs (rules),
    /// where handing each core a range of them leaves one core with the expensive ones at the end.
    /// </summary>
    public static void ForEachInTurn(int count, Action<int> body, CancellationToken cancellation = default)
    {
        if (count < 2)
        {
            For(count, body, cancellation); // a partitioner needs a range that is not empty
            return;
        }

        RethrowingTheFailure(() => Parallel.ForEach(Partitioner.Create(0, count, rangeSize: 1), Options(cancellation), range => body(range.Item1)));
    }

    public static TResult[] Map<T, TResult>(IReadOnlyList<T> items, Func<T, TResult> compute)
    {
        var results = new TResult[items.Count];
        For(items.Count, i => results[i] = compute(items[i]));
        return results;
    }

    private static ParallelOptions Options(CancellationToken cancellation) =>
        new() { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount };

    private static void RethrowingTheFailure(Action loop)
    {
        try
        {
            loop();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The exception of the one item that failed, as a loop on one thread would throw it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
