// Protocol tests against the bundled language server (dist/server.js) over stdio.
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  Location,
  MarkupContent,
  PublishDiagnosticsParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { applyEdits, positionOf, SERVER, startClient, workspace, type TestClient } from './lsp-client';

const CONF = `# Example node
global_defs {
    router_id LB1
}

$VIP=192.168.0.10

vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
    interval 2
}

vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
        \${VIP}/24
    }
    track_script {
        chk_haproxy
    }
}

vrrp_sync_group VG_1 {
    group {
        VI_1
    }
}

virtual_server $VIP 80 {
    lb_algo rr
    lb_kind DR
    protocol TCP
    real_server 10.0.0.1 80 {
        weight 1
    }
}
`;

let client: TestClient;
beforeAll(async () => {
  client = await startClient();
}, 60000);
afterAll(async () => {
  await client?.close();
});

const items = (r: CompletionItem[] | CompletionList | null): CompletionItem[] =>
  Array.isArray(r) ? r : (r?.items ?? []);
const labels = (r: CompletionItem[] | CompletionList | null): string[] => items(r).map((i) => i.label);

describe('initialize', () => {
  it('announces every capability, with incremental sync', () => {
    const c = client.init.capabilities;
    expect(c.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    for (const k of [
      'completionProvider',
      'hoverProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'documentFormattingProvider',
      'definitionProvider',
      'referencesProvider',
      'renameProvider',
      'documentLinkProvider',
      'codeActionProvider',
    ]) {
      expect(c, k).toHaveProperty(k);
    }
    expect(c.renameProvider).toEqual({ prepareProvider: true });
    expect(client.init.serverInfo?.name).toBe('keepalived-language-server');
  });

  it('also serves over node IPC (what the VS Code client uses)', async () => {
    const proc = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    const diags = new Promise<PublishDiagnosticsParams>((resolve) =>
      conn.onNotification('textDocument/publishDiagnostics', resolve),
    );
    conn.listen();
    try {
      const r = (await conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
      })) as InitializeResult;
      expect(r.capabilities.hoverProvider).toBe(true);
      await conn.sendNotification('initialized', {});
      const uri = workspace({}).uri('keepalived.conf');
      await conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'keepalived', version: 7, text: 'global_defs {\n  bogus 1\n}\n' },
      });
      const d = await diags;
      expect(d.version).toBe(7);
      expect(d.diagnostics.map((x) => x.code)).toContain('unknown-keyword');
    } finally {
      conn.dispose();
      proc.kill();
    }
  });
});

