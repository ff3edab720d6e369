// Peer analysis hook: cross-node checks over the workspace's keepalived files (duplicate
// VRIDs, priority ties, ...). It never runs on the keystroke path: the server schedules it
// after the editor has been idle for PEER_DELAY_MS, and on save.
//
// The peer rules live in the linter (a colleague is writing linter/peer-registry.ts). Until
// that module exists, `analyzePeers` below returns nothing; wiring it is a one-line change:
// call the linter's peer entry point with the parsed group members.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { FileAccess } from '../grammar/index';

/** Idle time before a peer run. */
export const PEER_DELAY_MS = 750;

/** What a peer run needs: the groups of file globs (absolute) and file access (open buffers first). */
export interface PeerRequest {
  groups: string[][];
  fs: FileAccess;
  locale: string;
}

/** Runs the peer rules; returns diagnostics per document URI. HOOK: no peer rules are wired yet. */
export function analyzePeers(_request: PeerRequest): Map<string, LspDiagnostic[]> {
  return new Map();
}

/** Debounces peer runs and keeps their latest findings per URI. */
export class PeerScheduler {
  private timer: NodeJS.Timeout | undefined;
  private results = new Map<string, LspDiagnostic[]>();

  constructor(
    private readonly request: () => PeerRequest | undefined,
    private readonly publish: (uris: string[]) => void,
    private readonly log: (msg: string) => void,
  ) {}

  /** Peer findings currently held for a document. */
  for(uri: string): LspDiagnostic[] {
    return this.results.get(uri) ?? [];
  }

  /** Schedules a run after the idle delay (restarting the wait). */
  schedule(delay = PEER_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delay);
    this.timer.unref?.();
  }

  /** Stops pending runs. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private run(): void {
    this.timer = undefined;
    try {
      const req = this.request();
      const before = new Set(this.results.keys());
      this.results = req && req.groups.length ? analyzePeers(req) : new Map();
      const changed = new Set([...before, ...this.results.keys()]);
      if (changed.size) this.publish([...changed]);
    } catch (e) {
      this.log(`peer analysis failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
}
