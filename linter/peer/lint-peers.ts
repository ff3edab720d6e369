// Runs the peer rules over several nodes and returns each node's diagnostics. Related locations
// may lie in another node's files: each carries that file's path (`PeerRelated.path`).
import type { Loc } from '../../grammar/index';
import type { LintOptions } from '../config';
import { finalize, internalError, severityFor, toDiagnostic } from '../lint';
import { peerRules } from '../peer-registry';
import type { Diagnostic, PeerNode } from '../types';

/** A related location of a peer finding; `loc.file` indexes the files of `node`'s parse. */
export interface PeerRelated {
  loc: Loc;
  message: string;
  /** Path of the file holding the location. */
  path: string;
  /** Name of the node it belongs to. */
  node: string;
}

/** A peer finding: a diagnostic whose related locations name their files. */
export type PeerDiagnostic = Omit<Diagnostic, 'related'> & { related?: PeerRelated[] };

/** Runs every enabled peer rule; returns the findings of each node (suppressions applied). */
export function lintPeerNodes(nodes: PeerNode[], options: LintOptions = {}): Map<PeerNode, PeerDiagnostic[]> {
  const out = new Map<PeerNode, PeerDiagnostic[]>(nodes.map((n) => [n, []]));
  if (nodes.length < 2) return out;
  for (const rule of peerRules) {
    const severity = severityFor(rule, options);
    if (severity === 'off') continue;
    try {
      rule.checkPeers({
        nodes,
        report(node, r, relatedNodes) {
          const d = toDiagnostic(rule, r, severity(r), options) as PeerDiagnostic;
          if (d.related) {
            d.related = d.related.map((x, i) => {
              const n = relatedNodes?.[i] ?? node;
              return { ...x, path: n.parse.files[x.loc.file]?.path ?? '', node: n.name };
            });
          }
          out.get(node)?.push(d);
        },
      });
    } catch (e) {
      out.get(nodes[0]!)!.push(internalError(rule.id, e, options) as PeerDiagnostic);
    }
  }
  const plain: LintOptions = { ...options, reportUnusedDisableDirectives: false };
  for (const n of nodes) out.set(n, finalize(n.parse, out.get(n)!, plain) as PeerDiagnostic[]);
  return out;
}