describe('diagnostics', () => {
  it('a file without reading or keyword problems has none of them', async () => {
    const ws = workspace({ 'keepalived.conf': CONF });
    const d = await client.open(ws.uri('keepalived.conf'), CONF);
    expect(d.version).toBe(1);
    // Semantic rules (script security, sync groups...) may comment; nothing about reading or keywords.
    expect(
      d.diagnostics.filter((x) => /unknown|syntax|brace|quote|invalid|missing-argument/.test(String(x.code))),
    ).toEqual([]);
    for (const x of d.diagnostics) expect(x.source).toBe('keepalived-lint');
  });

  it('publishes rule findings with code, codeDescription, source, fix data; after edits with the edit version', async () => {
    const ws = workspace({});
    const uri = ws.uri('keepalived.conf');
    const text = 'vrrp_instance VI_1 {\n    state MASTER\n    priorty 100\n}\n';
    const d = await client.open(uri, text);
    const diag = d.diagnostics.find((x) => x.code === 'unknown-keyword');
    expect(diag).toBeDefined();
    expect(diag!.source).toBe('keepalived-lint');
    expect(diag!.codeDescription?.href).toBe(
      'https://github.com/keepalived-tools/keepalived-tools/blob/main/docs/rules/unknown-keyword.md',
    );
    expect(diag!.range).toEqual({ start: { line: 2, character: 4 }, end: { line: 2, character: 11 } });
    expect(diag!.severity).toBe(1);
    expect((diag!.data as { fix?: { text: string } }).fix?.text).toBe('priority');

    // Incremental edit: fix the typo; the new diagnostics carry version 2.
    const wait = client.diagnostics(uri, 2);
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }, text: 'i' }],
    });
    const d2 = await wait;
    expect(d2.version).toBe(2);
    expect(d2.diagnostics.filter((x) => x.code === 'unknown-keyword')).toEqual([]);
  });

  it('after edits publishes what a fresh open of the same text publishes (the lint cache)', async () => {
    const ws = workspace({});
    const uri = ws.uri('edited.conf');
    const block = (i: number): string =>
      `virtual_server 10.0.0.${i} 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    real_server 10.1.0.${i} 80 {\n        weight x${i}\n    }\n}\n`;
    let text = Array.from({ length: 120 }, (_, i) => block(i)).join('');
    await client.open(uri, text);
    // Edits in the middle: a typo, a new line, a block keyword broken and mended (the reading derails).
    const edits: Array<[string, string]> = [
      ['lb_algo rr\n    lb_kind NAT\n    protocol TCP\n    real_server 10.1.0.60', 'lb_algo rr\n    lb_knd NAT\n    protocol TCP\n    real_server 10.1.0.60'],
      ['weight x61', 'weight 5\n        inhibit_on_failure'],
      ['virtual_server 10.0.0.70 80', 'virtual_servr 10.0.0.70 80'],
      ['virtual_servr 10.0.0.70 80', 'virtual_server 10.0.0.70 80'],
    ];
    let version = 1;
    let last: PublishDiagnosticsParams | undefined;
    for (const [from, to] of edits) {
      const at = text.indexOf(from);
      const start = positionOf(text, from);
      const end = positionOf(text, from, from.length);
      text = text.slice(0, at) + to + text.slice(at + from.length);
      const wait = client.diagnostics(uri, ++version);
      await client.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start, end }, text: to }],
      });
      last = await wait;
    }
    const fresh = await client.open(ws.uri('fresh.conf'), text);
    // The same findings, places, messages and fixes (a fix names its document).
    const same = (ds: typeof fresh.diagnostics, u: string) => JSON.parse(JSON.stringify(ds).split(u).join('URI'));
    expect(same(last!.diagnostics, uri)).toEqual(same(fresh.diagnostics, ws.uri('fresh.conf')));
    expect(fresh.diagnostics.filter((d) => d.code === 'invalid-number')).toHaveLength(119);
    expect(fresh.diagnostics.filter((d) => d.code === 'unknown-keyword')).toHaveLength(1);
  });

  it('shows @id lines as inactive hints with the Unnecessary tag', async () => {
    const ws = workspace({});
    const uri = ws.uri('keepalived.conf');
    const d = await client.open(uri, 'global_defs {\n@lb2 router_id LB2\n}\n');
    const hint = d.diagnostics.find((x) => x.code === 'inactive-line');
    expect(hint).toMatchObject({ severity: 4, source: 'keepalived-lint', tags: [1] });
    expect(hint!.range.start.line).toBe(1);
  });

  it('uses settings from workspace/configuration (rules off) and falls back to defaults on null', async () => {
    const c = await startClient({ settings: { rules: { 'unknown-keyword': 'off' }, targetVersion: 42 } });
    try {
      const ws = workspace({});
      const d = await c.open(ws.uri('keepalived.conf'), 'global_defs {\n  bogus_keyword 1\n}\n');
      expect(d.diagnostics.filter((x) => x.code === 'unknown-keyword')).toEqual([]);
    } finally {
      await c.close();
    }
    const ws = workspace({});
    const d = await client.open(ws.uri('keepalived.conf'), 'global_defs {\n  bogus_keyword 1\n}\n');
    expect(d.diagnostics.map((x) => x.code)).toContain('unknown-keyword');
  });

  it('reads .keepalived-lint.json next to the document', async () => {
    const ws = workspace({ '.keepalived-lint.json': JSON.stringify({ rules: { 'unknown-keyword': 'warn' } }) });
    const d = await client.open(ws.uri('keepalived.conf'), 'global_defs {\n  bogus_keyword 1\n}\n');
    expect(d.diagnostics.find((x) => x.code === 'unknown-keyword')?.severity).toBe(2);
  });

  it('reports an invalid .keepalived-lint.json at the top of the document', async () => {
    const ws = workspace({ '.keepalived-lint.json': '{ "rules": { "no-such-rule": "off" } }' });
    const d = await client.open(ws.uri('keepalived.conf'), 'global_defs {\n}\n');
    const e = d.diagnostics.find((x) => x.code === 'config-error');
    expect(e?.message).toMatch(/no-such-rule/);
    expect(e?.range.start).toEqual({ line: 0, character: 0 });
  });

  it('re-reads settings on workspace/didChangeConfiguration', async () => {
    const c = await startClient();
    try {
      const uri = workspace({}).uri('keepalived.conf');
      const d = await c.open(uri, 'global_defs {\n  bogus_keyword 1\n}\n');
      expect(d.diagnostics.map((x) => x.code)).toContain('unknown-keyword');
      c.settings = { rules: { 'unknown-keyword': 'off' } };
      const wait = c.diagnostics(uri);
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      expect((await wait).diagnostics.map((x) => x.code)).not.toContain('unknown-keyword');
    } finally {
      await c.close();
    }
  });

  it('localizes messages with initializationOptions.locale', async () => {
    const c = await startClient({ initializationOptions: { locale: 'zh-cn' } });
    try {
      const ws = workspace({});
      const d = await c.open(ws.uri('keepalived.conf'), 'global_defs {\n  bogus_keyword 1\n}\n');
      const en = await client.open(ws.uri('other.conf'), 'global_defs {\n  bogus_keyword 1\n}\n');
      const zh = d.diagnostics.find((x) => x.code === 'unknown-keyword')!.message;
      expect(zh).not.toBe(en.diagnostics.find((x) => x.code === 'unknown-keyword')!.message);
    } finally {
      await c.close();
    }
  });

  it('clears diagnostics on close', async () => {
    const ws = workspace({});
    const uri = ws.uri('keepalived.conf');
    await client.open(uri, 'global_defs {\n  bogus 1\n}\n');
    const wait = client.diagnostics(uri);
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect((await wait).diagnostics).toEqual([]);
  });
});

