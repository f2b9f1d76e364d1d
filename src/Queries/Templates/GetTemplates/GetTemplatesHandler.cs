using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Templates;
using MediatR;

namespace Lifestyle.Queries.Templates.GetTemplates;

public sealed class GetTemplatesHandler : IRequestHandler<GetTemplatesQuery, TemplateList>
{
    private static readonly TemplateList Templates = new(GoalTemplates.All
        .Select(t => new TemplateView(t.Id, t.Title, t.Pattern.ToWire(), t.Target, t.Unit, t.TimesPerWeek))
        .ToList());

    public Task<TemplateList> Handle(GetTemplatesQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(Templates);
}
