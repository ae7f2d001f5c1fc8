using Platform.ServiceDefaults.Errors;

namespace Finance.Tests;

/// <summary>A batch with a thousand mistakes answers with the first ones and the total, small enough for any proxy (issue 9, defect 1).</summary>
public sealed class ErrorSizeTests(ServiceFactory<FinanceGrpcService> factory)
    : FinanceTest(factory), IClassFixture<ServiceFactory<FinanceGrpcService>>
{

    [Fact]
    public async Task A_batch_of_a_thousand_bad_lines_lists_the_first_violations_and_counts_them_all()
    {
        var grpc = Grpc("error-size");
        await grpc.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = "bilancio-2024",
            Budget = new Budget { Title = "Bilancio", FirstYear = 2024, LastYear = 2026, Stages = { new BudgetStage { Year = 2024, Stage = Stage.Previsione } } },
        }, Call());
        var batch = new BatchUpsertBudgetLinesRequest { Parent = "budgets/bilancio-2024" };
        for (var i = 0; i < 1000; i++)
            batch.Entries.Add(new BudgetLineEntry
            {
                LineId = $"line-{i}",
                Line = new BudgetLine
                {
                    Kind = BudgetLine.Types.Kind.Spending, MissionCode = "not-a-mission", ProgrammeCode = "x", Titolo = 1,
                    Amounts = { new LineAmount { Year = 2024, Stage = Stage.Previsione, Appropriation = "1.00" } },
                },
            });

        var ex = await Assert.ThrowsAsync<RpcException>(() => grpc.BatchUpsertBudgetLinesAsync(batch, Call()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var status = ex.GetRpcStatus()!;
        Assert.Equal(ErrorLimits.MaxViolations, status.ViolatedFields().Count);
        var total = int.Parse(status.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["violations_total"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= 1000, $"violations_total {total}");
        var bytes = ex.Trailers.Sum(t => t.IsBinary ? t.ValueBytes.Length : t.Value.Length);
        Assert.True(bytes < 32 * 1024, $"{bytes} bytes of trailers");
    }
}