describe('code actions', () => {
  it('offers the rule fix (preferred) and a disable-next-line action with the line indentation', async () => {
    const ws = workspace({});
    const uri = ws.uri('keepalived.conf');
    const text = 'vrrp_instance VI_1 {\n    state MASTER\n    priorty 100\n}\n';
    const d = await client.open(uri, text);
    const diag = d.diagnostics.find((x) => x.code === 'unknown-keyword')!;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.title).toBe('Replace "priorty" with "priority"');
    expect(applyEdits(text, fix.edit!.changes![uri]!)).toBe(text.replace('priorty', 'priority'));
    const disable = actions.find((a) => a.title === 'Disable unknown-keyword for this line')!;
    const disabled = applyEdits(text, disable.edit!.changes![uri]!);
    expect(disabled).toBe(
      'vrrp_instance VI_1 {\n    state MASTER\n    # keepalived-lint disable-next-line unknown-keyword\n    priorty 100\n}\n',
    );
    // The suppression works: after applying it the finding is gone.
    const wait = client.diagnostics(uri, 2);
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: disabled }],
    });
    expect((await wait).diagnostics.filter((x) => x.code === 'unknown-keyword')).toEqual([]);
  });
});

describe('code actions from clients that do not send our diagnostics back', () => {
  const text = 'vrrp_instance VI_1 {\n    state MASTER\n    priorty 100\n}\n';
  it('finds the fix from the cursor when context.diagnostics is empty (Vim ALE)', async () => {
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, text);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    expect(actions.find((a) => a.isPreferred)?.title).toBe('Replace "priorty" with "priority"');
  });
  it('matches a diagnostic sent back as {code, message, range} only', async () => {
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, text);
    const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } };
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
      context: { diagnostics: [{ code: 'unknown-keyword', message: 'whatever', range }] },
    })) as CodeAction[];
    expect(actions.find((a) => a.isPreferred)?.title).toBe('Replace "priorty" with "priority"');
    expect(actions.map((a) => a.title)).toContain('Disable unknown-keyword for this line');
  });
});

describe('fix all', () => {
  it('offers source.fixAll.keepalived applying every fix', async () => {
    const uri = workspace({}).uri('keepalived.conf');
    const text = 'vrrp_instance VI_1 {\n    priorty 100\n    advert_intx 1\n}\n';
    await client.open(uri, text);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(actions).toHaveLength(1);
    expect(actions[0]!.kind).toBe('source.fixAll.keepalived');
    const out = applyEdits(text, actions[0]!.edit!.changes![uri]!);
    expect(out).toContain('    priority 100\n');
    expect(out).toContain('    advert_int 1\n');
  });
});

