import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../grammar/index';
import { nodeFileAccess } from '../../host/node-fs';

const fs = nodeFileAccess();
const dir = mkdtempSync(join(tmpdir(), 'kal-nodefs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nodeFileAccess.readFile', () => {
  it('reads a file whole, byte for byte', () => {
    const bytes = Buffer.from('vrrp_instance VI_1 {\n  priority 100\n}\n\xff\x00', 'latin1');
    const p = join(dir, 'plain.conf');
    writeFileSync(p, bytes);
    expect(Buffer.from(fs.readFile(p) as Uint8Array).equals(bytes)).toBe(true);
  });

  it('reads an empty file as no bytes', () => {
    const p = join(dir, 'empty.conf');
    writeFileSync(p, '');
    expect((fs.readFile(p) as Uint8Array).length).toBe(0);
  });

  it('reads past the size stat gives when the file has more (a /proc file stats as 0 bytes)', () => {
    const got = fs.readFile('/proc/self/status') as Uint8Array;
    expect(got.length).toBeGreaterThan(100);
    expect(Buffer.from(got).toString('latin1')).toMatch(/^Name:/);
  });

  it('refuses a file over the size limit', () => {
    const p = join(dir, 'big.conf');
    writeFileSync(p, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    expect(fs.readFile(p)).toEqual({ error: `larger than ${MAX_FILE_BYTES} bytes` });
  });

  it('reads a file of exactly the limit', () => {
    const p = join(dir, 'limit.conf');
    writeFileSync(p, Buffer.alloc(MAX_FILE_BYTES, 0x20));
    expect((fs.readFile(p) as Uint8Array).length).toBe(readFileSync(p).length);
  });
});
