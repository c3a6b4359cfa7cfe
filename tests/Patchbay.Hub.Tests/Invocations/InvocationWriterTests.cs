using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Hub.Invocations;
using Patchbay.Hub.Storage;
using Patchbay.Hub.Tests.Support;

namespace Patchbay.Hub.Tests.Invocations;

/// <summary>The group-commit writer of invocation records, on the hub's own database.</summary>
public abstract class InvocationWriterTests(HubFixture hub) : HubTests(hub)
{
    [Fact]
    public async Task Records_written_together_are_all_saved()
    {
        var writer = Hub.Hub.Services.GetRequiredService<InvocationWriter>();
        var connector = "Writer " + Guid.NewGuid().ToString("N")[..8];

        await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => writer.WriteAsync(Record(connector))));

        (await Hub.QueryAsync(db => db.Invocations.CountAsync(i => i.ConnectorName == connector, Cancel))).ShouldBe(300);
    }

    [Fact]
    public async Task A_record_that_cannot_be_saved_fails_alone()
    {
        var writer = Hub.Hub.Services.GetRequiredService<InvocationWriter>();
        var connector = "Writer " + Guid.NewGuid().ToString("N")[..8];
        var saved = Record(connector);
        await writer.WriteAsync(saved);

        // Queued at once so they share a batch; the duplicate id makes that batch's save fail.
        var good = Enumerable.Range(0, 20).Select(_ => Record(connector)).ToList();
        var duplicate = Record(connector);
        duplicate.Id = saved.Id;
        var writes = good.Take(10).Append(duplicate).Concat(good.Skip(10)).Select(writer.WriteAsync).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        }));

        outcomes.Count(ok => !ok).ShouldBe(1);
        outcomes[10].ShouldBeFalse("the duplicate is the one refused");
        (await Hub.QueryAsync(db => db.Invocations.CountAsync(i => i.ConnectorName == connector, Cancel))).ShouldBe(21);
    }

    private static InvocationRecord Record(string connector) => new()
    {
        Id = Guid.CreateVersion7(),
        ConnectorName = connector,
        Major = 1,
        Version = "1.0.0",
        Action = "act",
        Mode = "sync",
        Caller = "test",
        StartedAt = DateTimeOffset.UtcNow,
        Outcome = "Succeeded",
        Success = true,
    };
}

public sealed class SqliteInvocationWriterTests(SqliteHub hub) : InvocationWriterTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresInvocationWriterTests(PostgresHub hub) : InvocationWriterTests(hub), IClassFixture<PostgresHub>;
