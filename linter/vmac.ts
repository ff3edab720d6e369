// use_vmac [NAME] [MAC] as keepalived's vrrp_vmac_handler reads it (vrrp_parser.c, 2.2.7).
import type { Statement, Word } from '../grammar/index';
import { isDevName } from './values';

/** Why keepalived refuses a word of a use_vmac line. */
export type VmacProblem = 'macTwice' | 'mac' | 'multicast' | 'reserved' | 'nameTwice' | 'name' | 'taken';

/** A word of a use_vmac line: the MAC address (it has a ':') or the interface name, and why it is refused. */
export interface VmacWord {
  word: Word;
  kind: 'mac' | 'name';
  problem?: VmacProblem;
}

/** A VMAC MAC address as vrrp_vmac_handler reads it: its bytes, or undefined when it is malformed. */
export function vmacMac(text: string): number[] | undefined {
  if (!/^[0-9A-Fa-f:]*$/.test(text)) return undefined;
  const bytes: number[] = [];
  let p = 0;
  for (let j = 0; j < 6; j++) {
    let e = p;
    while (e < text.length && text[e] !== ':') e++;
    // strtoul: at least one digit, at most two.
    if (e === p || e - p > 2) return undefined;
    bytes.push(parseInt(text.slice(p, e), 16));
    const end = e >= text.length;
    if (end && j < 4) return undefined;
    // Five octets: the last one is the VRID.
    if (j === 4 && (end || e + 1 === text.length)) return bytes;
    p = e + 1;
    if (p >= text.length && j < 5) return undefined;
  }
  return bytes;
}

/**
 * The words of one instance's use_vmac lines, in order: keepalived reads the first two words of each
 * line, takes the first valid MAC address (a word with a ':') and the first valid interface name,
 * and refuses the rest. A name an earlier instance took (`taken`) is refused too ("already using
 * %s - ignoring name"), and leaves the instance without a name, so a later one is taken. Words
 * whose value varies (`${_RANDOM}`) are left out.
 */
export function readVmac(lines: readonly Statement[], taken?: { has(name: string): boolean }): VmacWord[] {
  const out: VmacWord[] = [];
  let mac = false;
  let name = false;
  for (const s of lines) {
    for (const word of s.args.slice(0, 2)) {
      if (word.opaque) continue;
      const v = word.text;
      if (v.includes(':')) {
        const bytes = mac ? undefined : vmacMac(v);
        const problem: VmacProblem | undefined = mac
          ? 'macTwice'
          : !bytes
            ? 'mac'
            : bytes[0]! & 1
              ? 'multicast'
              : bytes[0] === 0 &&
                  bytes[1] === 0 &&
                  bytes[2] === 0x5e &&
                  bytes[3] === 0 &&
                  (bytes[4] === 1 || bytes[4] === 2)
                ? 'reserved'
                : undefined;
        if (!problem) mac = true;
        out.push({ word, kind: 'mac', problem });
      } else {
        const problem: VmacProblem | undefined = name
          ? 'nameTwice'
          : !isDevName(v)
            ? 'name'
            : taken?.has(v)
              ? 'taken'
              : undefined;
        if (!problem) name = true;
        out.push({ word, kind: 'name', problem });
      }
    }
  }
  return out;
}
