// `oav validate-spec <spec>` offline: oav 4.0.3 preloads autorest's example schema under its old URL,
// while the @autorest/schemas it depends on now refers to it by a new one, so oav fetches it from GitHub
// (unreachable from the build machines) and reports the failure as a crash. This runs oav's own
// semantic validator with the schema preloaded under the new URL too, and exits 1 when it finds errors.
const { SemanticValidator } = require("oav/dist/lib/swaggerValidator/semanticValidator");
const exampleSchema = require("@autorest/schemas/example-schema.json");

async function main(spec) {
  const validator = new SemanticValidator(spec, null);
  validator.validator.fileLoader.preloadExtraFile(exampleSchema.$id.replace(/#$/, ""), JSON.stringify(exampleSchema));
  await validator.initialize();
  const result = await validator.validateSpec();
  for (const error of result.errors) {
    console.log(JSON.stringify({ code: error.code, message: error.message, jsonPath: error.jsonPathsInPayload || error.jsonPath }));
  }
  console.log(`${spec}: ${result.errors.length} semantic error(s)`);
  return result.errors.length === 0 ? 0 : 1;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    console.log(`${process.argv[2]}: ${error.stack || error}`);
    process.exit(2);
  },
);
