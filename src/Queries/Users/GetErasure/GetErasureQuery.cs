using Lifestyle.Infrastructure.Erasure;
using MediatR;

namespace Lifestyle.Queries.Users.GetErasure;

/// <summary>GET /v1/me/erasure/{erasureId}.</summary>
public sealed record GetErasureQuery(string UserId, string ErasureId) : IRequest<ErasureStatus>;

/// <summary>No erasure with this id, or it is another user's: the same answer for both.</summary>
public sealed class ErasureNotFoundException(string erasureId) : Exception($"Erasure {erasureId} was not found.");
