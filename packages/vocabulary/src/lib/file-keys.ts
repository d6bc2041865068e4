/**
 * File names for ids, safe for any id on any file system and in a URL
 * without escaping: an id of the usual shape (lowercase ASCII letters,
 * digits and hyphens, not a name Windows reserves) is its own file name;
 * anything else is `~` and the hex of its UTF-8 bytes, or, past 96 bytes,
 * `~~` and two FNV-1a hashes. The build writes the sharded index
 * (`dist/corpus/`) under these names and the reader asks for them.
 */
const PLAIN = /^[a-z0-9][a-z0-9-]{0,95}$/
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/

export function fileKey(id: string): string {
  if (PLAIN.test(id) && !RESERVED.test(id)) return id
  const bytes = new TextEncoder().encode(id)
  if (bytes.length <= 96) return `~${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`
  return `~~${fnv(bytes, 0x811c9dc5).toString(16).padStart(8, '0')}${fnv(bytes, 0x01000193).toString(16).padStart(8, '0')}`
}

function fnv(bytes: Uint8Array, basis: number): number {
  let hash = basis >>> 0
  for (const byte of bytes) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** The bucket (of `buckets`) that holds a source: FNV-1a of its id. */
export function bucketOf(id: string, buckets: number): number {
  return fnv(new TextEncoder().encode(id), 0x811c9dc5) % buckets
}
