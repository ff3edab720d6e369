// Every peer rule (several nodes), sorted by id. Single-file rules are in registry.ts.
import peerFailoverGap from './peer/rules/peer-failover-gap';
import peerMasterElection from './peer/rules/peer-master-election';
import peerRouterIdDuplicate from './peer/rules/peer-router-id-duplicate';
import peerSettingMismatch from './peer/rules/peer-setting-mismatch';
import peerUnicastMismatch from './peer/rules/peer-unicast-mismatch';
import peerVridCollision from './peer/rules/peer-vrid-collision';
import peerVirtualServerMismatch from './peer/rules/peer-virtual-server-mismatch';
import peerVridMismatch from './peer/rules/peer-vrid-mismatch';
import type { PeerRule } from './types';

/** All peer rules. */
export const peerRules: PeerRule[] = [
  peerFailoverGap,
  peerMasterElection,
  peerRouterIdDuplicate,
  peerSettingMismatch,
  peerUnicastMismatch,
  peerVirtualServerMismatch,
  peerVridCollision,
  peerVridMismatch,
];
