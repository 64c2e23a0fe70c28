using System.Runtime.ExceptionServices;

namespace SplitGym.Core.Vector;

/// <summary>
/// Runs the sub-envs in parallel on dedicated worker threads (Gymnasium's <c>AsyncVectorEnv</c>
/// uses processes; threads suffice in .NET and share nothing but the batch rows each sub-env owns).
/// The sub-envs are split into contiguous blocks, one per worker; the calling thread runs the
/// first block itself. Results are identical to <see cref="SyncVectorEnv"/> for the same seeds.
/// </summary>
/// <remarks>
/// Hand-off between threads spins briefly before blocking, so back-to-back steps do not pay a
/// kernel wake-up each time; an idle vector env blocks its workers and costs no CPU. Blocking uses
/// monitors on objects allocated up front, so no step allocates managed memory, on any thread,
/// even the first one that blocks. Worth it when
/// a sub-env step costs well over the hand-off (a few microseconds); for CartPole-sized steps
/// <see cref="SyncVectorEnv"/> is faster.
/// </remarks>
public sealed class AsyncVectorEnv : VectorEnv
{
    private const int SpinsBeforeBlocking = 200;

    private readonly (int From, int To)[] _blocks;
    private readonly Thread[] _threads;
    private readonly object _gate = new();
    private readonly object _doneGate = new();
    private readonly Lock _errorLock = new();
    private volatile bool _closing;
    private volatile int _generation;
    private int _pending;
    private VectorCommand _command;
    private ExceptionDispatchInfo? _error;

    /// <summary>Batches <paramref name="envs"/> (taking ownership) on up to <paramref name="workers"/> threads (default: the processor count).</summary>
    public AsyncVectorEnv(IReadOnlyList<IArrayEnv> envs, AutoresetMode autoreset = AutoresetMode.NextStep, int? workers = null)
        : base(envs, autoreset)
    {
        var count = Math.Clamp(workers ?? Environment.ProcessorCount, 1, NumEnvs);
        _blocks = [.. Enumerable.Range(0, count).Select(b => (NumEnvs * b / count, NumEnvs * (b + 1) / count))];
        _threads = [.. Enumerable.Range(1, count - 1).Select(StartWorker)];
    }

    /// <summary>The number of blocks run in parallel (worker threads plus the calling thread).</summary>
    public int Workers => _blocks.Length;

    /// <inheritdoc />
    protected override void Run(VectorCommand command)
    {
        _command = command;
        _error = null;
        Volatile.Write(ref _pending, _threads.Length);
        StartGeneration();
        try
        {
            Execute(command, _blocks[0].From, _blocks[0].To);
        }
        finally
        {
            WaitForWorkers();
        }
        _error?.Throw();
    }

    /// <inheritdoc />
    protected override void OnClose()
    {
        _closing = true;
        StartGeneration();
        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    private void StartGeneration()
    {
        lock (_gate)
        {
            _generation++;
            Monitor.PulseAll(_gate);
        }
    }

    private void WaitForWorkers()
    {
        var spin = new SpinWait();
        while (Volatile.Read(ref _pending) > 0)
        {
            if (spin.Count >= SpinsBeforeBlocking)
            {
                BlockUntilWorkersAreDone();
                return;
            }
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Waits on <see cref="_doneGate"/>; the last worker pulses it after its decrement, so no wake-up is lost.</summary>
    private void BlockUntilWorkersAreDone()
    {
        lock (_doneGate)
        {
            while (Volatile.Read(ref _pending) > 0)
            {
                Monitor.Wait(_doneGate);
            }
        }
    }

    private Thread StartWorker(int block)
    {
        var thread = new Thread(() => WorkerLoop(block)) { IsBackground = true, Name = $"AsyncVectorEnv worker {block}" };
        thread.Start();
        return thread;
    }

    private void WorkerLoop(int block)
    {
        var seen = 0;
        while (true)
        {
            seen = WaitForGeneration(seen);
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
                if (Interlocked.Decrement(ref _pending) == 0)
                {
                    lock (_doneGate)
                    {
                        Monitor.Pulse(_doneGate);
                    }
                }
            }
        }
    }

    /// <summary>Spins, then blocks, until the calling thread starts a generation after <paramref name="seen"/>; returns it.</summary>
    private int WaitForGeneration(int seen)
    {
        var spin = new SpinWait();
        while (_generation == seen)
        {
            if (spin.Count < SpinsBeforeBlocking)
            {
                spin.SpinOnce(sleep1Threshold: -1);
                continue;
            }
            lock (_gate)
            {
                while (_generation == seen)
                {
                    Monitor.Wait(_gate);
                }
            }
        }
        return _generation;
    }
}