describe('completion', () => {
  let uri: string;
  const text =
    'global_defs {\n    \n}\nvrrp_script chk_a {\n    script "/bin/true"\n}\nvrrp_script chk_b {\n    script "/bin/true"\n}\nvrrp_instance VI_1 {\n    state \n    interface eth1\n    track_script {\n        \n    }\n    \n}\nvrrp_sync_group G {\n    group {\n        \n    }\n}\nvirtual_server 10.0.0.1 80 {\n    lb_kind \n}\n\n';
  beforeAll(async () => {
    uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, text);
  });
  const at = (line: number, character: number): Promise<CompletionItem[] | CompletionList | null> =>
    client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });

  it('offers only root keywords at the top level, with a vrrp_instance snippet', async () => {
    const r = items(await at(25, 0));
    const l = r.map((i) => i.label);
    expect(l).toContain('vrrp_instance');
    expect(l).toContain('global_defs');
    expect(l).not.toContain('priority');
    const vi = r.find((i) => i.label === 'vrrp_instance')!;
    expect(vi.insertTextFormat).toBe(2);
    expect((vi.textEdit as TextEdit).newText).toContain('state ${2|MASTER,BACKUP|}');
  });

  it('offers vrrp_instance keywords inside vrrp_instance', async () => {
    const l = labels(await at(15, 4));
    expect(l).toContain('priority');
    expect(l).toContain('virtual_router_id');
    expect(l).not.toContain('router_id');
    expect(l).not.toContain('vrrp_instance');
  });

  it('offers global_defs keywords inside global_defs', async () => {
    const l = labels(await at(1, 4));
    expect(l).toContain('router_id');
    expect(l).not.toContain('priority');
  });

  it('offers enum values for the argument: state, lb_kind', async () => {
    expect(labels(await at(10, 10))).toEqual(['MASTER', 'BACKUP']);
    expect(labels(await at(23, 12))).toEqual(['NAT', 'DR', 'TUN']);
  });

  it('offers defined vrrp_script names inside track_script and instance names inside a sync group', async () => {
    expect(labels(await at(13, 8))).toEqual(['chk_a', 'chk_b']);
    expect(labels(await at(19, 8))).toEqual(['VI_1']);
  });

  it('offers defined $NAMEs after $ and ${', async () => {
    const doc = '$PRIO=100\n$IF=eth0\nvrrp_instance VI_1 {\n    priority $P\n    interface ${I}\n}\n';
    const u = workspace({}).uri('keepalived.conf');
    await client.open(u, doc);
    const plain = items(
      await client.conn.sendRequest('textDocument/completion', {
        textDocument: { uri: u },
        position: positionOf(doc, '$P', 2, 1),
      }),
    );
    expect(plain.map((i) => i.label)).toEqual(['$PRIO', '$IF']);
    const braced = items(
      await client.conn.sendRequest('textDocument/completion', {
        textDocument: { uri: u },
        position: positionOf(doc, '${I}', 3),
      }),
    );
    const edit = braced.find((i) => i.label === '$IF')!.textEdit as TextEdit;
    expect(applyEdits(doc, [edit])).toContain('    interface ${IF}\n');
  });

  it('sends keyword docs inline, or through completionItem/resolve when the client resolves them', async () => {
    const inline = items(await at(15, 4)).find((i) => i.label === 'priority')!;
    expect((inline.documentation as { value: string }).value).toContain('1–255');
    const c = await startClient({
      capabilities: { completionItem: { resolveSupport: { properties: ['documentation'] } } },
    });
    try {
      const u = workspace({}).uri('keepalived.conf');
      await c.open(u, text);
      const r = items(
        await c.conn.sendRequest('textDocument/completion', {
          textDocument: { uri: u },
          position: { line: 15, character: 4 },
        }),
      );
      const lazy = r.find((i) => i.label === 'priority')!;
      expect(lazy.documentation).toBeUndefined();
      const resolved = (await c.conn.sendRequest('completionItem/resolve', lazy)) as CompletionItem;
      expect((resolved.documentation as { value: string }).value).toContain('1–255');
    } finally {
      await c.close();
    }
  });

  it('offers interface names already used after interface', async () => {
    const r = await client.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 11, character: 14 },
    });
    expect(labels(r as CompletionItem[])).toEqual(['eth1']);
  });
});

describe('hover', () => {
  let uri: string;
  beforeAll(async () => {
    uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, CONF);
  });
  it('documents a keyword with its range and default', async () => {
    const h = (await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(CONF, 'priority', 2),
    })) as Hover;
    const v = (h.contents as { value: string }).value;
    expect(v).toContain('priority');
    expect(v).toContain('1–255');
    expect(v).toMatch(/Default: /);
    expect(v).toMatch(/since keepalived 2\.2\.7/);
  });
  it('shows the value of $NAME', async () => {
    const h = (await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(CONF, '${VIP}/24', 2),
    })) as Hover;
    expect((h.contents as { value: string }).value).toContain('192.168.0.10');
  });
  it('shows where a tracked script is defined', async () => {
    const h = (await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(CONF, 'chk_haproxy', 2, 1),
    })) as Hover;
    expect((h.contents as { value: string }).value).toBe('`vrrp_script chk_haproxy`, defined at line 8.');
  });
  it('highlights a name and its uses', async () => {
    const hl = (await client.conn.sendRequest('textDocument/documentHighlight', {
      textDocument: { uri },
      position: positionOf(CONF, 'VI_1', 1),
    })) as Array<{ range: { start: { line: number } }; kind: number }>;
    expect(hl.map((x) => [x.range.start.line, x.kind])).toEqual([
      [12, 3],
      [27, 2],
    ]);
  });
  it('answers null off any word', async () => {
    expect(
      await client.conn.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: 4, character: 0 },
      }),
    ).toBeNull();
  });
});

