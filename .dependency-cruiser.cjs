/**
 * The layers of src/ (docs/architecture.md), checked in `npm test` (test/layers.test.ts):
 *
 *   base (errors, version, numbers, text) → table → criteria → scoring → analysis
 *                                                 ↘ sipas (beside scoring)
 *   report (text, CSV, HTML) over all of them; xlsx (workbooks) over report;
 *   api (the public core) over everything above; node and cli at the edge; testing beside node.
 *
 * The core — every folder but node, cli and testing, xlsx included — imports no Node built-in, so it bundles for
 * browsers and runs in Deno. A folder imports only the folders below it.
 */
const CORE = '^src/(errors|version|index)\\.ts$|^src/(numbers|text|order|i18n|table|criteria|scoring|analysis|sipas|report|xlsx|api|data)/';

/** A layer `from` may import only `allowed` folders of src/ (besides itself and base). */
function layer(name, from, allowed) {
  const all = ['table', 'criteria', 'scoring', 'analysis', 'sipas', 'report', 'xlsx', 'api', 'data', 'node', 'cli', 'testing'];
  const forbidden = all.filter((f) => !allowed.includes(f) && !from.startsWith(`^src/${f}/`));
  return {
    name,
    severity: 'error',
    comment: `${from} may import only ${allowed.join(', ') || 'base'} (and base: errors, version, numbers, text, order, i18n)`,
    from: { path: from },
    to: { path: `^src/(${forbidden.join('|')})/` },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-node-builtin',
      severity: 'error',
      comment: 'the core runs in browsers, Deno and bundlers: Node built-ins belong in src/node (or src/cli)',
      from: { path: CORE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'base-imports-nothing',
      severity: 'error',
      comment: 'errors, version, numbers, text, order and i18n are the base: they import no other folder of src/',
      from: { path: '^src/(errors|version)\\.ts$|^src/(numbers|text|order)/' },
      to: { path: '^src/(table|criteria|scoring|analysis|sipas|report|xlsx|api|data|node|cli|testing)/' },
    },
    layer('table-layer', '^src/table/', []),
    layer('criteria-layer', '^src/criteria/', ['table']),
    layer('scoring-layer', '^src/scoring/', ['table', 'criteria']),
    layer('analysis-layer', '^src/analysis/', ['table', 'criteria', 'scoring']),
    layer('sipas-layer', '^src/sipas/', ['table', 'criteria']),
    layer('data-layer', '^src/data/', ['table', 'criteria']),
    layer('report-layer', '^src/report/', ['table', 'criteria', 'scoring', 'analysis', 'sipas']),
    layer('xlsx-layer', '^src/xlsx/(?!index\\.ts$)', ['table', 'criteria', 'scoring', 'analysis', 'sipas', 'report']),
    layer('xlsx-entry', '^src/xlsx/index\\.ts$', ['table', 'criteria', 'scoring', 'analysis', 'sipas', 'report', 'api']),
    layer('api-layer', '^src/api/', ['table', 'criteria', 'scoring', 'analysis', 'sipas', 'report', 'data']),
    layer('node-layer', '^src/node/', ['table', 'criteria', 'scoring', 'analysis', 'sipas', 'report', 'xlsx', 'api', 'data']),
    layer('testing-layer', '^src/testing/', ['table', 'criteria', 'scoring', 'analysis', 'sipas', 'report', 'xlsx', 'api', 'data', 'node']),
    {
      name: 'entry-imports-its-own-layer',
      severity: 'error',
      comment: 'the root entry re-exports the public core only',
      from: { path: '^src/index\\.ts$' },
      to: { path: '^src/(node|cli|testing|xlsx)/' },
    },
    {
      name: 'heavy-libraries-at-the-edge',
      severity: 'error',
      comment: 'exceljs only in src/xlsx and src/node (loaded on demand); cli-progress and the streaming csv-parse only in src/node and src/cli',
      from: { path: CORE, pathNot: '^src/xlsx/' },
      to: { path: 'node_modules/(exceljs|cli-progress|commander)/|node_modules/csv-parse/lib/index' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'modules form a tree of layers; a cycle hides which one is below',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'] },
    exclude: { path: '^src/internal\\.ts$' },
  },
};
