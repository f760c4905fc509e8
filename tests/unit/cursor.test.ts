import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '@/lib/pagination/cursor';

describe('list cursors', () => {
  it('round-trips the sort key, microseconds and non-ASCII text included', () => {
    const key = ['2026-11-24 08:01:02.123456+08', '张三', '42'];
    expect(decodeCursor(encodeCursor(key), 3)).toEqual(key);
  });

  it('ignores a cursor that is not the list’s shape', () => {
    expect(decodeCursor(encodeCursor(['a', 'b']), 3)).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 1)).toBeNull();
    expect(decodeCursor(Buffer.from('[1, 2]').toString('base64url'), 2)).toBeNull();
    expect(decodeCursor('not base64 json', 1)).toBeNull();
    expect(decodeCursor(undefined, 1)).toBeNull();
    expect(decodeCursor('x'.repeat(5000), 1)).toBeNull();
  });
});