describe('symbols, folding, links', () => {
  it('outlines instances, scripts, virtual servers with their real servers', async () => {
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, CONF);
    const s = (await client.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    })) as DocumentSymbol[];
    expect(s.map((x) => `${x.detail ?? ''}:${x.name}`)).toEqual([
      ':global_defs',
      'vrrp_script:chk_haproxy',
      'vrrp_instance:VI_1',
      'vrrp_sync_group:VG_1',
      'virtual_server:192.168.0.10 80',
    ]);
    const vs = s[4]!;
    expect(vs.children!.map((c) => c.name)).toEqual(['10.0.0.1 80']);
    expect(s[2]!.range).toEqual({ start: { line: 12, character: 0 }, end: { line: 23, character: 1 } });
    expect(s[2]!.selectionRange).toEqual({ start: { line: 12, character: 14 }, end: { line: 12, character: 18 } });
  });

  it('folds blocks and comment runs', async () => {
    const text = '# a\n# b\n# c\nglobal_defs {\n  router_id x\n  smtp_server 10.0.0.1\n}\n';
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, text);
    const f = (await client.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    expect(f).toEqual([
      { startLine: 0, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 5 },
    ]);
  });

  it('links include targets', async () => {
    const ws = workspace({ 'extra.conf': 'global_defs {\n  router_id x\n}\n' });
    const text = 'include extra.conf\n';
    await client.open(ws.uri('keepalived.conf'), text);
    const links = (await client.conn.sendRequest('textDocument/documentLink', {
      textDocument: { uri: ws.uri('keepalived.conf') },
    })) as DocumentLink[];
    expect(links).toHaveLength(1);
    expect(links[0]!.target).toBe(pathToFileURL(ws.path('extra.conf')).href);
    expect(links[0]!.range).toEqual({ start: { line: 0, character: 8 }, end: { line: 0, character: 18 } });
  });
});

describe('formatting', () => {
  const messy =
    '# top comment  \nglobal_defs {\nrouter_id LB1   # trailing comment\n      }\n\n\nvrrp_instance VI_1 {\n  state MASTER\n    ! bang comment\n virtual_ipaddress {\n192.168.0.10/24\n  }\n  }\n';
  it('re-indents by the block structure, keeps every word and comment, and is idempotent', async () => {
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, messy);
    const edits = (await client.conn.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: false },
    })) as TextEdit[];
    const out = applyEdits(messy, edits);
    expect(out).toBe(
      '# top comment\nglobal_defs {\n\trouter_id LB1   # trailing comment\n}\n\n\nvrrp_instance VI_1 {\n\tstate MASTER\n\t! bang comment\n\tvirtual_ipaddress {\n\t\t192.168.0.10/24\n\t}\n}\n',
    );
    const strip = (s: string): string => s.replace(/\s+/g, '');
    expect(strip(out)).toBe(strip(messy));
    const wait = client.diagnostics(uri, 2);
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: out }],
    });
    await wait;
    const again = (await client.conn.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: false },
    })) as TextEdit[];
    expect(again).toEqual([]);
  });
  it('uses spaces when asked', async () => {
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, 'global_defs {\nrouter_id LB1\n}\n');
    const edits = (await client.conn.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    expect(edits).toEqual([
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '  ' },
    ]);
  });
  it('leaves a file with an unterminated quote alone', async () => {
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, 'vrrp_script x {\nscript "/bin/true\n}\n');
    expect(
      await client.conn.sendRequest('textDocument/formatting', {
        textDocument: { uri },
        options: { tabSize: 4, insertSpaces: false },
      }),
    ).toEqual([]);
  });
  it('never makes a text read as binary by removing blanks (RB-14)', async () => {
    // 32 control characters in a comment: 9.6 % of the text, 10.2 % without the indentation.
    const text = `# ${'\u0001'.repeat(32)}\nglobal_defs {\n${' '.repeat(20)}router_id ${'a'.repeat(250)}\n}\n`;
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, text);
    expect(
      await client.conn.sendRequest('textDocument/formatting', {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      }),
    ).toEqual([]);
  });
  it('does not touch multi-line definitions', async () => {
    const text = '$BLOCK=router_id a \\\n     smtp_server 1.2.3.4\nglobal_defs {\n$BLOCK\n}\n';
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, text);
    const edits = (await client.conn.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: false },
    })) as TextEdit[];
    expect(applyEdits(text, edits)).toBe(
      '$BLOCK=router_id a \\\n     smtp_server 1.2.3.4\nglobal_defs {\n\t$BLOCK\n}\n',
    );
  });
});

