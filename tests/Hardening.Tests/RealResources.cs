using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Net.Client;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Objectives.V1;

namespace Hardening.Tests;

/// <summary>
/// A small set of real, unpublished resources of one ente (a plan, an objective, a report, a version, an
/// indicator with a period, a budget with a line, an investment), created as that ente's admin.
/// </summary>
public sealed class RealResources
{
    /// <summary>Every resource by name, as the owner reads it.</summary>
    public Dictionary<string, IMessage> ByName { get; } = [];
    public string Plan { get; private set; } = "";
    public string Objective { get; private set; } = "";
    public string Indicator { get; private set; } = "";
    public string Budget { get; private set; } = "";
    public string Investment { get; private set; } = "";

    /// <summary>The resource ids all start with this tag, so a response that names one is easy to spot.</summary>
    public string Tag { get; }

    private RealResources(string tag) => Tag = tag;

    public static async Task<RealResources> CreateAsync(GrpcChannel owner, string tag)
    {
        var r = new RealResources(tag);
        var objectives = new ObjectivesService.ObjectivesServiceClient(owner);
        var indicators = new IndicatorsService.IndicatorsServiceClient(owner);
        var finance = new FinanceService.FinanceServiceClient(owner);

        var plan = await objectives.CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = $"{tag}-plan", Plan = new Plan { Title = "Piano riservato", Kind = Platform.Objectives.V1.Plan.Types.Kind.Peg, StartYear = 2024, EndYear = 2026, Levels = { "Linea", "Azione" }, FreeChildCodes = true },
        });
        var objective = await objectives.CreateObjectiveAsync(new CreateObjectiveRequest
        {
            Parent = plan.Name, ObjectiveId = "1", Objective = new Objective { Title = "Obiettivo riservato" },
        });
        var report = await objectives.CreateProgressReportAsync(new CreateProgressReportRequest
        {
            Parent = objective.Name, Report = new ProgressReport { Period = "2024", State = ProgressReport.Types.State.OnTrack, StatusText = "Avviato" },
        });
        var version = await objectives.CreatePlanVersionAsync(new CreatePlanVersionRequest
        {
            Parent = plan.Name, Version = new PlanVersion { Description = "Prima versione" },
        });
        var indicator = await indicators.CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = $"{tag}-ind", Indicator = new Indicator { Title = "Indice riservato", Unit = "%", Objectives = { objective.Name } },
        });
        var period = await indicators.UpdatePeriodAsync(new UpdatePeriodRequest
        {
            Period = new Period { Name = $"{indicator.Name}/periods/2024", Target = "10", Actual = "5" }, AllowMissing = true,
        });
        var budget = await finance.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = $"{tag}-bud",
            Budget = new Budget { Title = "Bilancio riservato", FirstYear = 2024, LastYear = 2026, Stages = { new BudgetStage { Year = 2024, Stage = Stage.Previsione } } },
        });
        await finance.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest
        {
            Parent = budget.Name,
            Entries = { SpendingLine("s-12-04", "100.00") },
        });
        var investment = await finance.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = $"{tag}-inv", Investment = new Investment { Title = "Scuola riservata", TotalCost = "1000.00", Objectives = { objective.Name } },
        });
        var debt = await finance.GetDebtScheduleAsync(new GetDebtScheduleRequest { Name = $"{budget.Name}/debtSchedule" });

        r.Plan = plan.Name;
        r.Objective = objective.Name;
        r.Indicator = indicator.Name;
        r.Budget = budget.Name;
        r.Investment = investment.Name;
        foreach (var message in new IMessage[]
                 {
                     await objectives.GetPlanAsync(new GetPlanRequest { Name = plan.Name }), objective, report, version,
                     await indicators.GetIndicatorAsync(new GetIndicatorRequest { Name = indicator.Name }), period,
                     await finance.GetBudgetAsync(new GetBudgetRequest { Name = budget.Name }), investment, debt,
                 })
            r.ByName[(string)message.Descriptor.FindFieldByName("name").Accessor.GetValue(message)] = message;
        return r;
    }

    public static BudgetLineEntry SpendingLine(string id, string amount, string macroaggregato = "103", int year = 2024) => new()
    {
        LineId = id,
        Line = new BudgetLine
        {
            Kind = BudgetLine.Types.Kind.Spending, MissionCode = "12", ProgrammeCode = "12.04", Titolo = 1, Macroaggregato = macroaggregato,
            Amounts = { new LineAmount { Year = year, Stage = Stage.Previsione, Appropriation = amount } },
        },
    };

    /// <summary>The real resource whose name matches a path pattern such as <c>plans/*/objectives/*</c>.</summary>
    public string? Matching(string pattern)
    {
        var parts = pattern.Split('/');
        return ByName.Keys.FirstOrDefault(name =>
        {
            var segments = name.Split('/');
            return segments.Length == parts.Length && parts.Zip(segments).All(p => p.First == "*" || p.First == p.Second);
        });
    }

    /// <summary>The real resource of a collection (<c>plans</c>, <c>objectives</c>...), the shallowest first.</summary>
    public string? OfCollection(string collection) => ByName.Keys
        .Where(name => name.Split('/') is var s && s.Length >= 2 && s[^2] == collection)
        .OrderBy(name => name.Length).FirstOrDefault();

    /// <summary>The real resource of a message type (<c>Plan</c>, <c>Period</c>...).</summary>
    public IMessage? OfType(MessageDescriptor type) => ByName.Values.FirstOrDefault(m => m.Descriptor == type);
}
