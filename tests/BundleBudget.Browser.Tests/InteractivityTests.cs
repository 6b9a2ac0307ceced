using BundleBudget.Browser;

namespace BundleBudget.Browser.Tests;

/// <summary>TTI and TBT from long tasks and requests, as Lighthouse defines them (its TBT utilities and interactive metric).</summary>
public class InteractivityTests
{
    [Test]
    public void TTI_is_the_end_of_the_last_long_task_before_five_quiet_seconds_and_TBT_the_time_beyond_50_ms()
    {
        LongTask[] tasks = [new(1000, 300), new(2000, 120), new(9000, 80)];

        var tti = Interactivity.TimeToInteractive(500, tasks, []);

        Assert.That(tti, Is.EqualTo(2120), "5 s quiet after the second task; the third comes after TTI");
        Assert.That(Interactivity.TotalBlockingTime(500, tti, tasks), Is.EqualTo(250 + 70));
    }

    [Test]
    public void Requests_in_flight_after_the_last_long_task_move_the_quiet_window_but_not_TTI()
    {
        LongTask[] tasks = [new(1000, 100)];
        RequestSpan[] requests = [new(1200, 4000), new(1300, 4000), new(1400, 4000)];

        var tti = Interactivity.TimeToInteractive(500, tasks, requests);

        Assert.That(tti, Is.EqualTo(1100), "Lighthouse's TTI is the start of the CPU-quiet period that holds five network-quiet seconds (from 4000 here): the end of the last long task");
    }

    [Test]
    public void A_run_that_stopped_before_five_quiet_seconds_after_TTI_has_no_TTI_and_so_no_TBT()
    {
        LongTask[] tasks = [new(1000, 300), new(2000, 120)];
        RequestSpan[] polling = [new(2500, 2600), new(2600, 2700), new(2700, 2800)];

        var seen = new PageRun(500, 600, 0, 800, tasks, [], 1000) { ObservedUntil = 7200 };
        var cut = new PageRun(500, 600, 0, 800, tasks, [], 1000) { ObservedUntil = 6000 };
        var busy = new PageRun(500, 600, 0, 800, tasks, [.. polling, new(2800, 6900), new(2800, 6900), new(2800, 6900)], 1000) { ObservedUntil = 9000 };

        Assert.That(seen.Tti, Is.EqualTo(2120));
        Assert.That((cut.Tti, cut.Tbt), Is.EqualTo(((double?)null, (double?)null)), "5 s after 2120 is 7120: not seen");
        Assert.That(busy.Tti, Is.Null, "three requests in flight until 6900 leave no quiet 5 s before 9000");
    }

    [Test]
    public void A_task_cut_by_FCP_blocks_only_with_its_part_after_it_and_nothing_when_TTI_is_FCP()
    {
        LongTask[] tasks = [new(400, 200)];

        Assert.That(Interactivity.TotalBlockingTime(500, 900, tasks), Is.EqualTo(50), "100 ms after FCP, 50 beyond the threshold");
        Assert.That(Interactivity.TotalBlockingTime(500, 500, tasks), Is.Zero);
    }

    [Test]
    public void CLS_is_the_largest_session_window()
    {
        // Two windows: 0.1 + 0.05 (gap under 1 s), then a gap of 1.5 s and 0.12 alone.
        var cls = LayoutShifts.Cumulative([(100, 0.1), (900, 0.05), (2400, 0.12)]);
        Assert.That(cls, Is.EqualTo(0.15).Within(1e-9));
    }

    [Test]
    public void Shifts_flagged_as_after_input_count_until_the_first_unflagged_one_as_Lighthouse_counts_them()
    {
        // Device emulation's viewport change marks the first shifts as after input though no one touched the page.
        Assert.That(LayoutShifts.Cumulative([(900, 0.08, true)]), Is.EqualTo(0.08), "alone, it is the page's shift");
        Assert.That(LayoutShifts.Cumulative([(900, 0.08, true), (1200, 0.05, false), (1500, 0.3, true)]), Is.EqualTo(0.13).Within(1e-9), "after an unflagged shift, the flag is real input");
    }
}