describe('definition, references, rename', () => {
  it('work for a vrrp_script across an include', async () => {
    const scripts = 'vrrp_script chk_web {\n    script "/bin/true"\n}\n';
    const main =
      'include scripts.conf\nvrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 1\n    priority 100\n    track_script {\n        chk_web\n    }\n}\n';
    const ws = workspace({ 'scripts.conf': scripts, 'keepalived.conf': main });
    const uri = ws.uri('keepalived.conf');
    await client.open(uri, main);
    const pos = positionOf(main, 'chk_web', 3);
    const defs = (await client.conn.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: pos,
    })) as Location[];
    expect(defs).toEqual([
      { uri: ws.uri('scripts.conf'), range: { start: { line: 0, character: 12 }, end: { line: 0, character: 19 } } },
    ]);
    const refs = (await client.conn.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: pos,
      context: { includeDeclaration: true },
    })) as Location[];
    expect(refs.map((r) => `${r.uri === uri ? 'main' : 'scripts'}:${r.range.start.line}`).sort()).toEqual([
      'main:7',
      'scripts:0',
    ]);
    const prep = (await client.conn.sendRequest('textDocument/prepareRename', {
      textDocument: { uri },
      position: pos,
    })) as { placeholder: string };
    expect(prep.placeholder).toBe('chk_web');
    const edit = (await client.conn.sendRequest('textDocument/rename', {
      textDocument: { uri },
      position: pos,
      newName: 'chk_http',
    })) as WorkspaceEdit;
    expect(applyEdits(main, edit.changes![uri]!)).toBe(main.replace('chk_web', 'chk_http'));
    expect(applyEdits(scripts, edit.changes![ws.uri('scripts.conf')]!)).toBe(scripts.replace('chk_web', 'chk_http'));
    // An invalid name is refused with an error response.
    await expect(
      client.conn.sendRequest('textDocument/rename', { textDocument: { uri }, position: pos, newName: 'two words' }),
    ).rejects.toThrow(/not a valid/);
  });

  it('follow the unsaved buffer of an open included file', async () => {
    const scripts = 'vrrp_script chk_web {\n    script "/bin/true"\n}\n';
    const main = 'include scripts.conf\nvrrp_instance VI_1 {\n    track_script {\n        chk_web\n    }\n}\n';
    const ws = workspace({ 'scripts.conf': scripts, 'keepalived.conf': main });
    const uri = ws.uri('keepalived.conf');
    const sUri = ws.uri('scripts.conf');
    await client.open(uri, main);
    await client.open(sUri, scripts);
    const waitMain = client.diagnostics(uri);
    const wait = client.diagnostics(sUri, 2);
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: sUri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# moved down\n' },
      ],
    });
    await wait;
    await waitMain; // the includer is re-linted off the keystroke path
    const defs = (await client.conn.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(main, 'chk_web', 1),
    })) as Location[];
    expect(defs).toEqual([
      { uri: sUri, range: { start: { line: 1, character: 12 }, end: { line: 1, character: 19 } } },
    ]);
  });

  it('work for $NAME definitions', async () => {
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, CONF);
    const pos = positionOf(CONF, '${VIP}/24', 3);
    const defs = (await client.conn.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: pos,
    })) as Location[];
    expect(defs.map((d) => d.range.start)).toEqual([{ line: 5, character: 0 }]);
    const edit = (await client.conn.sendRequest('textDocument/rename', {
      textDocument: { uri },
      position: pos,
      newName: 'ADDR',
    })) as WorkspaceEdit;
    expect(applyEdits(CONF, edit.changes![uri]!)).toBe(CONF.replaceAll('$VIP', '$ADDR').replace('${VIP}', '${ADDR}'));
  });

  it('work for vrrp_instance names used in a sync group', async () => {
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, CONF);
    const refs = (await client.conn.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: positionOf(CONF, 'VI_1', 1),
      context: { includeDeclaration: false },
    })) as Location[];
    expect(refs.map((r) => r.range.start.line)).toEqual([27]);
  });
});

