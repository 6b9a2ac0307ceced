namespace BundleBudget.Browser;

/// <summary>Cumulative Layout Shift: the largest session window of shifts (gaps under 1 s, windows at most 5 s).</summary>
public static class LayoutShifts
{
    public static double Cumulative(IEnumerable<(double Time, double Value)> shifts) =>
        Cumulative(shifts.Select(s => (s.Time, s.Value, false)));

    /// <summary>
    /// With each shift's hadRecentInput. A run has no user input, yet Chrome flags the shifts within 500 ms of the
    /// viewport change that device emulation makes after navigation starts as after input; Lighthouse counts those
    /// flagged shifts until the first unflagged one (its CumulativeLayoutShift computation, Chromium issues 1094974 and
    /// 1302667), and so does this: mobile emulation would otherwise hide a shift Lighthouse reports.
    /// </summary>
    public static double Cumulative(IEnumerable<(double Time, double Value, bool HadRecentInput)> shifts)
    {
        var mustRespectInput = false;
        var counted = new List<(double Time, double Value)>();
        foreach (var (time, value, hadRecentInput) in shifts.OrderBy(s => s.Time))
        {
            if (!hadRecentInput)
            {
                mustRespectInput = true;
            }
            else if (mustRespectInput)
            {
                continue;
            }

            counted.Add((time, value));
        }

        return SessionWindows(counted);
    }

    private static double SessionWindows(List<(double Time, double Value)> shifts)
    {
        double largest = 0, current = 0, windowStart = 0, previous = double.NegativeInfinity;
        foreach (var (time, value) in shifts.OrderBy(s => s.Time))
        {
            if (time - previous >= 1000 || time - windowStart >= 5000)
            {
                current = 0;
                windowStart = time;
            }

            current += value;
            previous = time;
            largest = Math.Max(largest, current);
        }

        return largest;
    }
}
