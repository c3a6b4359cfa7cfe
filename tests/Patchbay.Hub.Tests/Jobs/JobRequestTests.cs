using Patchbay.Hub.Invocations;
using Patchbay.Hub.Jobs;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Tests.Jobs;

public sealed class JobRequestTests
{
    [Fact]
    public void A_job_runs_as_the_caller_that_asked_for_it_user_account_included()
    {
        var caller = new Caller(Guid.NewGuid(), "ana", Roles.Operator, new HashSet<string>(["crm"], StringComparer.Ordinal), CallerKind.User);
        var command = new InvocationCommand(caller, "crm", 2, "find", "Production", null);

        var stored = JobRequest.From(command).ToJson();
        var again = JobRequest.Parse(stored).ToCommand(Job(stored), attempt: 1).Caller;

        again.Kind.ShouldBe(CallerKind.User);
        again.KeyId.ShouldBe(caller.KeyId);
        again.Role.ShouldBe(Roles.Operator);
        again.Connectors.ShouldBe(["crm"]);
    }

    [Fact]
    public void A_request_stored_before_the_kind_was_kept_runs_as_a_key()
    {
        const string Stored = """{"connector":"crm","major":1,"action":"find","environment":"Production","inputs":null,"callerKeyId":"6f1c2a9e-0000-4000-8000-000000000001","callerRole":"operator","callerConnectors":null}""";

        JobRequest.Parse(Stored).ToCommand(Job(Stored), attempt: 1).Caller.Kind.ShouldBe(CallerKind.Key);
    }

    private static JobRecord Job(string json) => new() { Id = Guid.NewGuid(), State = "queued", RequestJson = json, Caller = "ana" };
}