describe('included fragments are linted through their includer', () => {
  const main = '$IF=eth0\ninclude conf.d/*.conf\n';
  const frag = 'vrrp_instance VI_9 {\n    interface ${IF}\n    priorty 100\n}\n';
  const codes = (d: { diagnostics: Diagnostic[] }): string[] => d.diagnostics.map((x) => String(x.code));

  it('finds the includer on disk (keepalived.conf above the fragment)', async () => {
    const ws = workspace({ 'keepalived.conf': main, 'conf.d/frag.conf': frag });
    const d = await client.open(ws.uri('conf.d/frag.conf'), frag);
    expect(codes(d)).not.toContain('undefined-variable');
    const typo = d.diagnostics.find((x) => x.code === 'unknown-keyword')!;
    expect(typo.range).toEqual({ start: { line: 2, character: 4 }, end: { line: 2, character: 11 } });
    expect((typo.data as { fix: { uri: string } }).fix.uri).toBe(ws.uri('conf.d/frag.conf'));
    // An edit of the fragment is seen through the includer.
    const wait = client.diagnostics(ws.uri('conf.d/frag.conf'), 2);
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: ws.uri('conf.d/frag.conf'), version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }, text: 'i' }],
    });
    expect(codes(await wait)).not.toContain('unknown-keyword');
  });

  it('uses an open includer and its unsaved buffer', async () => {
    const ws = workspace({ 'main.conf': main, 'conf.d/frag.conf': frag });
    await client.open(ws.uri('main.conf'), main);
    const d = await client.open(ws.uri('conf.d/frag.conf'), frag);
    expect(codes(d)).not.toContain('undefined-variable');
    // Removing the definition from the includer's buffer shows up in the fragment.
    const wait = client.diagnostics(ws.uri('conf.d/frag.conf'));
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: ws.uri('main.conf'), version: 2 },
      contentChanges: [{ text: 'include conf.d/*.conf\n' }],
    });
    expect(codes(await wait)).toContain('undefined-variable');
  });

  it('navigates from a fragment to definitions in its includer', async () => {
    const mainText = '$IF=eth0\nvrrp_script chk {\n    script "/bin/true"\n}\ninclude conf.d/*.conf\n';
    const fragText = 'vrrp_instance VI_9 {\n    interface ${IF}\n    track_script {\n        chk\n    }\n}\n';
    const ws = workspace({ 'keepalived.conf': mainText, 'conf.d/frag.conf': fragText });
    const uri = ws.uri('conf.d/frag.conf');
    await client.open(uri, fragText);
    const defs = (await client.conn.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(fragText, 'chk', 1),
    })) as Location[];
    expect(defs).toEqual([
      { uri: ws.uri('keepalived.conf'), range: { start: { line: 1, character: 12 }, end: { line: 1, character: 15 } } },
    ]);
    const h = (await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(fragText, '${IF}', 2),
    })) as Hover;
    expect((h.contents as { value: string }).value).toContain('Expands to `eth0`');
  });

  it('lints a file nobody includes on its own', async () => {
    const ws = workspace({ 'conf.d/frag.conf': frag });
    const d = await client.open(ws.uri('conf.d/frag.conf'), frag);
    expect(codes(d)).toContain('undefined-variable');
  });
});

describe('peer analysis (off the keystroke path)', () => {
  // A server of its own: the shared one has many unrelated documents open, all peers of each other.
  let client: TestClient;
  beforeEach(async () => {
    client = await startClient();
  });
  afterEach(async () => {
    await client.close();
  });
  const node = (prio: number): string =>
    `vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority ${prio}\n    virtual_ipaddress {\n        192.168.0.10/24\n    }\n}\n`;
  const peerFinding = async (uri: string): Promise<Diagnostic> => {
    for (let i = 0; i < 20; i++) {
      const d = await client.diagnostics(uri, undefined, 5000);
      const f = d.diagnostics.find((x) => String(x.code).startsWith('peer-'));
      if (f) return f;
    }
    throw new Error('no peer finding');
  };

  it('compares open documents and links the other node', async () => {
    const ws = workspace({ 'lb1.conf': node(100), 'lb2.conf': node(100) });
    const found = peerFinding(ws.uri('lb1.conf'));
    await client.open(ws.uri('lb1.conf'), node(100));
    await client.open(ws.uri('lb2.conf'), node(100));
    const f = await found;
    expect(f.code).toBe('peer-master-election');
    expect(f.codeDescription?.href).toMatch(/docs\/rules\/peer-master-election\.md$/);
    // Fixing the tie (on the other node) clears it.
    const cleared = new Promise<void>((resolve) => {
      const check = async (): Promise<void> => {
        const d = await client.diagnostics(ws.uri('lb1.conf'), undefined, 10000);
        if (!d.diagnostics.some((x) => x.code === 'peer-master-election')) resolve();
        else void check();
      };
      void check();
    });
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: ws.uri('lb2.conf'), version: 2 },
      contentChanges: [{ text: node(90).replace('MASTER', 'BACKUP') }],
    });
    await cleared;
  }, 20000);

  it("shows a virtual router's failover table on hover over an instance's name and VRID", async () => {
    const ws = workspace({ 'lb1.conf': node(100), 'lb2.conf': node(100) });
    const found = peerFinding(ws.uri('lb1.conf'));
    await client.open(ws.uri('lb1.conf'), node(100));
    await client.open(ws.uri('lb2.conf'), node(100));
    await found;
    const hoverAt = (line: number, character: number): Promise<Hover | null> =>
      client.conn.sendRequest('textDocument/hover', {
        textDocument: { uri: ws.uri('lb1.conf') },
        position: { line, character },
      }) as Promise<Hover | null>;
    const name = await hoverAt(0, 15);
    const value = (name!.contents as MarkupContent).value;
    expect(value).toContain('**Failover** (peer analysis of the open nodes)');
    expect(value).toMatch(/Virtual router VRID 51 \(IPv4\), VIPs: 192\.168\.0\.10/);
    expect(value).toMatch(/all healthy\s+100\s+100/);
    expect(name!.range).toEqual({ start: { line: 0, character: 14 }, end: { line: 0, character: 18 } });
    // The VRID's value: the keyword's documentation, then the table.
    const vrid = await hoverAt(3, 23);
    const text = (vrid!.contents as MarkupContent).value;
    expect(text.indexOf('virtual_router_id')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('**Failover**')).toBeGreaterThan(text.indexOf('virtual_router_id'));
    // Elsewhere (the priority), no table.
    const other = await hoverAt(4, 15);
    expect((other?.contents as MarkupContent | undefined)?.value ?? '').not.toContain('**Failover**');
  }, 20000);

  it('reads the other members of a peer group from disk (.keepalived-lint.json peers)', async () => {
    const ws = workspace({
      'lb1.conf': node(100),
      'lb2.conf': node(100),
      '.keepalived-lint.json': JSON.stringify({ peers: [['lb*.conf']] }),
    });
    const found = peerFinding(ws.uri('lb1.conf'));
    await client.open(ws.uri('lb1.conf'), node(100));
    const f = await found;
    expect(f.code).toBe('peer-master-election');
    if (f.relatedInformation?.length)
      expect(f.relatedInformation.some((r) => r.location.uri === ws.uri('lb2.conf'))).toBe(true);
  });
});

