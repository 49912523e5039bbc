namespace NetvaerkPortal.Tests.Search;

/// <summary>Waits for what a background indexer does; the bound (a minute) only keeps a broken test from hanging.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition) => await TrueAsync(() => Task.FromResult(condition()));

    public static async Task<bool> TrueAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }
}
