import assert from 'node:assert/strict'
import {test} from 'node:test'
import {ENTITY_TYPES, type EntityType, type GraphNodeKind} from '@apparatus/model'
import {ENTITY_COLOURS, PLURAL_LABELS, SINGULAR_LABELS} from '@apparatus/vocabulary'

// Compile-time: the tables cover the contract's types (typecheck fails otherwise).
const plural: Record<GraphNodeKind, string> = PLURAL_LABELS
const colours: Record<EntityType, unknown> = ENTITY_COLOURS

test('labels and colours cover exactly the index contract’s kinds', () => {
  assert.deepEqual(Object.keys(colours).sort(), [...ENTITY_TYPES].sort())
  const kinds = [...ENTITY_TYPES, 'article', 'source'].sort()
  assert.deepEqual(Object.keys(plural).sort(), kinds)
  assert.deepEqual(Object.keys(SINGULAR_LABELS).sort(), kinds)
})

test('labels read as words: a capital, plural differs from singular', () => {
  assert.equal(PLURAL_LABELS.person, 'People')
  assert.equal(SINGULAR_LABELS.organisation, 'Organisation')
  for (const kind of Object.keys(PLURAL_LABELS) as GraphNodeKind[]) {
    assert.match(PLURAL_LABELS[kind], /^\p{Lu}\p{Ll}+$/u)
    assert.match(SINGULAR_LABELS[kind], /^\p{Lu}\p{Ll}+$/u)
    assert.notEqual(PLURAL_LABELS[kind], SINGULAR_LABELS[kind])
  }
})

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

test('each type’s text keeps WCAG AA contrast on its mark and on the page, in both schemes', () => {
  const page = {light: '#ffffff', dark: '#17171b'}
  for (const type of ENTITY_TYPES) {
    for (const scheme of ['light', 'dark'] as const) {
      const {text, background} = ENTITY_COLOURS[type][scheme]
      assert.match(text, /^#[0-9a-f]{6}$/)
      assert.match(background, /^#[0-9a-f]{6}$/)
      assert.ok(contrast(text, background) >= 4.5, `${type} ${scheme} on its mark: ${contrast(text, background).toFixed(2)}`)
      assert.ok(contrast(text, page[scheme]) >= 4.5, `${type} ${scheme} on the page: ${contrast(text, page[scheme]).toFixed(2)}`)
    }
  }
})
