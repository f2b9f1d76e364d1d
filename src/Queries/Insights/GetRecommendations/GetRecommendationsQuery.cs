using MediatR;

namespace Lifestyle.Queries.Insights.GetRecommendations;

/// <summary>GET /v1/recommendations: up to five templates the user has not adopted, ranked.</summary>
public sealed record GetRecommendationsQuery(string UserId) : IRequest<RecommendationList>;

/// <param name="Items">Best first.</param>
/// <param name="AsOf">The day the template statistics were closed for; null before the first daily close.</param>
public sealed record RecommendationList(IReadOnlyList<RecommendationView> Items, DateOnly? AsOf);

/// <param name="TemplateId">The template (<c>POST /v1/goals {templateId}</c> adopts it).</param>
/// <param name="Title">The template's title.</param>
/// <param name="Score">0–1, higher first.</param>
/// <param name="Reasons">similar-users, success-pattern, season, popular: why it is offered.</param>
public sealed record RecommendationView(string TemplateId, string Title, decimal Score, IReadOnlyList<string> Reasons);
