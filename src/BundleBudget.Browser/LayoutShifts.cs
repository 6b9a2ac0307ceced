namespace BundleBudget.Browser;

/// <summary>Cumulative Layout Shift: the largest session window of shifts (gaps under 1 s, windows at most 5 s).</summary>
public static class LayoutShifts
{
    public static double Cumulative(IEnumerable<(double Time, double Value)> shifts)
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
