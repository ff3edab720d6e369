// Small helpers shared by the peer rules.
import type { Loc } from '../../grammar/index';
import type { PeerContext, PeerNode, Report } from '../types';
import type { Member, VirtualRouter } from './routers';
import { virtualRouters } from './routers';

/** Virtual routers with members on at least two nodes. */
export function sharedRouters(nodes: PeerNode[]): VirtualRouter[] {
  return virtualRouters(nodes).filter((r) => new Set(r.members.map((m) => m.node)).size >= 2);
}

/** Where to point at a member's setting: the statement's first argument, else the instance name. */
export function settingLoc(m: Member, stmt: { args: Loc[]; keyword: Loc } | undefined): Loc {
  return stmt ? (stmt.args[0] ?? stmt.keyword) : m.inst.nameLoc;
}

/** A member's `virtual_router_id` value (else its instance name). */
export const vridLoc = (m: Member): Loc => settingLoc(m, m.inst.vridStmt);

/** Reports at `loc` in `m`'s node, with related locations in other members' nodes. */
export function reportAt(
  ctx: PeerContext,
  m: Member,
  r: Omit<Report, 'related'>,
  related: Array<{ member: Member; loc: Loc; messageId: string; data?: Record<string, unknown> }>,
): void {
  ctx.report(
    m.node,
    { ...r, related: related.map((x) => ({ loc: x.loc, messageId: x.messageId, data: x.data })) },
    related.map((x) => x.member.node),
  );
}
