using Lifestyle.Infrastructure.Erasure;
using MediatR;

namespace Lifestyle.Queries.Users.GetErasure;

public sealed class GetErasureHandler(ErasureRecords records) : IRequestHandler<GetErasureQuery, ErasureStatus>
{
    public async Task<ErasureStatus> Handle(GetErasureQuery q, CancellationToken cancellationToken) =>
        await records.FindAsync(q.UserId, q.ErasureId, cancellationToken) ?? throw new ErasureNotFoundException(q.ErasureId);
}
