using MediatR;

namespace Lifestyle.Commands.Users.EraseUser;

/// <summary>DELETE /v1/me: remove everything of the user.</summary>
public sealed record EraseUserCommand(string UserId) : IRequest<EraseUserResult>;

/// <summary>The erasure's id and where it stands: <c>pending</c> or <c>done</c>.</summary>
public sealed record EraseUserResult(string ErasureId, string Status);
