/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS stand-in server, bundled or run as is */
// Minimal stand-in for dist/server.js, used only to self-test the e2e harness
// (E2E_SERVER=e2e/stub/server.cjs bash e2e/run.sh nvim). Knows one misspelling.
const {
  createConnection,
  TextDocuments,
  ProposedFeatures,
  DiagnosticSeverity,
  CodeActionKind,
  SymbolKind,
  MarkupKind,
} = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const conn = createConnection(ProposedFeatures.all);
const docs = new TextDocuments(TextDocument);
conn.onInitialize(() => ({
  capabilities: {
    textDocumentSync: 2,
    completionProvider: {},
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    documentSymbolProvider: true,
  },
}));
const BAD = 'perssisstence_timeout';
function diags(doc) {
  const out = [];
  doc
    .getText()
    .split('\n')
    .forEach((l, i) => {
      const c = l.indexOf(BAD);
      if (c >= 0)
        out.push({
          range: { start: { line: i, character: c }, end: { line: i, character: c + BAD.length } },
          severity: DiagnosticSeverity.Error,
          code: 'unknown-keyword',
          source: 'keepalived',
          message: `Unknown keyword "${BAD}" in virtual_server; did you mean "persistence_timeout"?`,
        });
    });
  return out;
}
docs.onDidChangeContent((e) => conn.sendDiagnostics({ uri: e.document.uri, diagnostics: diags(e.document) }));
// Like a real server should: fixes come from the server's own findings in the range, not only
// from context.diagnostics (ALE sends none when the cursor is on a word).
conn.onCodeAction((p) =>
  diags(docs.get(p.textDocument.uri))
    .filter((d) => d.range.start.line <= p.range.end.line && d.range.end.line >= p.range.start.line)
    .map((d) => ({
      title: 'Replace with "persistence_timeout"',
      kind: CodeActionKind.QuickFix,
      isPreferred: true,
      diagnostics: [d],
      edit: { changes: { [p.textDocument.uri]: [{ range: d.range, newText: 'persistence_timeout' }] } },
    })),
);
conn.onCompletion(() => ['priority', 'state', 'interface', 'advert_int'].map((label) => ({ label, kind: 14 })));
conn.onHover(() => ({
  contents: { kind: MarkupKind.Markdown, value: '**priority** 1-255: VRRP priority of this instance.' },
}));
conn.onDocumentSymbol(() => [
  {
    name: 'VI_E2E',
    detail: 'vrrp_instance',
    kind: SymbolKind.Class,
    range: { start: { line: 5, character: 0 }, end: { line: 14, character: 1 } },
    selectionRange: { start: { line: 5, character: 14 }, end: { line: 5, character: 20 } },
  },
  {
    name: '192.0.2.10 80',
    detail: 'virtual_server',
    kind: SymbolKind.Class,
    range: { start: { line: 16, character: 0 }, end: { line: 29, character: 1 } },
    selectionRange: { start: { line: 16, character: 15 }, end: { line: 16, character: 28 } },
  },
]);
docs.listen(conn);
conn.listen();
