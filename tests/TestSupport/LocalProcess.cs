using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lifestyle.TestSupport;

/// <summary>A local service process on a free loopback port, killed (with its children) on dispose.</summary>
public sealed class LocalProcess : IDisposable
{
    private static readonly HashSet<int> Handed = [];
    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    public LocalProcess(string fileName, IEnumerable<string> args, string workingDirectory)
    {
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

        process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>Sends a signal (e.g. STOP, CONT) to this process only, with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit(5_000);
    }

    /// <summary>
    /// A port no socket holds, below the kernel's ephemeral range (32768–60999 by default) so that no outgoing
    /// connection of any test process takes it before the service binds it, and never the same twice in this process
    /// (fixtures pick their ports before their services start, often in parallel).
    /// </summary>
    public static int FreePort()
    {
        lock (Handed)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(20_000, 32_000);
                if (Handed.Add(port) && Bindable(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException("No free port in 20000–31999.");
    }

    private static bool Bindable(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 64_000)
            {
                output.AppendLine(line);
            }
        }
    }
}
