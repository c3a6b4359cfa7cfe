using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Patchbay.Hub.Storage;

/// <summary>Stores an instant as its UTC ticks, so SQLite orders and compares instants correctly.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
