using System.Net.Http.Json;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Patchbay.Hub.Api;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Jobs;

/// <summary>POSTs a finished job's status to its callback URL; Hangfire retries a failed delivery a few times.</summary>
public sealed partial class CallbackJob(HubDb db, JobStatusReader reader, IHttpClientFactory httpClients, ILogger<CallbackJob> logger)
{
    public const string HttpClientName = "patchbay-callbacks";
    public const string JobIdHeader = "Patchbay-Job-Id";
    private const int Retries = 3;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [2, 10, 60], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task DeliverAsync(Guid jobId, PerformContext? context, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job?.CallbackUrl is null || job.CallbackState == JobStates.CallbackDelivered)
        {
            return;
        }

        var status = await reader.ReadAsync(job, cancellationToken);
        string failure;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, job.CallbackUrl) { Content = JsonContent.Create(status, options: HubJson.Options) };
            request.Headers.Add(JobIdHeader, jobId.ToString());
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                await SetStateAsync(job, JobStates.CallbackDelivered);
                return;
            }

            failure = $"the callback answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            failure = e.Message;
        }

        var retried = context?.GetJobParameter<int>("RetryCount") ?? Retries;
        LogFailed(logger, jobId, retried + 1, failure);
        if (retried >= Retries)
        {
            await SetStateAsync(job, JobStates.CallbackFailed);
            return;
        }

        throw new CallbackDeliveryException($"The callback of job {jobId} was not delivered: {failure}.");
    }

    private async Task SetStateAsync(JobRecord job, string state)
    {
        job.CallbackState = state;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The callback of job {JobId} failed (delivery {Delivery}): {Failure}")]
    private static partial void LogFailed(ILogger logger, Guid jobId, int delivery, string failure);
}

/// <summary>A callback delivery failed; Hangfire tries again later.</summary>
public sealed class CallbackDeliveryException(string message) : Exception(message);
