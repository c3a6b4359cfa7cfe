namespace Patchbay.Core.Model;

/// <summary>The data types of Bizagi's input and output trees (bizagi-compat §5.4).</summary>
public enum DataType
{
    String,
    Boolean,
    Byte,
    Date,
    Decimal,
    Double,
    Integer,
    Object,
}
