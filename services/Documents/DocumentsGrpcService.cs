using Google.Protobuf;
using Platform.ServiceDefaults.Security;

namespace Platform.Documents;

/// <summary>Streams a rendered document in chunks: gRPC clients get HttpBody messages, REST clients the file itself.</summary>
public sealed class DocumentsGrpcService(DocumentRenderer renderer) : DocumentsService.DocumentsServiceBase
{
    private const int ChunkSize = 64 * 1024;

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task RenderDocument(RenderDocumentRequest request, IServerStreamWriter<Google.Api.HttpBody> responseStream,
        ServerCallContext context)
    {
        var document = await renderer.RenderAsync(request, context.CancellationToken);
        context.GetHttpContext().Response.Headers.ContentDisposition = $"attachment; filename=\"{document.FileName}\"";
        for (var offset = 0; offset < document.Content.Length || offset == 0; offset += ChunkSize)
        {
            var length = Math.Min(ChunkSize, document.Content.Length - offset);
            await responseStream.WriteAsync(new Google.Api.HttpBody
            {
                ContentType = document.ContentType,
                Data = ByteString.CopyFrom(document.Content, offset, length),
            });
            if (document.Content.Length == 0) break;
        }
    }
}
