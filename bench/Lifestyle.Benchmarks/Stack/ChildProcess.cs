using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lifestyle.Benchmarks.Stack;

/// <summary>A process the benchmark started; its output goes to a log file; killed (with its children) on dispose.</summary>
public sealed class ChildProcess : IDisposable
{
    private static readonly HashSet<int> Handed = [];
    private readonly Process process;
    private readonly StreamWriter log;

    public ChildProcess(string name, string fileName, IEnumerable<string> args, string workingDirectory,
        string logFile, IReadOnlyDictionary<string, string?>? environment = null)
    {
        Name = name;
        LogFile = logFile;
        log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string LogFile { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>A free port below the kernel's ephemeral range (no outgoing connection takes it first), never handed out twice.</summary>
    public static int FreePort()
    {
        lock (Handed)
        {
            while (true)
            {
                var port = Random.Shared.Next(20_000, 32_000);
                if (!Handed.Add(port))
                {
                    continue;
                }

                try
                {
                    using var listener = new TcpListener(IPAddress.Any, port);
                    listener.Start();
                    return port;
                }
                catch (SocketException)
                {
                    // Taken: the loop picks another.
                }
            }
        }
    }

    public string Tail(int lines = 20)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join(Environment.NewLine, reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
