import assert from 'node:assert/strict'
import {test} from 'node:test'
import {MONTHS, MONTH_ABBREVIATIONS, MONTH_PATTERN, monthNumber} from '@apparatus/vocabulary'

test('twelve months in calendar order', () => {
  assert.equal(MONTHS.length, 12)
  assert.equal(MONTHS[0], 'January')
  assert.equal(MONTHS[11], 'December')
  assert.ok(Object.isFrozen(MONTHS) && Object.isFrozen(MONTH_ABBREVIATIONS))
})

test('monthNumber reads a name or abbreviation by its first three letters, any case', () => {
  assert.equal(monthNumber('January'), 1)
  assert.equal(monthNumber('march'), 3)
  assert.equal(monthNumber('Sept.'), 9)
  assert.equal(monthNumber('DEC'), 12)
  for (const name of MONTHS) assert.equal(monthNumber(name), MONTHS.indexOf(name) + 1, name)
  for (const short of MONTH_ABBREVIATIONS) assert.equal(MONTHS[monthNumber(short)! - 1]!.slice(0, 3), short.slice(0, 3), short)
})

test('monthNumber: a word that names no month is undefined', () => {
  for (const word of ['', 'Mo', 'Monday', 'Published', '3']) assert.equal(monthNumber(word), undefined, word)
})

test('MONTH_PATTERN matches whole month words, with a full stop, and no others', () => {
  const whole = new RegExp(`^${MONTH_PATTERN}$`, 'i')
  for (const word of [...MONTHS, ...MONTH_ABBREVIATIONS, ...MONTH_ABBREVIATIONS.map((short) => `${short}.`), 'sept.', 'JUNE']) assert.ok(whole.test(word), word)
  for (const word of ['Mars', 'Janvier', 'Septober', 'Ma', 'Monday', 'May..']) assert.ok(!whole.test(word), word)
  assert.ok(!new RegExp(`^${MONTH_PATTERN}$`).test('march'), 'no flags of its own: case-sensitive without `i`')
})
