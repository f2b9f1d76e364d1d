# The operations dashboard: API latency percentiles and error rates by route (the HTTP API's detailed route
# metrics), and by endpoint from the access log; the projector's lag (IteratorAge) and parked goals; and what users
# do: goals created by pattern and activities logged per hour (embedded metrics the projector writes, see
# src/Projections/Projection/PatternMetrics.cs).

locals {
  dashboard_routes   = concat([aws_apigatewayv2_route.v1.route_key], sort(keys(aws_apigatewayv2_route.public)))
  dashboard_patterns = ["daily", "weekly", "total", "limit", "milestones"]
  dashboard_api      = ["ApiId", aws_apigatewayv2_api.http.id, "Stage", aws_apigatewayv2_stage.default.name]
  # Each metric widget is 12 × 6, a time series unless it says otherwise.
  dashboard_metric_widgets = [
    {
      x = 0, y = 0
      properties = {
        title   = "API latency p50 / p90 / p99 by route (ms)"
        period  = 300
        metrics = flatten([for r in local.dashboard_routes : [for p in ["p50", "p90", "p99"] : [concat(["AWS/ApiGateway", "Latency"], local.dashboard_api, ["Route", r]), { stat = p, label = "${r} ${p}" }]]])
      }
    },
    {
      x = 12, y = 0
      properties = {
        title  = "API error rate by route (% of requests: 4xx, 5xx)"
        period = 300
        metrics = flatten([for i, r in local.dashboard_routes : [
          [concat(["AWS/ApiGateway", "Count"], local.dashboard_api, ["Route", r]), { id = "n${i}", stat = "Sum", visible = false }],
          [concat(["AWS/ApiGateway", "4xx"], local.dashboard_api, ["Route", r]), { id = "c${i}", stat = "Sum", visible = false }],
          [concat(["AWS/ApiGateway", "5xx"], local.dashboard_api, ["Route", r]), { id = "s${i}", stat = "Sum", visible = false }],
          [{ expression = "100 * c${i} / n${i}", label = "${r} 4xx %" }],
          [{ expression = "100 * s${i} / n${i}", label = "${r} 5xx %" }],
        ]])
      }
    },
    {
      x = 0, y = 12
      properties = {
        title   = "Projector lag: stream IteratorAge (ms)"
        period  = 60
        metrics = [["AWS/Lambda", "IteratorAge", "FunctionName", aws_lambda_function.projector.function_name, { stat = "Maximum" }]]
      }
    },
    {
      x = 12, y = 12
      properties = {
        title   = "Parked goals (projections that failed three times)"
        period  = 300
        metrics = [["Lifestyle", "ParkedGoals", { stat = "Sum" }]]
      }
    },
    {
      x = 0, y = 18
      properties = {
        title   = "Goal pattern distribution (goals created in the period)"
        view    = "pie"
        period  = 86400
        metrics = [for p in local.dashboard_patterns : ["Lifestyle", "GoalsCreated", "Pattern", p, { stat = "Sum", label = p }]]
      }
    },
    {
      x = 12, y = 18
      properties = {
        title   = "Activities logged per hour, by pattern"
        stacked = true
        period  = 3600
        metrics = [for p in local.dashboard_patterns : ["Lifestyle", "ActivitiesLogged", "Pattern", p, { stat = "Sum", label = p }]]
      }
    },
  ]
  dashboard_log_widget = {
    type = "log", x = 0, y = 6, width = 24, height = 6
    properties = {
      title  = "By endpoint and status class (access log; goal ids folded): requests and latency percentiles"
      view   = "table"
      region = local.region
      query  = <<-QUERY
          SOURCE '${aws_cloudwatch_log_group.api_access.name}'
          | parse path /^(?<base>\/[^\/]+\/[^\/]+)(\/[0-9a-f]{32})?(?<sub>\/[a-z]+)?/
          | fields floor(status / 100) as class
          | stats count(*) as requests, pct(latencyMs, 50) as p50, pct(latencyMs, 90) as p90, pct(latencyMs, 99) as p99 by method, base, sub, class
          | sort requests desc
        QUERY
    }
  }
  dashboard_widgets = concat(
    [for w in local.dashboard_metric_widgets : {
      type       = "metric", x = w.x, y = w.y, width = 12, height = 6
      properties = merge({ region = local.region, view = "timeSeries" }, w.properties)
    }],
    [local.dashboard_log_widget],
  )
}

resource "aws_cloudwatch_dashboard" "operations" {
  dashboard_name = "${local.prefix}-operations"
  dashboard_body = jsonencode({ widgets = local.dashboard_widgets })
}
