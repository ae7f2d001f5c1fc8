using Google.Protobuf;
using Platform.ServiceDefaults.Security;

namespace Platform.Documents;

/// <summary>Answers a rendered document: gRPC clients get an HttpBody, REST clients the file itself.</summary>
public sealed class DocumentsGrpcService(DocumentRenderer renderer) : DocumentsService.DocumentsServiceBase
{
    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<Google.Api.HttpBody> RenderDocument(RenderDocumentRequest request, ServerCallContext context)
    {
        var document = await renderer.RenderAsync(request, context.CancellationToken);
        context.GetHttpContext().Response.Headers.ContentDisposition = $"attachment; filename=\"{document.FileName}\"";
        return new Google.Api.HttpBody { ContentType = document.ContentType, Data = ByteString.CopyFrom(document.Content) };
    }
}
