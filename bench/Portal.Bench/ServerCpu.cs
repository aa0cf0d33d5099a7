/// <summary>
/// CPU time of a throwaway cluster: the postmaster and its live children, plus the children it has reaped (parallel
/// workers, closed connections), from /proc in USER_HZ ticks (100 a second on Linux). Zero where there is no /proc.
/// Shared by the deadline and salary benchmarks.
/// </summary>
internal sealed class ServerCpu(string dataDirectory)
{
    public TimeSpan Used()
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists("/proc/stat") || !File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster)) return TimeSpan.Zero;
        var ticks = 0L;
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(process, "stat")); }
            catch (IOException) { continue; }
            // After the command name in parentheses: state, ppid, …, utime (12th), stime, cutime, cstime.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (pid == postmaster) ticks += long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
            else if (fields[1] == postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture)) ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
