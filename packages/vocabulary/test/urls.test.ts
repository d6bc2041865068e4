import assert from 'node:assert/strict'
import {test} from 'node:test'
import {LINK_PROTOCOLS, isSafeLinkTarget, isSafeUrl, safeUrl} from '@apparatus/vocabulary'

const hostile = ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']

test('safeUrl: absolute http(s) URLs in the parser’s form, nothing else', () => {
  assert.equal(safeUrl('https://example.org/x'), 'https://example.org/x')
  assert.equal(safeUrl(' http://a.b '), 'http://a.b/')
  assert.equal(safeUrl('HTTPS://Example.org/Path'), 'https://example.org/Path')
  for (const bad of [...hostile, '/relative', 'example.org', 'http://', '', 42, undefined, null, {}]) assert.equal(safeUrl(bad), undefined, String(bad))
})

test('isSafeUrl: the value as it stands, so an export can copy it', () => {
  assert.ok(isSafeUrl('https://example.org/a?b=c#d'))
  assert.ok(isSafeUrl('HTTP://example.org'))
  for (const bad of [...hostile, ' https://example.org', 'https://example.org/a b', 'https://exa mple.org', 'http://a:99999/', 'http://', '/x', 7, undefined]) {
    assert.equal(isSafeUrl(bad), false, String(bad))
  }
})

test('isSafeLinkTarget: an article may also link mail, fragments and relative paths', () => {
  for (const ok of ['https://example.org', 'http://x', 'mailto:a@b.c', '#notes', '/about', './a.md', '../b', 'page.html', 'page?x=1', ' https://example.org '])
    assert.ok(isSafeLinkTarget(ok), ok)
  for (const bad of [...hostile, ' javascript:alert(1)', 'ftp://example.org', 'tel:123']) assert.ok(!isSafeLinkTarget(bad), bad)
})

test('LINK_PROTOCOLS are the schemes isSafeLinkTarget lets through', () => {
  assert.deepEqual([...LINK_PROTOCOLS], ['http', 'https', 'mailto'])
  for (const scheme of LINK_PROTOCOLS) assert.ok(isSafeLinkTarget(`${scheme}:x`), scheme)
})
