// Neo4j's own Cypher front end (@neo4j-cypher/language-support, lintCypherQuery) over Cypher texts.
//
//   node lint.mjs <node_modules folder>   < texts.json   > results.json
//
// Input: a JSON list of {id, text, params, cypher} (params: names of the parameters the text may use;
// cypher: "CYPHER 5" or "CYPHER 25"). Output: a JSON list of {id, diagnostics: [{severity, message,
// line, column}]} (severity 1 = error, 2 = warning, as in the Language Server Protocol).
// Called by tools/cypher_lint.py, which installs the pinned package with `npm ci` and judges the result.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const modules = process.argv[2];
if (!modules) {
  console.error('usage: node lint.mjs <node_modules folder> < texts.json');
  process.exit(2);
}
const require = createRequire(join(modules, 'noop.js'));
const { lintCypherQuery } = require('@neo4j-cypher/language-support');

const texts = JSON.parse(readFileSync(0, 'utf8'));
const results = texts.map(({ id, text, params, cypher }) => {
  const parameters = Object.fromEntries((params || []).map((name) => [name, null]));
  const { diagnostics } = lintCypherQuery(text, { defaultLanguage: cypher || 'CYPHER 5', parameters });
  return {
    id,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(JSON.stringify(results));
