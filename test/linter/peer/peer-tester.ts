// Table-driven tests for peer rules: each case is a set of nodes (name -> config text) with the
// expected ranges marked `<|…|>` in any node, as in rule-tester.ts.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../../grammar/index';
import type { LintOptions, PeerNode } from '../../../linter/index';
import { lintPeerNodes, type PeerDiagnostic } from '../../../linter/peer/lint-peers';
import { peerRules } from '../../../linter/peer-registry';
import { memoryFs } from '../../grammar/helpers';
import { unmark } from '../rule-tester';

/** A peer case: config text per node name. */
export interface PeerCase {
  nodes: Record<string, string>;
  name?: string;
  options?: LintOptions;
  message?: RegExp | string;
  /** One per finding, in node order then source order. */
  messages?: Array<RegExp | string>;
  messageId?: string;
  severity?: 'error' | 'warning';
  /** Node names expected among the related locations of every finding. */
  relatedNodes?: boolean;
}

/** Parses in-memory nodes (each at /nodes/NAME.conf) and runs the peer rules. */
export function runPeers(
  nodes: Record<string, string>,
  options: LintOptions = {},
): { nodes: PeerNode[]; diags: Map<PeerNode, PeerDiagnostic[]> } {
  const files = Object.fromEntries(Object.entries(nodes).map(([n, t]) => [`/nodes/${n}.conf`, t]));
  const fs = memoryFs(files);
  const list = Object.entries(nodes).map(([name, text]) => ({
    name,
    parse: parseText(`/nodes/${name}.conf`, text, { fs, targetVersion: options.targetVersion }),
  }));
  return { nodes: list, diags: lintPeerNodes(list, options) };
}

/** Declares valid and invalid node sets for one peer rule. */
export function peerTester(ruleId: string, tests: { valid: PeerCase[]; invalid: PeerCase[] }): void {
  describe(ruleId, () => {
    it('is registered', () => {
      expect(peerRules.some((r) => r.id === ruleId)).toBe(true);
    });
    describe('valid', () => {
      tests.valid.forEach((c, i) => {
        it(c.name ?? `valid #${i + 1}`, () => {
          const { diags } = runPeers(c.nodes, c.options);
          const found = [...diags.values()].flat().filter((d) => d.ruleId === ruleId);
          expect(found.map((d) => d.message)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      tests.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}`, () => {
          const marked = Object.fromEntries(Object.entries(c.nodes).map(([n, t]) => [n, unmark(t)]));
          const { nodes, diags } = runPeers(
            Object.fromEntries(Object.entries(marked).map(([n, m]) => [n, m.text])),
            c.options,
          );
          const expected: string[] = [];
          for (const [n, m] of Object.entries(marked))
            for (const r of m.ranges)
              expected.push(`${n}:${r.start}-${r.end} ${JSON.stringify(m.text.slice(r.start, r.end))}`);
          const found: Array<{ node: PeerNode; d: PeerDiagnostic }> = [];
          for (const node of nodes)
            for (const d of diags.get(node) ?? []) if (d.ruleId === ruleId) found.push({ node, d });
          const actual = found.map(
            ({ node, d }) =>
              `${node.name}:${d.loc.start}-${d.loc.end} ${JSON.stringify(marked[node.name]!.text.slice(d.loc.start, d.loc.end))}`,
          );
          expect(actual.sort()).toEqual(expected.sort());
          found.forEach(({ d }, k) => {
            const m = c.messages?.[k] ?? c.message;
            if (typeof m === 'string') expect(d.message).toBe(m);
            else if (m) expect(d.message).toMatch(m);
            if (c.messageId) expect(d.messageId).toBe(c.messageId);
            const rule = peerRules.find((r) => r.id === ruleId)!;
            expect(d.severity).toBe(c.severity ?? rule.meta.severity);
            for (const r of d.related ?? []) expect(r.path).toMatch(/^\/nodes\/.+\.conf$/);
          });
        });
      });
    });
  });
}

/** A compact two-node VRRP configuration; `over` replaces whole lines of the template by key. */
export function node(
  over: Partial<
    Record<
      'rid' | 'state' | 'prio' | 'advert' | 'version' | 'src' | 'peers' | 'auth' | 'vips' | 'weight' | 'vrid',
      string
    >
  > = {},
): string {
  const o = {
    rid: 'lb1',
    state: 'MASTER',
    prio: '110',
    advert: '1',
    version: '',
    src: '10.0.0.11',
    peers: '10.0.0.12',
    auth: 'PASS\n    auth_pass webpass',
    vips: '10.0.0.100/24',
    weight: '-20',
    vrid: '60',
    ...over,
  };
  return `global_defs {
  router_id ${o.rid}
  enable_script_security
  script_user root
}
vrrp_script chk {
  script "/usr/bin/pgrep -x haproxy"
  weight ${o.weight}
}
vrrp_instance VI_WEB {
  state ${o.state}
  interface eth0
  virtual_router_id ${o.vrid}
  priority ${o.prio}
  advert_int ${o.advert}
${o.version}  unicast_src_ip ${o.src}
  unicast_peer {
    ${o.peers}
  }
  authentication {
    auth_type ${o.auth}
  }
  virtual_ipaddress {
    ${o.vips}
  }
  track_script {
    chk
  }
}
`;
}

/** The backup's defaults for node(). */
/** A node of the template advertising by multicast (no unicast_src_ip, no unicast_peer). */
export const multicast = (text: string): string =>
  text.replace(/ {2}unicast_src_ip [^\n]*\n {2}unicast_peer \{\n[^\n]*\n {2}\}\n/, '');

export const B = { rid: 'lb2', state: 'BACKUP', prio: '100', src: '10.0.0.12', peers: '10.0.0.11' };
