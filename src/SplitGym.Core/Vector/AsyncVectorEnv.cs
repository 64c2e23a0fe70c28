using System.Runtime.ExceptionServices;

namespace SplitGym.Core.Vector;

/// <summary>
/// Runs the sub-envs in parallel on dedicated worker threads (Gymnasium's <c>AsyncVectorEnv</c>
/// uses processes; threads suffice in .NET and share nothing but the batch rows each sub-env owns).
/// The sub-envs are split into contiguous blocks, one per worker; the calling thread runs the
/// first block itself. Results are identical to <see cref="SyncVectorEnv"/> for the same seeds.
/// Worth it when a sub-env step is expensive; for microsecond steps the hand-off costs more.
/// </summary>
public sealed class AsyncVectorEnv : VectorEnv
{
    private readonly (int From, int To)[] _blocks;
    private readonly Thread[] _threads;
    private readonly SemaphoreSlim[] _start;
    private readonly CountdownEvent _done = new(0);
    private readonly Lock _errorLock = new();
    private volatile bool _closing;
    private VectorCommand _command;
    private ExceptionDispatchInfo? _error;

    /// <summary>Batches <paramref name="envs"/> (taking ownership) on up to <paramref name="workers"/> threads (default: the processor count).</summary>
    public AsyncVectorEnv(IReadOnlyList<IArrayEnv> envs, AutoresetMode autoreset = AutoresetMode.NextStep, int? workers = null)
        : base(envs, autoreset)
    {
        var count = Math.Clamp(workers ?? Environment.ProcessorCount, 1, NumEnvs);
        _blocks = [.. Enumerable.Range(0, count).Select(b => (NumEnvs * b / count, NumEnvs * (b + 1) / count))];
        _start = [.. Enumerable.Range(1, count - 1).Select(_ => new SemaphoreSlim(0))];
        _threads = [.. Enumerable.Range(1, count - 1).Select(StartWorker)];
    }

    /// <summary>The number of blocks run in parallel (worker threads plus the calling thread).</summary>
    public int Workers => _blocks.Length;

    /// <inheritdoc />
    protected override void Run(VectorCommand command)
    {
        _command = command;
        _error = null;
        _done.Reset(_threads.Length);
        foreach (var start in _start)
        {
            start.Release();
        }
        try
        {
            Execute(command, _blocks[0].From, _blocks[0].To);
        }
        finally
        {
            _done.Wait();
        }
        _error?.Throw();
    }

    /// <inheritdoc />
    protected override void OnClose()
    {
        _closing = true;
        foreach (var start in _start)
        {
            start.Release();
        }
        foreach (var thread in _threads)
        {
            thread.Join();
        }
        foreach (var start in _start)
        {
            start.Dispose();
        }
        _done.Dispose();
    }

    private Thread StartWorker(int block)
    {
        var thread = new Thread(() => WorkerLoop(block)) { IsBackground = true, Name = $"AsyncVectorEnv worker {block}" };
        thread.Start();
        return thread;
    }

    private void WorkerLoop(int block)
    {
        var start = _start[block - 1];
        while (true)
        {
            start.Wait();
            if (_closing)
            {
                return;
            }
            try
            {
                Execute(_command, _blocks[block].From, _blocks[block].To);
            }
            catch (Exception e)
            {
                lock (_errorLock)
                {
                    _error ??= ExceptionDispatchInfo.Capture(e);
                }
            }
            finally
            {
                _done.Signal();
            }
        }
    }
}
