using SiddhiGen.Tool.Tests.Support;

namespace SiddhiGen.Tool.Tests.Browser;

/// <summary>The management page in real headless Chromium, served by a test host running generated apps.</summary>
[Category("browser")]
[NonParallelizable]
public sealed class ManagementPageBrowserTests
{
    [Test]
    public async Task AnEventSentThroughTheFormShowsInTheRateAndInAnOnDemandQueryResult()
    {
        await using var host = await ManagementHost.StartAsync();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await browser.NavigateAsync(host.BaseUri);

        const string card = "document.querySelector('.stream[data-app=\"StockApp\"][data-stream=\"StockStream\"]')";
        await browser.WaitForAsync($"{card} !== null && {card}.querySelector('.in-rate') !== null", "the StockStream card");
        await browser.WaitForAsync("document.querySelector('#app-table tr[data-app=\"StockApp\"] .status-running') !== null", "StockApp listed as running");
        Assert.That((string?)await browser.EvaluateAsync($"{card}.querySelector('.in-rate').textContent"), Is.EqualTo("in 0/s"));

        // The form: type the values and submit it as a user would.
        await browser.EvaluateAsync($$"""
            (() => {
              const form = {{card}}.querySelector('form');
              form.elements['symbol'].value = 'IBM';
              form.elements['price'].value = '150.5';
              form.elements['volume'].value = '7';
              form.requestSubmit();
            })()
            """);
        await browser.WaitForAsync($"{card}.querySelector('.result').textContent === 'sent (1)'", "the form's confirmation");
        await browser.WaitForAsync($"{card}.querySelector('.in-rate').textContent !== 'in 0/s'", "the in rate to rise");
        Assert.That((string?)await browser.EvaluateAsync($"{card}.querySelector('.totals').textContent"), Does.StartWith("1 in"));

        await browser.EvaluateAsync("""
            (() => {
              document.getElementById('query-app').value = 'StockApp';
              document.getElementById('query-text').value = 'from StockTable select symbol, price, volume';
              document.getElementById('query-form').requestSubmit();
            })()
            """);
        await browser.WaitForAsync("document.querySelector('#query-table tbody tr') !== null", "the query result table");
        Assert.That((string?)await browser.EvaluateAsync("document.querySelector('#query-table tbody tr').innerText"), Is.EqualTo("IBM\t150.5\t7"));

        // One screenshot per run, kept as the test's artifact.
        await Task.Delay(1200); // one more poll draws the chart with the event in it
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "management-page.png");
        await File.WriteAllBytesAsync(path, await browser.ScreenshotAsync());
        TestContext.AddTestAttachment(path, "the management page after one event and one query");
    }
}
