locals {
  # Resource names: "lifestyle-dev-projector", ...
  prefix = "${var.project}-${var.environment}"

  # infra/package.sh writes these (paths relative to this directory).
  build_dir       = "${path.module}/${var.build_dir}"
  projections_zip = "${local.build_dir}/projections.zip"
  api_zip         = "${local.build_dir}/api.zip"

  # Managed .NET runtime, no custom runtime and no Amazon.Lambda.* packages (docs/adr/0003).
  lambda_runtime = "dotnet10"

  # Lambda handler strings of the managed .NET runtime: Assembly::Namespace.Type::Method.
  projector_handler = "Lifestyle.Projections::Lifestyle.Projections.Stream.LambdaEntryPoint::HandleAsync"
  # The daily-close job (docs/product-rules.md §6: streaks broken / at risk, weekly summaries; docs/adr/0005):
  # src/Projections/Host/Jobs/DailyCloseEntryPoint.cs, a public HandleAsync(Stream).
  daily_close_handler = "Lifestyle.Projections::Lifestyle.Projections.Jobs.DailyCloseEntryPoint::HandleAsync"
  # The erasure job (README "Erasure"): src/Projections/Host/Jobs/ErasureEntryPoint.cs, a public HandleAsync(Stream).
  erasure_handler = "Lifestyle.Projections::Lifestyle.Projections.Jobs.ErasureEntryPoint::HandleAsync"

  # The event source mapping passes only goal-head records (SK "GOAL#{goalId}", Keys.GoalPrefix)
  # and event records (SK "ACTIVITY#{goalId}#…", Keys.EventPrefix): every committed command rewrites
  # exactly one head (docs/adr/0002), and a pass folds the events its batch carries instead of
  # querying them (docs/adr/0007). Read models, idempotency records and profiles also stream and
  # are of no interest to the projector. Literal JSON (DynamoDB event filter syntax) so the infra
  # tests can read it; the prefixes of one key are alternatives.
  projector_filter = "{\"dynamodb\":{\"Keys\":{\"SK\":{\"S\":[{\"prefix\":\"GOAL#\"},{\"prefix\":\"ACTIVITY#\"}]}}}}"

  region = data.aws_region.current.region
}
