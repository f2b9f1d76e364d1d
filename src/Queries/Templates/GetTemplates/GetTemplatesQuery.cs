using MediatR;

namespace Lifestyle.Queries.Templates.GetTemplates;

/// <summary>GET /v1/templates: the goal templates a client can create from.</summary>
public sealed record GetTemplatesQuery : IRequest<TemplateList>;

public sealed record TemplateList(IReadOnlyList<TemplateView> Items);

public sealed record TemplateView(
    string TemplateId, string Title, string Pattern, decimal Target, string Unit, int? TimesPerWeek);