describe('text encodings', () => {
  it('reports UTF-16 columns after non-ASCII text, with a BOM and CRLF line ends', async () => {
    const text = '\uFEFF# 配置 😀\r\nglobal_defs {\r\n  router_id 路由 # 注释 😀\r\n  bogus_kw 1\r\n}\r\n';
    const uri = workspace({}).uri('keepalived.conf');
    const d = await client.open(uri, text);
    const diag = d.diagnostics.find((x) => x.code === 'unknown-keyword')!;
    expect(diag.range).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 10 } });
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as CodeAction[];
    const disable = actions.find((a) => a.title.startsWith('Disable'))!;
    expect(applyEdits(text, disable.edit!.changes![uri]!)).toContain(
      '😀\r\n  # keepalived-lint disable-next-line unknown-keyword\r\n  bogus_kw 1\r\n',
    );
    const edits = (await client.conn.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: false },
    })) as TextEdit[];
    expect(applyEdits(text, edits)).toBe(
      '\uFEFF# 配置 😀\r\nglobal_defs {\r\n\trouter_id 路由 # 注释 😀\r\n\tbogus_kw 1\r\n}\r\n',
    );
  });
});

describe('robustness', () => {
  it('answers a malformed request with an error and keeps serving', async () => {
    await expect(
      client.conn.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } }),
    ).rejects.toThrow();
    await expect(client.conn.sendRequest('textDocument/completion', { textDocument: { uri: 5 } })).rejects.toThrow();
    await expect(client.conn.sendRequest('textDocument/noSuchMethod', {})).rejects.toThrow();
    // Malformed notifications are survived too.
    await client.conn.sendNotification('textDocument/didOpen', { nope: true });
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///nowhere.conf', version: 3 },
      contentChanges: [{ text: 'x' }],
    });
    const uri = workspace({}).uri('keepalived.conf');
    const d = await client.open(uri, 'global_defs {\n}\n');
    expect(d.diagnostics).toEqual([]);
    expect(client.proc.exitCode).toBeNull();
  });

  it('answers requests about unknown documents with empty results', async () => {
    const uri = 'file:///does/not/exist.conf';
    const position = { line: 3, character: 3 };
    expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position })).toBeNull();
    expect(await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position })).toEqual([]);
    expect(await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    expect(await client.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position })).toEqual([]);
    expect(
      await client.conn.sendRequest('textDocument/formatting', {
        textDocument: { uri },
        options: { tabSize: 4, insertSpaces: true },
      }),
    ).toEqual([]);
  });

  it('answers positions past the end of the document', async () => {
    const uri = workspace({}).uri('keepalived.conf');
    await client.open(uri, 'global_defs {\n}\n');
    const position = { line: 999, character: 999 };
    expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position })).toBeNull();
    expect(
      labels(
        (await client.conn.sendRequest('textDocument/completion', {
          textDocument: { uri },
          position,
        })) as CompletionItem[],
      ),
    ).toContain('vrrp_instance');
  });

  it('handles the seed example without errors (read where it lies)', async () => {
    const seed = '/work/shared/seed-examples/lvs-dr/keepalived.conf';
    if (!existsSync(seed)) return;
    const text = readFileSync(seed, 'utf8');
    const uri = pathToFileURL(seed).href;
    const d = await client.open(uri, text);
    expect(Array.isArray(d.diagnostics)).toBe(true);
    const s = (await client.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    })) as DocumentSymbol[];
    expect(s.length).toBeGreaterThan(0);
    const edits = (await client.conn.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: false },
    })) as TextEdit[];
    const out = applyEdits(text, edits);
    expect(out.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });
});
