// Converts HCL files (infra/*.tf, infra/env/*.tfvars) to JSON with @cdktf/hcl2json, the
// WebAssembly build of HashiCorp's hcl2json. Terraform itself cannot run here (no binary, no
// provider downloads), so the infra tests read this JSON instead.
// Usage: node parse-hcl.js <hcl2json install dir> <file>...
// Prints one JSON object: { "<file as given>": <the file's JSON>, ... }. Exits 1 on a parse error.
"use strict";
const fs = require("fs");
const path = require("path");

const [installDir, ...files] = process.argv.slice(2);
const { parse } = require(path.resolve(installDir, "node_modules", "@cdktf", "hcl2json"));

(async () => {
  const out = {};
  for (const file of files) {
    out[file] = await parse(path.basename(file), fs.readFileSync(file, "utf8"));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((err) => {
  process.stderr.write(`parse-hcl: ${err && err.message ? err.message : err}\n`);
  process.exit(1);
});
