using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Dashboard.GetDashboard;

/// <summary>GET /v1/dashboard: every active goal, and a summary.</summary>
public sealed record GetDashboardQuery(string UserId) : IRequest<DashboardView>;

public sealed record DashboardView(IReadOnlyList<GoalView> Goals, DashboardSummary Summary);

/// <param name="ActiveGoals">Active goals.</param>
/// <param name="MetToday">Active goals whose current period's target is reached now.</param>
/// <param name="CurrentStreaks">Active goals with a current streak above 0.</param>
public sealed record DashboardSummary(int ActiveGoals, int MetToday, int CurrentStreaks);
