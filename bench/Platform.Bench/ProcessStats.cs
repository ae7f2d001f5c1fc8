using System.Globalization;

namespace Platform.Bench;

/// <summary>CPU time and memory of processes, read from <c>/proc</c>.</summary>
public static class ProcessStats
{
    /// <summary>Clock ticks per second of <c>/proc/*/stat</c> (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU seconds of a process and, when asked, of its direct children (nginx workers).</summary>
    public static double CpuSeconds(int pid, bool withChildren = false)
    {
        var total = OwnCpu(pid);
        if (withChildren)
            foreach (var child in ChildrenOf(pid)) total += OwnCpu(child);
        return total;
    }

    public static double CpuSeconds(IEnumerable<int> pids) => pids.Sum(p => CpuSeconds(p, withChildren: true));

    /// <summary>Resident set size in MB (VmRSS), with children when asked.</summary>
    public static double RssMegabytes(int pid, bool withChildren = false)
    {
        var total = StatusKilobytes(pid, "VmRSS:");
        if (withChildren)
            foreach (var child in ChildrenOf(pid)) total += StatusKilobytes(child, "VmRSS:");
        return total / 1024.0;
    }

    private static double OwnCpu(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? 0 : (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Fields of <c>/proc/pid/stat</c> after the command name: [0] is the state, [1] the parent pid.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static IEnumerable<int> ChildrenOf(int pid)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var candidate)) continue;
            if (StatFields(candidate) is { } fields && fields[1] == pid.ToString(CultureInfo.InvariantCulture)) yield return candidate;
        }
    }

    private static long StatusKilobytes(int pid, string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ').Take(3) is var parts ? string.Join(" ", parts) : "";
}
