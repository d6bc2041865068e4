/**
 * The keyboard map, as Hypothesis documents its shortcuts: one list, shown in
 * the site (press `?`) and in docs/site.md, so what is written is what runs.
 */
import {html} from 'lit'

export type KeyAction = 'keys' | 'search' | 'mentions' | 'panel' | 'outline'

/** Single-key shortcuts (ignored while typing in a field). */
export const KEYS: ReadonlyArray<{key: string; action: KeyAction; what: string}> = [
  {key: '?', action: 'keys', what: 'Show this keyboard map'},
  {key: '/', action: 'search', what: 'Search the corpus'},
  {key: 'm', action: 'mentions', what: 'In an article: mark every mention, or only the first in each section'},
  {key: 'o', action: 'outline', what: 'In an article: open the outline and move to it'},
  {key: 'p', action: 'panel', what: 'In an article: move to the side panel (graph or name card)'}
]

/** Keys that work where focus is. */
export const ROUTES: ReadonlyArray<{keys: string[]; what: string}> = [
  {keys: ['Tab'], what: 'Skip link, views, article header, the text (one stop), the names (one stop), the sources, side panel'},
  {keys: ['←', '→'], what: 'In the text: previous or next name, note marker or cite button'},
  {keys: ['Home', 'End'], what: 'In the text: first or last of them'},
  {keys: ['Enter'], what: 'On a name: select it everywhere. On a note marker: open the note'},
  {keys: ['Esc'], what: 'Close the open note (wherever focus is), the cite dialog, the name sheet or this map'},
  {keys: ['←', '→'], what: 'On the side panel’s tabs: switch tab'},
  {keys: ['↓', '↑'], what: 'In search: from the box into the results, and between results; Esc goes back to the box'}
]

export function keyboardMap() {
  return html`<dialog class="keys" aria-labelledby="keys-title">
    <h2 id="keys-title">Keyboard</h2>
    <table>
      <caption class="visually-hidden">Shortcuts</caption>
      <tbody>
        ${KEYS.map((item) => html`<tr><th scope="row"><kbd>${item.key}</kbd></th><td>${item.what}</td></tr>`)}
        ${ROUTES.map((item) => html`<tr><th scope="row">${item.keys.map((key) => html`<kbd>${key}</kbd> `)}</th><td>${item.what}</td></tr>`)}
      </tbody>
    </table>
    <form method="dialog"><button>Close</button></form>
  </dialog>`
}
