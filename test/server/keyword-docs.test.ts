// The one-line argument shape and parameter facts shown in hovers and completion details.
import { describe, expect, it } from 'vitest';
import { blockTable } from '../../grammar/index';
import { describeParam, signature } from '../../server/keyword-docs';

const spec = (block: string, name: string) => blockTable(block)!.get(name)!;

describe('keyword docs', () => {
  it('show a repeated parameter with an ellipsis', () => {
    expect(signature(spec('root > global_defs', 'vrrp_cpu_affinity'))).toBe('vrrp_cpu_affinity CPU…');
    expect(signature(spec('root > track_file', 'init_file'))).toBe('init_file [VALUE_OR_OVERWRITE…]');
  });

  it('describe a word-or-number parameter with both', () => {
    const [p] = spec('root > track_file', 'init_file').params!;
    expect(describeParam(p!)).toBe('`value_or_overwrite` (overwrite or int -254–254, optional)');
    const [q] = spec('root > global_defs', 'vrrp_rx_bufs_policy').params!;
    expect(describeParam(q!)).toBe('`policy` (MTU | ADVERT or uint)');
  });
});
