// Keyed pseudonyms: stable under one key, unrelated under another, no collisions on 100 000 ids.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32, deriveExportKey, newExportSalt, newUnitExportKey, pseudonym } from '../../electron/core/disclosure/pseudonym';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);

describe('pseudonym', () => {
  it('encodes base32 as RFC 4648 (test vectors, no padding)', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [text, encoded] of vectors) expect(base32(Buffer.from(text))).toBe(encoded);
  });

  it('is a 16-character base32 token, stable under the same key', () => {
    const token = pseudonym(keyA, 42);
    expect(token).toMatch(/^[A-Z2-7]{16}$/);
    expect(pseudonym(Buffer.from(keyA), 42)).toBe(token);
  });

  it('depends on the key and on the context', () => {
    expect(pseudonym(keyB, 42)).not.toBe(pseudonym(keyA, 42));
    expect(pseudonym(keyA, 42, 'research-2027')).not.toBe(pseudonym(keyA, 42));
    // Under another key no token of the first key's set reappears.
    const first = new Set(Array.from({ length: 1000 }, (_, id) => pseudonym(keyA, id)));
    expect(Array.from({ length: 1000 }, (_, id) => pseudonym(keyB, id)).filter((t) => first.has(t))).toEqual([]);
  });

  it('is not an unkeyed hash of the id that anyone could recompute', () => {
    const unkeyed = (id: number) => base32(createHash('sha256').update(`acogida-export-v1\0${id}`).digest().subarray(0, 10));
    expect(pseudonym(keyA, 42)).not.toBe(unkeyed(42));
  });

  it('gives 100 000 ids 100 000 different tokens', () => {
    const tokens = new Set<string>();
    for (let id = 1; id <= 100_000; id++) tokens.add(pseudonym(keyA, id));
    expect(tokens.size).toBe(100_000);
  });

  it('refuses short keys, bad ids and bad contexts', () => {
    expect(() => pseudonym(Buffer.alloc(16), 1)).toThrow(RangeError);
    expect(() => pseudonym(keyA, -1)).toThrow(RangeError);
    expect(() => pseudonym(keyA, 1.5)).toThrow(RangeError);
    expect(() => pseudonym(keyA, 1, '')).toThrow(RangeError);
    expect(() => pseudonym(keyA, 1, 'a\0b')).toThrow(RangeError);
  });

  it('makes random unit keys and salts', () => {
    expect(newUnitExportKey()).toHaveLength(32);
    expect(newUnitExportKey().equals(newUnitExportKey())).toBe(false);
    expect(newExportSalt()).toHaveLength(16);
  });

  it('derives the same key from the same passphrase and salt, another from another salt', async () => {
    const salt = Buffer.alloc(16, 7);
    const key = await deriveExportKey('clave de exportación 2026', salt);
    expect(key).toHaveLength(32);
    expect((await deriveExportKey('clave de exportación 2026'.normalize('NFD'), salt)).equals(key)).toBe(true);
    expect((await deriveExportKey('clave de exportación 2026', Buffer.alloc(16, 8))).equals(key)).toBe(false);
    expect((await deriveExportKey('clave de exportacion 2026', salt)).equals(key)).toBe(false);
    expect(pseudonym(key, 42)).toBe(pseudonym(await deriveExportKey('clave de exportación 2026', salt), 42));
    await expect(deriveExportKey('', salt)).rejects.toThrow(RangeError);
    await expect(deriveExportKey('x', Buffer.alloc(8))).rejects.toThrow(RangeError);
  });
});
