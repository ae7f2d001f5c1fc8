using Platform.Indicators.V1;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;

namespace Platform.Indicators.Definitions;

public static class IndicatorValidation
{
    public static void ValidateCreate(CreateIndicatorRequest request)
    {
        var validator = new RequestValidator();
        ResourceNames.CheckId(validator, request.IndicatorId, "indicator_id");
        if (validator.Check(request.Indicator is not null, "indicator", "is required"))
        {
            var indicator = request.Indicator!;
            validator.Text(indicator.Title, "indicator.title", 300);
            validator.MaxLength(indicator.Unit, 50, "indicator.unit");
            validator.MaxLength(indicator.Description, 20_000, "indicator.description");
        }
        validator.ThrowIfInvalid();
    }
}
