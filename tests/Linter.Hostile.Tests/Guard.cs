using System.Diagnostics;

namespace Linter.Hostile.Tests;

/// <summary>Helpers for cases that could block in a system call (a FIFO) where a cancellation token cannot reach.</summary>
internal static class Guard
{
    /// <summary>Runs <paramref name="work"/> on its own thread and fails the test when it does not end within the budget.</summary>
    public static T Within<T>(Func<T> work, Action? unblock = null)
    {
        var task = Task.Factory.StartNew(work, TaskCreationOptions.LongRunning);
        if (!task.Wait(Hostile.Budget))
        {
            unblock?.Invoke();
            Assert.Fail("the run did not end within the budget (a hang)");
        }

        return task.Result;
    }

    /// <summary>Runs a program (mkfifo, ln, sh) and fails the test when it fails.</summary>
    public static void Exec(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {error}");
    }

    /// <summary>Opens the FIFO for writing and closes it, so that a reader blocked opening it goes on.</summary>
    public static void Release(string fifo)
    {
        _ = Task.Run(() =>
        {
            try
            {
                using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            }
            catch (IOException)
            {
            }
        });
    }
}
