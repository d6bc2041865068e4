/** Index of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    let need = 0
    let min = 0
    if (byte < 0x80) {
      index++
      continue
    } else if (byte >= 0xc2 && byte <= 0xdf) {
      need = 1
      min = 0x80
    } else if (byte >= 0xe0 && byte <= 0xef) {
      need = 2
      min = 0x800
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      need = 3
      min = 0x10000
    } else return index
    let code = byte & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const next = bytes[index + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return index
      code = (code << 6) | (next & 0x3f)
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid too.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return index
    index += need + 1
  }
  return -1
}
