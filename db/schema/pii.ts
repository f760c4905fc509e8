import { sql } from 'drizzle-orm';
import { customType, text } from 'drizzle-orm/pg-core';
import type { PiiKind } from '../../lib/pii';

/**
 * Columns that hold a personal identifier encrypted (lib/pii.ts) while callers read and write
 * plain text: drizzle seals on the way in and opens on the way out. The schema is also imported by
 * browser code for its constants, so the cipher (node:crypto, the keys) is plugged in by the server's
 * database module (db/client.ts → installPiiCodec) rather than imported here.
 */
export interface PiiCodec {
  seal(kind: PiiKind, plain: string): string;
  open(kind: PiiKind, stored: string): string;
  blindIndex(kind: PiiKind, plain: string): string;
}

const holder = globalThis as unknown as { __uapPiiCodec?: PiiCodec };

export function installPiiCodec(codec: PiiCodec): void {
  holder.__uapPiiCodec = codec;
}

export function piiCodec(): PiiCodec {
  if (!holder.__uapPiiCodec) throw new Error('No PII codec installed: open the database through db/client.ts.');
  return holder.__uapPiiCodec;
}

/** An encrypted text column of the given kind; callers see plain text. */
export const encrypted = (kind: PiiKind) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => 'text',
    toDriver: (plain) => piiCodec().seal(kind, plain),
    fromDriver: (stored) => piiCodec().open(kind, stored),
  });

/**
 * The blind index of an encrypted column: the HMAC the sealed value carries, as a stored generated
 * column that unique indexes and exact lookups use. NULL while a row still holds a value from
 * before encryption (db/pii-rewrite.ts seals those at start).
 */
export const blindIndexOf = (name: string, column: string) =>
  text(name).generatedAlwaysAs(sql.raw(`NULLIF(split_part("${column}", '.', 4), '')`));

/** The blind index of a plain value, for `eq(table.xHash, lookupHash('idNumber', value))`. */
export const lookupHash = (kind: PiiKind, plain: string) => piiCodec().blindIndex(kind, plain);
